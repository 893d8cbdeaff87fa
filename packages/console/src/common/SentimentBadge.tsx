import { FireFilled, FrownOutlined, MehOutlined, SmileOutlined } from '@ant-design/icons';
import type { MessageAnalysis } from '@kefu/sdk';
import { Tooltip } from 'antd';
import { useI18n } from '../i18n/I18nContext';

/** The sentiment of a customer message as the bot understood it; anger is shown apart. */
export function SentimentBadge({ sentiment }: { sentiment: MessageAnalysis['sentiment'] }) {
  const { t } = useI18n();
  if (sentiment.anger) {
    const label = t('sentimentAngry');
    return (
      <Tooltip title={`${t('sentiment')}: ${label} (${sentiment.score})`}>
        <FireFilled role="img" aria-label={label} style={{ color: '#f5222d' }} />
      </Tooltip>
    );
  }
  const { Icon, color, label } =
    sentiment.label === 'positive'
      ? { Icon: SmileOutlined, color: '#52c41a', label: t('sentimentPositive') }
      : sentiment.label === 'negative'
        ? { Icon: FrownOutlined, color: '#fa541c', label: t('sentimentNegative') }
        : { Icon: MehOutlined, color: '#8c8c8c', label: t('sentimentNeutral') };
  return (
    <Tooltip title={`${t('sentiment')}: ${label} (${sentiment.score})`}>
      <Icon role="img" aria-label={label} style={{ color }} />
    </Tooltip>
  );
}
