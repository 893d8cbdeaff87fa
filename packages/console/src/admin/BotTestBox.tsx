import { ExperimentOutlined, RobotOutlined } from '@ant-design/icons';
import type { BotUnderstanding } from '@kefu/sdk';
import { Alert, Card, Descriptions, Input, Tag } from 'antd';
import { useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { SentimentBadge } from '../common/SentimentBadge';
import { useDisplayNames } from '../common/useDisplayNames';
import { useI18n } from '../i18n/I18nContext';
import { useFailureText } from '../common/failureText';

/** Type a sentence: see what the bot understands and which rule answers it, with the reply text. */
export function BotTestBox() {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const names = useDisplayNames();
  const { client } = useSession();
  const [result, setResult] = useState<{ text: string; understanding: BotUnderstanding } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async (text: string) => {
    if (!text.trim()) return;
    setRunning(true);
    try {
      setResult({ text, understanding: await client.understand(text) });
      setError(null);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setRunning(false);
    }
  };

  const analysis = result?.understanding.analysis;
  const rule = result?.understanding.matchedRule;
  const reply =
    rule && analysis
      ? analysis.lang.startsWith('zh')
        ? rule.replyZh || rule.replyEn
        : rule.replyEn || rule.replyZh
      : null;
  return (
    <Card
      title={
        <span>
          <ExperimentOutlined /> {t('testBoxTitle')}
        </span>
      }
      className="bot-test-box"
    >
      <Input.Search
        id="bot-test-input"
        aria-label={t('testBoxTitle')}
        placeholder={t('testBoxPlaceholder')}
        enterButton={t('testBoxRun')}
        loading={running}
        onSearch={(text) => void run(text)}
      />
      {error && <Alert type="error" title={error} style={{ marginTop: 12 }} />}
      {analysis && (
        <div className="bot-test-result" data-testid="bot-test-result">
          <Descriptions size="small" column={{ xs: 1, md: 2 }} colon={false} style={{ marginTop: 16 }}>
            <Descriptions.Item label={t('language_')}>{names.language(analysis.lang)}</Descriptions.Item>
            <Descriptions.Item label={t('intent')}>
              <b>{names.intent(analysis.intent.id)}</b>&nbsp;
              <Tag>
                {t('confidence')} {Math.round(analysis.intent.confidence * 100)}%
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('entities')}>
              {analysis.entities.length === 0
                ? t('none')
                : analysis.entities.map((entity) => (
                    <Tag key={`${entity.type}:${entity.value}`} color="blue">
                      {names.entityType(entity.type)}: {entity.value}
                    </Tag>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t('sentiment')}>
              <SentimentBadge sentiment={analysis.sentiment} />
            </Descriptions.Item>
            <Descriptions.Item label={t('matchedRule')} span={2}>
              {rule ? <Tag color="purple">{rule.name}</Tag> : t('none')}
            </Descriptions.Item>
          </Descriptions>
          {reply ? (
            <div className="bot-test-reply">
              <RobotOutlined aria-hidden />
              <div>
                <div className="bot-test-reply-label">{t('botWouldAnswer')}</div>
                <div className="bot-test-reply-text">{reply}</div>
              </div>
            </div>
          ) : (
            <Alert type="info" showIcon title={t('noRuleMatched')} />
          )}
        </div>
      )}
    </Card>
  );
}
