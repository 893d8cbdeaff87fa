import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TicketDetail, TicketPatch, TicketStatus } from '@kefu/sdk';
import { App as AntApp, Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/SessionContext';
import { navigate } from '../../common/router';
import { useService } from '../ServiceContext';
import type { ServiceTextKey } from '../serviceText';
import { useServiceText } from '../serviceText';
import { ticketStatusColors, ticketStatusLabelKeys } from '../serviceLabels';
import { TicketComments } from './TicketComments';
import { TicketHistory } from './TicketHistory';
import { TicketProperties } from './TicketProperties';
import { isTicketOverdue, TicketSlaTargets } from './TicketSlaTargets';
import { useFailureText } from '../../common/failureText';

/** The lifecycle buttons each status offers (the server enforces the same transitions). */
const lifecycleActions: Record<
  TicketStatus,
  { to: TicketStatus; label: ServiceTextKey; primary?: boolean }[]
> = {
  open: [
    { to: 'pending', label: 'actionPending' },
    { to: 'on_hold', label: 'actionOnHold' },
    { to: 'solved', label: 'actionSolve', primary: true },
  ],
  pending: [
    { to: 'on_hold', label: 'actionOnHold' },
    { to: 'solved', label: 'actionSolve', primary: true },
  ],
  on_hold: [
    { to: 'pending', label: 'actionPending' },
    { to: 'solved', label: 'actionSolve', primary: true },
  ],
  solved: [
    { to: 'open', label: 'actionReopen' },
    { to: 'closed', label: 'actionClose', primary: true },
  ],
  closed: [{ to: 'open', label: 'actionReopen', primary: true }],
};

/** One ticket: lifecycle, fields, SLA countdowns and breaches, links, comments and replies, history. */
export function TicketDetailPage({ ticketId }: { ticketId: string }) {
  const st = useServiceText();
  const { client } = useSession();
  const { api, alerts } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.getTicket(ticketId).then(
      (loaded) => {
        setTicket(loaded);
        setError(null);
      },
      (failure: unknown) => setError(describeFailure(failure)),
    );
  }, [api, ticketId, describeFailure]);
  useEffect(load, [load, alerts.length]);
  useEffect(() => client.on('reconnected', load), [client, load]);

  const update = async (patch: TicketPatch) => {
    try {
      await api.updateTicket(ticketId, patch);
      if (!patch.status) toast.success(st('saved'));
      load();
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };

  if (error) return <Result status="warning" title={st('loadFailed', { message: error })} />;
  if (!ticket) return <Spin className="page-loading" />;
  const overdue = isTicketOverdue(ticket);

  return (
    <div className="admin-page service-page ticket-page">
      <div className="ticket-header">
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={st('backToTickets')}
          onClick={() => navigate({ screen: 'tickets', ticketId: null, overdue: false })}
        />
        <div className="ticket-title">
          <Typography.Title level={4}>{ticket.subject}</Typography.Title>
          <Space size={6} wrap>
            <Tag color={ticketStatusColors[ticket.status]} data-testid="ticket-status">
              {st(ticketStatusLabelKeys[ticket.status])}
            </Tag>
            {overdue && <Tag color="red">{st('overdue')}</Tag>}
            <Typography.Text type="secondary" className="mono">
              {ticket.id}
            </Typography.Text>
          </Space>
        </div>
        <Space wrap>
          {lifecycleActions[ticket.status].map((action) => (
            <Button
              key={action.to}
              type={action.primary ? 'primary' : 'default'}
              onClick={() => void update({ status: action.to })}
            >
              {st(action.label)}
            </Button>
          ))}
          <Button icon={<ReloadOutlined />} aria-label={st('refresh')} onClick={load} />
        </Space>
      </div>
      <div className="ticket-layout">
        <div className="ticket-main">
          <Card size="small" title={st('description')}>
            <Typography.Paragraph className="ticket-description">{ticket.description}</Typography.Paragraph>
          </Card>
          <TicketComments ticket={ticket} onChanged={load} />
          <TicketHistory ticket={ticket} />
        </div>
        <aside className="ticket-side">
          <TicketProperties ticket={ticket} onChange={(patch) => void update(patch)} onLinked={load} />
          <TicketSlaTargets ticket={ticket} />
        </aside>
      </div>
    </div>
  );
}
