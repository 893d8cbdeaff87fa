import type {
  ConversationPriority,
  TicketDetail,
  TicketHistoryEntry,
  TicketSource,
  TicketStatus,
} from '@kefu/sdk';
import { Card, Timeline } from 'antd';
import { priorityLabelKeys } from '../../common/labels';
import { formatClock } from '../../common/time';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { ticketSourceLabelKeys, ticketStatusLabelKeys } from '../serviceLabels';
import type { ServiceTextKey } from '../serviceText';
import { useServiceText } from '../serviceText';

const actionLabelKeys: Record<string, ServiceTextKey> = {
  created: 'historyCreated',
  status_changed: 'historyStatusChanged',
  reopened: 'historyReopened',
  updated: 'historyUpdated',
  commented: 'historyCommented',
  noted: 'historyNoted',
  linked: 'historyLinked',
};

/** Every change of the ticket, newest last, with who made it. */
export function TicketHistory({ ticket }: { ticket: TicketDetail }) {
  const st = useServiceText();
  const { locale } = useI18n();
  const { directory } = useService();
  const describeChanges = useDescribeChanges();
  const actor = (entry: TicketHistoryEntry) =>
    entry.actorType === 'agent'
      ? (directory.agents.find((agent) => agent.id === entry.actorId)?.displayName ?? entry.actorId ?? '')
      : st('system');
  return (
    <Card size="small" title={st('history')}>
      <Timeline
        className="ticket-history"
        items={ticket.history.map((entry) => {
          const labelKey = actionLabelKeys[entry.action];
          return {
            key: entry.id,
            color: entry.action === 'reopened' ? 'orange' : entry.action === 'created' ? 'blue' : 'gray',
            children: (
              <div>
                <strong>{actor(entry)}</strong> {labelKey ? st(labelKey) : entry.action}
                <span className="history-changes">{describeChanges(entry.changes)}</span>
                <div className="handoff-meta">{formatClock(entry.createdAt, locale)}</div>
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}

/** `状态：处理中 → 待回复`, `分类：退款` … from the recorded changes, each field and value in words. */
function useDescribeChanges(): (changes: Record<string, unknown>) => string {
  const st = useServiceText();
  const { t } = useI18n();
  const names = useDisplayNames();
  const { directory } = useService();
  const describeValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    const text = String(value);
    if (field === 'status' && isTicketStatus(text)) return st(ticketStatusLabelKeys[text]);
    if (field === 'priority' && isPriority(text)) return t(priorityLabelKeys[text]);
    if (field === 'source' && isTicketSource(text)) return st(ticketSourceLabelKeys[text]);
    if (field === 'category') return names.category(text);
    if (field === 'assigneeId')
      return directory.agents.find((agent) => agent.id === text)?.displayName ?? '—';
    if (field === 'teamId') return directory.teams.find((team) => team.id === text)?.name ?? '—';
    return text;
  };
  return (changes) => {
    const parts = Object.entries(changes).flatMap(([field, value]) => {
      const label = Object.hasOwn(fieldLabelKeys, field) ? fieldLabelKeys[field] : undefined;
      if (!label) return [];
      if (Array.isArray(value) && value.length === 2)
        return [`${st(label)}: ${describeValue(field, value[0])} → ${describeValue(field, value[1])}`];
      if (typeof value === 'string' || typeof value === 'number')
        return [`${st(label)}: ${describeValue(field, value)}`];
      return [];
    });
    return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
  };
}

const fieldLabelKeys: Record<string, ServiceTextKey> = {
  status: 'status',
  priority: 'priority',
  category: 'category',
  source: 'source',
  subject: 'subject',
  assigneeId: 'assignee',
  teamId: 'team',
};

function isTicketStatus(value: string): value is TicketStatus {
  return Object.hasOwn(ticketStatusLabelKeys, value);
}
function isTicketSource(value: string): value is TicketSource {
  return Object.hasOwn(ticketSourceLabelKeys, value);
}
function isPriority(value: string): value is ConversationPriority {
  return Object.hasOwn(priorityLabelKeys, value);
}
