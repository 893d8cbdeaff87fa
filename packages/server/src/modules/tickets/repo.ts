import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import { selectOverdueTicketIds } from '../sla';
import type {
  TicketCommentsTable,
  TicketHistoryTable,
  TicketLinksTable,
  TicketsTable,
} from '../../db/schema';

export type TicketRow = Selectable<TicketsTable>;
export type TicketLinkRow = Selectable<TicketLinksTable>;
export type TicketCommentRow = Selectable<TicketCommentsTable>;
export type TicketHistoryRow = Selectable<TicketHistoryTable>;

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
  if (filter.overdueAt) query = query.where('id', 'in', selectOverdueTicketIds(db, filter.overdueAt));
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
