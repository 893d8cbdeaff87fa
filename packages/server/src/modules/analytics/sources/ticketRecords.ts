// Read-only report query over the tickets module's SLA targets, for SLA attainment.
import type { SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DbExecutor } from '../../../db/database';

export interface SlaTargetRecord {
  target: string;
  dueAt: string;
  metAt: string | null;
  breachedAt: string | null;
}

export interface SlaTargetQuery {
  dueFrom: string;
  dueBefore: string;
  channel: string | null;
  category: string | null;
  /** Assignees allowed; null: any. */
  agentIds: string[] | null;
  teamId: string | null;
}

/** SLA targets (not cancelled) of tickets matching the filters, due in the window. */
export async function listSlaTargets(db: DbExecutor, query: SlaTargetQuery): Promise<SlaTargetRecord[]> {
  let select = db
    .selectFrom('ticket_sla_targets')
    .innerJoin('tickets', 'tickets.id', 'ticket_sla_targets.ticket_id')
    .select([
      'ticket_sla_targets.target',
      'ticket_sla_targets.due_at',
      'ticket_sla_targets.met_at',
      'ticket_sla_targets.breached_at',
    ])
    .where('ticket_sla_targets.cancelled_at', 'is', null)
    .where('ticket_sla_targets.due_at', '>=', query.dueFrom)
    .where('ticket_sla_targets.due_at', '<', query.dueBefore);
  if (query.channel !== null) select = select.where('tickets.channel', '=', query.channel);
  if (query.category !== null) select = select.where('tickets.category', '=', query.category);
  const { agentIds, teamId } = query;
  if (agentIds !== null || teamId !== null)
    select = select.where((eb) =>
      eb.or([
        ...(agentIds !== null && agentIds.length > 0 ? [eb('tickets.assignee_id', 'in', agentIds)] : []),
        ...(teamId !== null ? [eb('tickets.team_id', '=', teamId)] : []),
        sql<SqlBool>`1 = 0`,
      ]),
    );
  const rows = await select.execute();
  return rows.map((row) => ({
    target: row.target,
    dueAt: row.due_at,
    metAt: row.met_at,
    breachedAt: row.breached_at,
  }));
}
