import type { TicketDetail, TicketHistoryEntry } from '@kefu/sdk';
import { Card, Timeline } from 'antd';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
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

/** `status: open → pending`, `priority: urgent` … from the recorded changes. */
function describeChanges(changes: Record<string, unknown>): string {
  const parts = Object.entries(changes).flatMap(([key, value]) => {
    if (key === 'length') return [];
    if (Array.isArray(value) && value.length === 2)
      return [`${key}: ${String(value[0])} → ${String(value[1])}`];
    if (typeof value === 'string' || typeof value === 'number') return [`${key}: ${value}`];
    return [];
  });
  return parts.length > 0 ? ` · ${parts.join(', ')}` : '';
}
