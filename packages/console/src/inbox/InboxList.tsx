import { CrownFilled, LoadingOutlined } from '@ant-design/icons';
import type { Conversation } from '@kefu/sdk';
import { Avatar, Badge, Empty, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { ChannelIcon } from '../common/ChannelIcon';
import { priorityColors, priorityLabelKeys, statusColors, statusLabelKeys } from '../common/labels';
import { SentimentBadge } from '../common/SentimentBadge';
import { formatDuration, useNow } from '../common/time';
import { QueueSlaTag } from '../service/queue/QueueSlaTag';
import { useDisplayNames } from '../common/useDisplayNames';
import { useI18n } from '../i18n/I18nContext';
import { customerDisplayName } from './customerName';
import { useInbox } from './InboxContext';

export function InboxList({ onOpen }: { onOpen(conversationId: string): void }) {
  const { t } = useI18n();
  const { conversations, loading, error, openConversationId } = useInbox();
  const listReference = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const active = listReference.current?.querySelector('[aria-current="true"]');
    active?.scrollIntoView({ block: 'nearest' });
  }, [openConversationId]);

  if (error) return <Typography.Text type="danger">{t('loadFailed', { message: error })}</Typography.Text>;
  if (!loading && conversations.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noConversations')} />;
  return (
    <ul className="inbox-list" ref={listReference} aria-label={t('navInbox')} aria-busy={loading}>
      {loading && conversations.length === 0 && (
        <li className="inbox-loading">
          <LoadingOutlined />
        </li>
      )}
      {conversations.map((conversation) => (
        <InboxRow
          key={conversation.id}
          conversation={conversation}
          isOpen={conversation.id === openConversationId}
          onOpen={onOpen}
        />
      ))}
    </ul>
  );
}

function InboxRow({
  conversation,
  isOpen,
  onOpen,
}: {
  conversation: Conversation;
  isOpen: boolean;
  onOpen(conversationId: string): void;
}) {
  const { t } = useI18n();
  const names = useDisplayNames();
  const { summaries, customers, unread } = useInbox();
  const now = useNow();
  const summary = summaries.get(conversation.id);
  const customer = customers.get(conversation.customerId);
  const unreadCount = unread.get(conversation.id) ?? 0;
  const name = customerDisplayName(customer, conversation.customerId, t);
  const isVip = customer !== undefined && customer.vipTier !== 'none';
  const lastActivity = conversation.lastMessageAt ?? conversation.createdAt;
  const waiting =
    summary?.waitingSince && (conversation.status === 'queued' || conversation.status === 'assigned')
      ? summary.waitingSince
      : null;

  return (
    <li>
      <button
        type="button"
        className={`inbox-row${isOpen ? ' inbox-row--open' : ''}${unreadCount > 0 ? ' inbox-row--unread' : ''}`}
        aria-current={isOpen}
        data-conversation-id={conversation.id}
        onClick={() => onOpen(conversation.id)}
      >
        <Badge count={unreadCount} size="small" offset={[-4, 4]} title={t('unread', { n: unreadCount })}>
          <Avatar style={{ background: avatarColor(conversation.customerId) }} aria-hidden>
            {name.slice(0, 1)}
          </Avatar>
        </Badge>
        <span className="inbox-row-main">
          <span className="inbox-row-top">
            <ChannelIcon channel={conversation.channel} />
            <span className="inbox-row-name">{name}</span>
            {isVip && (
              <Tooltip title={`${t('vip')} · ${customer.vipTier}`}>
                <Tag color="gold" className="vip-tag" icon={<CrownFilled />}>
                  {customer.vipTier.toUpperCase()}
                </Tag>
              </Tooltip>
            )}
            <span className={`inbox-row-time${waiting ? ' inbox-row-time--waiting' : ''}`}>
              {waiting
                ? t('waiting', { time: formatDuration(now - Date.parse(waiting), t) })
                : formatDuration(now - Date.parse(lastActivity), t)}
            </span>
          </span>
          <span className="inbox-row-preview">{summary?.lastText ?? conversation.subject ?? '\u00a0'}</span>
          <span className="inbox-row-tags">
            <Tag color={statusColors[conversation.status]}>{t(statusLabelKeys[conversation.status])}</Tag>
            {conversation.priority !== 'normal' && (
              <Tag color={priorityColors[conversation.priority]}>
                {t(priorityLabelKeys[conversation.priority])}
              </Tag>
            )}
            {conversation.category && <Tag>{names.category(conversation.category)}</Tag>}
            <QueueSlaTag conversationId={conversation.id} />
            {summary?.lastCustomerAnalysis && (
              <SentimentBadge sentiment={summary.lastCustomerAnalysis.sentiment} />
            )}
          </span>
        </span>
      </button>
    </li>
  );
}

const avatarPalette = ['#1677ff', '#13c2c2', '#722ed1', '#eb2f96', '#fa8c16', '#52c41a', '#2f54eb'];

function avatarColor(seed: string): string {
  let hash = 0;
  for (const character of seed) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return avatarPalette[hash % avatarPalette.length] ?? '#1677ff';
}
