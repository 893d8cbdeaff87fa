import { Badge } from 'antd';
import { useI18n } from '../i18n/I18nContext';
import { useInbox } from './InboxContext';

export function ConnectionStatus() {
  const { t } = useI18n();
  const { connection } = useInbox();
  const isOpen = connection === 'open';
  const label = isOpen
    ? t('connectionOpen')
    : connection === 'reconnecting'
      ? t('connectionReconnecting')
      : t('connectionConnecting');
  return (
    <div className="connection-status" role="status" data-state={connection}>
      <Badge status={isOpen ? 'success' : 'warning'} text={label} />
    </div>
  );
}
