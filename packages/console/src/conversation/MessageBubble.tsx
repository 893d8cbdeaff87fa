import {
  CustomerServiceOutlined,
  InfoCircleOutlined,
  LockFilled,
  RobotOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ChannelKind, Message, MessageAnalysis } from '@kefu/sdk';
import { Tag, Tooltip } from 'antd';
import { ChannelIcon } from '../common/ChannelIcon';
import { SentimentBadge } from '../common/SentimentBadge';
import { formatClock } from '../common/time';
import { useDisplayNames } from '../common/useDisplayNames';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';
import { MessageCardView } from './MessageCardView';
import { MessageFiles } from './MessageFiles';
import { MessagePhotos } from './MessagePhotos';

const senderLabelKeys: Record<Message['sender'], MessageKey> = {
  customer: 'senderCustomer',
  bot: 'senderBot',
  agent: 'senderAgent',
  system: 'senderSystem',
};

/** One message with its photos, files and card; text is rendered as text by React, never as HTML. */
export function MessageBubble({
  message,
  channel,
  customerName,
}: {
  message: Message;
  /** The conversation's channel: shown for a message that does not name its own. */
  channel: ChannelKind;
  customerName: string;
}) {
  const { t, locale } = useI18n();
  const side = message.sender === 'customer' ? 'left' : message.sender === 'system' ? 'center' : 'right';
  const kind = message.isPrivate ? 'note' : message.sender;
  const senderName =
    message.sender === 'customer'
      ? customerName
      : message.sender === 'agent'
        ? (message.senderName ?? t('senderAgent'))
        : t(senderLabelKeys[message.sender]);
  return (
    <li className={`message message--${side} message--${kind}`} data-message-id={message.id}>
      <div className="message-meta">
        <SenderIcon sender={message.sender} />
        <span className="message-sender">{senderName}</span>
        {message.isPrivate && (
          <Tag color="gold" icon={<LockFilled />} className="message-note-tag">
            {t('privateNote')}
          </Tag>
        )}
        <ChannelIcon channel={message.channel ?? channel} />
        <time dateTime={message.createdAt}>{formatClock(message.createdAt, locale)}</time>
      </div>
      <MessagePhotos attachments={message.attachments} />
      <MessageFiles attachments={message.attachments} />
      {(message.text !== '' || message.attachments.length === 0) && (
        <div className="message-bubble">{message.text}</div>
      )}
      {message.card && <MessageCardView card={message.card} />}
      {message.quickReplies.length > 0 && (
        <div className="message-quick-replies">
          {message.quickReplies.map((reply) => (
            <Tag key={reply.label}>{reply.label}</Tag>
          ))}
        </div>
      )}
      {message.analysis && <AnalysisLine analysis={message.analysis} />}
    </li>
  );
}

function SenderIcon({ sender }: { sender: Message['sender'] }) {
  if (sender === 'bot') return <RobotOutlined aria-hidden />;
  if (sender === 'agent') return <CustomerServiceOutlined aria-hidden />;
  if (sender === 'system') return <InfoCircleOutlined aria-hidden />;
  return <UserOutlined aria-hidden />;
}

/** What the bot understood of a customer message and which stage answered it. */
function AnalysisLine({ analysis }: { analysis: MessageAnalysis }) {
  const { t } = useI18n();
  const names = useDisplayNames();
  const alternatives = analysis.intent.alternatives
    .map((alternative) => `${names.intent(alternative.id)} ${Math.round(alternative.confidence * 100)}%`)
    .join(', ');
  return (
    <div className="message-analysis" aria-label={t('botUnderstood')}>
      <RobotOutlined aria-hidden />
      <Tooltip title={alternatives || undefined}>
        <span>
          {t('intent')}: <b>{names.intent(analysis.intent.id)}</b>{' '}
          {Math.round(analysis.intent.confidence * 100)}%
        </span>
      </Tooltip>
      {analysis.entities.length > 0 && (
        <span>
          {t('entities')}:{' '}
          {analysis.entities.map((entity) => (
            <Tag key={`${entity.type}:${entity.value}`} bordered={false} color="blue">
              {names.entityType(entity.type)}: {entity.value}
            </Tag>
          ))}
        </span>
      )}
      <span>
        {t('sentiment')}: <SentimentBadge sentiment={analysis.sentiment} />
      </span>
      {analysis.answeredBy && (
        <span>
          {t('answeredBy')}: {names.answeredBy(analysis.answeredBy)}
        </span>
      )}
    </div>
  );
}
