import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type {
  SlaPoliciesTable,
  TicketCommentsTable,
  TicketHistoryTable,
  TicketLinksTable,
  TicketSlaTargetsTable,
  TicketsTable,
} from '../../db/schema';

export type TicketRow = Selectable<TicketsTable>;
export type TicketLinkRow = Selectable<TicketLinksTable>;
export type TicketCommentRow = Selectable<TicketCommentsTable>;
export type TicketHistoryRow = Selectable<TicketHistoryTable>;
export type SlaPolicyRow = Selectable<SlaPoliciesTable>;
export type SlaTargetRow = Selectable<TicketSlaTargetsTable>;

export interface TicketFilter {
  statuses?: string[] | undefined;
  assigneeId?: string | null | undefined;
  teamId?: string | undefined;
  customerId?: string | undefined;
  /** Restricts to tickets of this agent, of nobody, or of the given teams. */
  visibleTo?: { agentId: string; teamIds: readonly string[] } | undefined;
  overdueAt?: string | undefined;
  limit: number;
}

export async function insertTicket(db: DbExecutor, row: TicketRow): Promise<void> {
  await db.insertInto('tickets').values(row).execute();
}

export async function findTicket(db: DbExecutor, ticketId: string): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', ticketId).executeTakeFirst();
}

export async function updateTicket(
  db: DbExecutor,
  ticketId: string,
  changes: Updateable<TicketsTable>,
): Promise<TicketRow> {
  return db
    .updateTable('tickets')
    .set(changes)
    .where('id', '=', ticketId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listTickets(db: DbExecutor, filter: TicketFilter): Promise<TicketRow[]> {
  let query = db.selectFrom('tickets').selectAll();
  if (filter.statuses && filter.statuses.length > 0) query = query.where('status', 'in', filter.statuses);
  if (filter.assigneeId === null) query = query.where('assignee_id', 'is', null);
  else if (filter.assigneeId) query = query.where('assignee_id', '=', filter.assigneeId);
  if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
  if (filter.customerId) query = query.where('customer_id', '=', filter.customerId);
  const visibleTo = filter.visibleTo;
  if (visibleTo) {
    query = query.where((eb) =>
      eb.or([
        eb('assignee_id', '=', visibleTo.agentId),
        eb.and([eb('assignee_id', 'is', null), eb('team_id', 'is', null)]),
        ...(visibleTo.teamIds.length > 0 ? [eb('team_id', 'in', visibleTo.teamIds)] : []),
      ]),
    );
  }
  if (filter.overdueAt) {
    const now = filter.overdueAt;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ticket_sla_targets')
          .select('ticket_sla_targets.id')
          .whereRef('ticket_sla_targets.ticket_id', '=', 'tickets.id')
          .where('ticket_sla_targets.met_at', 'is', null)
          .where('ticket_sla_targets.cancelled_at', 'is', null)
          .where('ticket_sla_targets.due_at', '<=', now),
      ),
    );
  }
  return query.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function insertLink(db: DbExecutor, row: TicketLinkRow): Promise<void> {
  await db
    .insertInto('ticket_links')
    .values(row)
    .onConflict((conflict) => conflict.columns(['ticket_id', 'kind', 'target_id']).doNothing())
    .execute();
}

export async function listLinks(db: DbExecutor, ticketId: string): Promise<TicketLinkRow[]> {
  return db
    .selectFrom('ticket_links')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .execute();
}

export async function findOpenTicketLinkedTo(
  db: DbExecutor,
  kind: string,
  targetId: string,
): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .innerJoin('ticket_links', 'ticket_links.ticket_id', 'tickets.id')
    .selectAll('tickets')
    .where('ticket_links.kind', '=', kind)
    .where('ticket_links.target_id', '=', targetId)
    .where('tickets.status', 'not in', ['solved', 'closed'])
    .orderBy('tickets.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertComment(db: DbExecutor, row: TicketCommentRow): Promise<void> {
  await db.insertInto('ticket_comments').values(row).execute();
}

export async function listComments(db: DbExecutor, ticketId: string): Promise<TicketCommentRow[]> {
  return db
    .selectFrom('ticket_comments')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

export async function insertHistory(db: DbExecutor, row: TicketHistoryRow): Promise<void> {
  await db.insertInto('ticket_history').values(row).execute();
}

export async function listHistory(db: DbExecutor, ticketId: string): Promise<TicketHistoryRow[]> {
  return db
    .selectFrom('ticket_history')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

export async function listPolicies(db: DbExecutor): Promise<SlaPolicyRow[]> {
  return db.selectFrom('sla_policies').selectAll().orderBy('position').orderBy('id').execute();
}

export async function findPolicy(db: DbExecutor, policyId: string): Promise<SlaPolicyRow | undefined> {
  return db.selectFrom('sla_policies').selectAll().where('id', '=', policyId).executeTakeFirst();
}

export async function insertPolicy(db: DbExecutor, row: SlaPolicyRow): Promise<void> {
  await db.insertInto('sla_policies').values(row).execute();
}

export async function updatePolicy(
  db: DbExecutor,
  policyId: string,
  changes: Updateable<SlaPoliciesTable>,
): Promise<void> {
  await db.updateTable('sla_policies').set(changes).where('id', '=', policyId).execute();
}

export async function deletePolicy(db: DbExecutor, policyId: string): Promise<void> {
  await db.deleteFrom('sla_policies').where('id', '=', policyId).execute();
}

export async function insertSlaTarget(db: DbExecutor, row: SlaTargetRow): Promise<void> {
  await db
    .insertInto('ticket_sla_targets')
    .values(row)
    .onConflict((conflict) => conflict.columns(['ticket_id', 'target', 'started_at']).doNothing())
    .execute();
}

export async function listSlaTargets(db: DbExecutor, ticketId: string): Promise<SlaTargetRow[]> {
  return db
    .selectFrom('ticket_sla_targets')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('id')
    .execute();
}

export async function listActiveSlaTargets(db: DbExecutor, ticketId: string): Promise<SlaTargetRow[]> {
  return db
    .selectFrom('ticket_sla_targets')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .execute();
}

export async function updateSlaTarget(
  db: DbExecutor,
  targetId: string,
  changes: Updateable<TicketSlaTargetsTable>,
): Promise<void> {
  await db.updateTable('ticket_sla_targets').set(changes).where('id', '=', targetId).execute();
}

/** Targets that reached their warning or due time and were not yet warned/breached. */
export async function listDueSlaTargets(
  db: DbExecutor,
  column: 'warn_at' | 'due_at',
  now: string,
  limit: number,
) {
  const flag = column === 'warn_at' ? 'warned_at' : 'breached_at';
  return db
    .selectFrom('ticket_sla_targets')
    .selectAll()
    .where('met_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where(flag, 'is', null)
    .where(column, '<=', now)
    .orderBy(column)
    .limit(limit)
    .execute();
}

/** Claims the warning or breach of one target: only the first caller gets the row back. */
export async function claimSlaAlert(
  db: DbExecutor,
  targetId: string,
  kind: 'warning' | 'breach',
  now: string,
) {
  const flag = kind === 'warning' ? 'warned_at' : 'breached_at';
  return db
    .updateTable('ticket_sla_targets')
    .set({ [flag]: now })
    .where('id', '=', targetId)
    .where(flag, 'is', null)
    .returningAll()
    .executeTakeFirst();
}
