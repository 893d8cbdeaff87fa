import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { SlaPoliciesTable, TicketSlaTargetsTable } from '../../db/schema';

export type SlaPolicyRow = Selectable<SlaPoliciesTable>;
export type SlaTargetRow = Selectable<TicketSlaTargetsTable>;

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

/** Tickets with a running target past its due time, as a subquery for the tickets list. */
export function selectOverdueTicketIds(db: DbExecutor, now: string) {
  return db
    .selectFrom('ticket_sla_targets')
    .select('ticket_sla_targets.ticket_id')
    .where('ticket_sla_targets.met_at', 'is', null)
    .where('ticket_sla_targets.cancelled_at', 'is', null)
    .where('ticket_sla_targets.due_at', '<=', now);
}
