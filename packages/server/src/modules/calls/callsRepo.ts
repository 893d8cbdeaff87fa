import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { CallRecordsTable } from '../../db/schema';

export type CallRecordRow = Selectable<CallRecordsTable>;

/** Stores the call; false when a record of the same webhook request exists (a replay racing the first). */
export async function insertCallRecord(db: DbExecutor, row: CallRecordRow): Promise<boolean> {
  const result = await db
    .insertInto('call_records')
    .values(row)
    .onConflict((conflict) => conflict.column('webhook_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Whether this webhook request, or this call of the call-center system, was already recorded. */
export async function isCallRecorded(
  db: DbExecutor,
  keys: { webhookId: string; externalCallId: string },
): Promise<boolean> {
  const found = await db
    .selectFrom('call_records')
    .select('id')
    .where((where) =>
      where.or([
        where('webhook_id', '=', keys.webhookId),
        where.and([where('source', '=', 'webhook'), where('external_call_id', '=', keys.externalCallId)]),
      ]),
    )
    .executeTakeFirst();
  return found !== undefined;
}

/** The customer's calls, newest first. */
export function listCallsOfCustomer(db: DbExecutor, customerId: string): Promise<CallRecordRow[]> {
  return db
    .selectFrom('call_records')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}
