import { PlusOutlined, ReloadOutlined, WarningFilled } from '@ant-design/icons';
import type { Ticket, TicketFilter, TicketStatus } from '@kefu/sdk';
import { App as AntApp, Button, Card, Segmented, Select, Space, Switch, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession, useSignedInAgent } from '../../auth/SessionContext';
import { priorityColors, priorityLabelKeys } from '../../common/labels';
import { navigate } from '../../common/router';
import { formatClock } from '../../common/time';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { ticketStatusColors, ticketStatusLabelKeys, ticketStatuses } from '../serviceLabels';
import { useServiceText } from '../serviceText';
import { NewTicketDialog } from './NewTicketDialog';
import { useFailureText } from '../../common/failureText';

type TicketScope = 'mine' | 'team' | 'all';
const openStatuses: TicketStatus[] = ['open', 'pending', 'on_hold'];

/** Tickets: mine, my teams', all (supervisors); the overdue filter puts missed SLA targets first-class. */
export function TicketsPage({ overdueOnly: initialOverdue }: { overdueOnly: boolean }) {
  const st = useServiceText();
  const { t, locale } = useI18n();
  const names = useDisplayNames();
  const { client } = useSession();
  const agent = useSignedInAgent();
  const { api, canManage, directory, alerts } = useService();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [scope, setScope] = useState<TicketScope>(canManage ? 'all' : 'mine');
  const [overdueOnly, setOverdueOnly] = useState(initialOverdue);
  const [statuses, setStatuses] = useState<TicketStatus[]>(openStatuses);
  const [tickets, setTickets] = useState<Ticket[]>([]);
  const [overdueIds, setOverdueIds] = useState<ReadonlySet<string>>(new Set());
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);
  const myTeamIds = directory.teams
    .filter((team) => team.memberIds.includes(agent.id))
    .map((team) => team.id);
  const teamKey = myTeamIds.join(',');

  useEffect(() => setOverdueOnly(initialOverdue), [initialOverdue]);

  const load = useCallback(async () => {
    setLoading(true);
    const base: TicketFilter = { status: statuses, limit: 200 };
    const filter: TicketFilter =
      scope === 'mine'
        ? { ...base, assignee: 'me' }
        : scope === 'team'
          ? { ...base, teamId: teamKey.split(',')[0] }
          : base;
    try {
      const [listed, overdue] = await Promise.all([
        scope === 'team' && !teamKey
          ? Promise.resolve([])
          : api.listTickets({ ...filter, overdue: overdueOnly || undefined }),
        api.listTickets({ ...filter, overdue: true }),
      ]);
      setTickets(listed);
      setOverdueIds(new Set(overdue.map((ticket) => ticket.id)));
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setLoading(false);
    }
  }, [api, scope, statuses, overdueOnly, teamKey, toast, describeFailure]);

  useEffect(() => void load(), [load, alerts.length]);
  useEffect(() => client.on('reconnected', () => void load()), [client, load]);

  const agentName = (agentId: string | null) =>
    agentId
      ? (directory.agents.find((colleague) => colleague.id === agentId)?.displayName ?? agentId)
      : st('unassigned');

  return (
    <div className="admin-page service-page">
      <Card
        title={st('ticketsTitle')}
        extra={
          <Space wrap>
            <Segmented<TicketScope>
              value={scope}
              onChange={setScope}
              options={[
                { value: 'mine', label: st('ticketsMine') },
                { value: 'team', label: st('ticketsTeam') },
                ...(canManage ? [{ value: 'all' as const, label: st('ticketsAll') }] : []),
              ]}
            />
            <Select<TicketStatus[]>
              mode="multiple"
              aria-label={st('statusFilter')}
              placeholder={st('statusFilter')}
              value={statuses}
              onChange={setStatuses}
              style={{ minWidth: 220 }}
              maxTagCount="responsive"
              options={ticketStatuses.map((status) => ({
                value: status,
                label: st(ticketStatusLabelKeys[status]),
              }))}
            />
            <label className="overdue-switch">
              <Switch
                size="small"
                checked={overdueOnly}
                onChange={setOverdueOnly}
                aria-label={st('overdueOnly')}
              />
              <span>{st('overdueOnly')}</span>
              {overdueIds.size > 0 && <Tag color="red">{overdueIds.size}</Tag>}
            </label>
            <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label={st('refresh')} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {st('newTicket')}
            </Button>
          </Space>
        }
      >
        <Table<Ticket>
          rowKey="id"
          loading={loading}
          dataSource={tickets}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          size="middle"
          scroll={{ x: 960 }}
          rowClassName={(ticket) =>
            overdueIds.has(ticket.id) ? 'ticket-row ticket-row--overdue' : 'ticket-row'
          }
          onRow={(ticket) => ({
            onClick: () => navigate({ screen: 'tickets', ticketId: ticket.id, overdue: false }),
          })}
          columns={[
            {
              title: st('subject'),
              dataIndex: 'subject',
              render: (subject: string, ticket) => (
                <Space size={6}>
                  {overdueIds.has(ticket.id) && (
                    <Tooltip title={st('overdue')}>
                      <WarningFilled className="overdue-icon" aria-label={st('overdue')} />
                    </Tooltip>
                  )}
                  <a>{subject}</a>
                </Space>
              ),
            },
            {
              title: st('status'),
              dataIndex: 'status',
              width: 110,
              render: (status: TicketStatus) => (
                <Tag color={ticketStatusColors[status]}>{st(ticketStatusLabelKeys[status])}</Tag>
              ),
            },
            {
              title: st('priority'),
              dataIndex: 'priority',
              width: 90,
              render: (_, ticket) => (
                <Tag color={priorityColors[ticket.priority]}>{t(priorityLabelKeys[ticket.priority])}</Tag>
              ),
            },
            {
              title: st('category'),
              dataIndex: 'category',
              width: 140,
              render: (category: string) => names.category(category),
            },
            { title: st('assignee'), dataIndex: 'assigneeId', width: 120, render: agentName },
            {
              title: st('team'),
              dataIndex: 'teamId',
              width: 120,
              render: (teamId: string | null) =>
                directory.teams.find((team) => team.id === teamId)?.name ?? '—',
            },
            {
              title: st('updated'),
              dataIndex: 'updatedAt',
              width: 120,
              render: (at: string) => formatClock(at, locale),
            },
          ]}
        />
      </Card>
      <NewTicketDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(ticket) => navigate({ screen: 'tickets', ticketId: ticket.id, overdue: false })}
      />
    </div>
  );
}
