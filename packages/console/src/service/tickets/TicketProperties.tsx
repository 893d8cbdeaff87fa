import { LinkOutlined, MessageOutlined, ShoppingOutlined } from '@ant-design/icons';
import type { ConversationPriority, TicketDetail, TicketPatch } from '@kefu/sdk';
import { App as AntApp, Button, Card, Descriptions, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { priorityColors, priorityLabelKeys } from '../../common/labels';
import { navigate } from '../../common/router';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { ticketSourceLabelKeys } from '../serviceLabels';
import { useServiceText } from '../serviceText';
import { CategoryPicker } from '../../common/CategoryPicker';
import { useFailureText } from '../../common/failureText';

const priorities: ConversationPriority[] = ['low', 'normal', 'high', 'urgent'];

/** Assignee, team, priority and category (editable), where it came from, and its linked chats and orders. */
export function TicketProperties({
  ticket,
  onChange,
  onLinked,
}: {
  ticket: TicketDetail;
  onChange(patch: TicketPatch): void;
  onLinked(): void;
}) {
  const st = useServiceText();
  const { t, locale } = useI18n();
  const { api, directory } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [category, setCategory] = useState(ticket.category);
  const [orderNumber, setOrderNumber] = useState('');

  const linkOrder = async () => {
    const targetId = orderNumber.trim();
    if (!targetId) return;
    try {
      await api.linkTicket(ticket.id, { kind: 'order', targetId });
      setOrderNumber('');
      onLinked();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  return (
    <Card size="small" title={st('details')} className="ticket-properties">
      <Descriptions
        column={1}
        size="small"
        colon={false}
        items={[
          {
            key: 'assignee',
            label: st('assignee'),
            children: (
              <Select<string>
                size="small"
                allowClear
                aria-label={st('assignee')}
                placeholder={st('unassigned')}
                value={ticket.assigneeId ?? undefined}
                onChange={(value) => onChange({ assigneeId: value ?? null })}
                style={{ width: '100%' }}
                options={directory.agents.map((colleague) => ({
                  value: colleague.id,
                  label: colleague.displayName,
                }))}
              />
            ),
          },
          {
            key: 'team',
            label: st('team'),
            children: (
              <Select<string>
                size="small"
                allowClear
                aria-label={st('team')}
                placeholder={st('noTeam')}
                value={ticket.teamId ?? undefined}
                onChange={(value) => onChange({ teamId: value ?? null })}
                style={{ width: '100%' }}
                options={directory.teams.map((team) => ({ value: team.id, label: team.name }))}
              />
            ),
          },
          {
            key: 'priority',
            label: st('priority'),
            children: (
              <Select<ConversationPriority>
                size="small"
                aria-label={st('priority')}
                value={ticket.priority}
                onChange={(value) => onChange({ priority: value })}
                style={{ width: '100%' }}
                options={priorities.map((value) => ({
                  value,
                  label: <Tag color={priorityColors[value]}>{t(priorityLabelKeys[value])}</Tag>,
                }))}
              />
            ),
          },
          {
            key: 'category',
            label: st('category'),
            children: (
              <CategoryPicker
                size="small"
                ariaLabel={st('category')}
                value={category}
                onChange={(next) => {
                  if (typeof next !== 'string' || next === ticket.category) return;
                  setCategory(next);
                  onChange({ category: next });
                }}
              />
            ),
          },
          {
            key: 'source',
            label: st('source'),
            children: <Tag bordered={false}>{st(ticketSourceLabelKeys[ticket.source])}</Tag>,
          },
          { key: 'created', label: st('created'), children: formatClock(ticket.createdAt, locale) },
        ]}
      />
      <div className="ticket-links">
        <div className="handoff-block-title">
          <LinkOutlined /> {st('links')}
        </div>
        {ticket.links.length === 0 && <span className="muted">{st('noLinks')}</span>}
        <Space size={[4, 4]} wrap>
          {ticket.links.map((link) =>
            link.kind === 'conversation' ? (
              <Tag
                key={`${link.kind}:${link.targetId}`}
                icon={<MessageOutlined />}
                color="blue"
                className="clickable-tag"
                onClick={() => navigate({ screen: 'inbox', conversationId: link.targetId })}
              >
                {st('linkConversation')} {link.targetId.slice(-6)}
              </Tag>
            ) : (
              <Tag key={`${link.kind}:${link.targetId}`} icon={<ShoppingOutlined />} color="purple">
                <span className="mono">{link.targetId}</span>
              </Tag>
            ),
          )}
        </Space>
        <Space.Compact size="small" className="ticket-link-input">
          <Input
            placeholder={st('orderNumber')}
            aria-label={st('orderNumber')}
            value={orderNumber}
            onChange={(event) => setOrderNumber(event.target.value)}
            onPressEnter={() => void linkOrder()}
          />
          <Button onClick={() => void linkOrder()}>{st('addLink')}</Button>
        </Space.Compact>
      </div>
    </Card>
  );
}
