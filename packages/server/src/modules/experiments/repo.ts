import type { Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { ExperimentExposuresTable, ExperimentsTable } from '../../db/schema';

export type ExperimentRow = Selectable<ExperimentsTable>;
export type ExposureRow = Selectable<ExperimentExposuresTable>;

export async function listExperimentRows(db: DbExecutor): Promise<ExperimentRow[]> {
  return db
    .selectFrom('experiments')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findExperimentRow(
  db: DbExecutor,
  experimentId: string,
): Promise<ExperimentRow | undefined> {
  return db.selectFrom('experiments').selectAll().where('id', '=', experimentId).executeTakeFirst();
}

export async function findRunningExperimentRow(
  db: DbExecutor,
  scriptKey: string,
): Promise<ExperimentRow | undefined> {
  return db
    .selectFrom('experiments')
    .selectAll()
    .where('script_key', '=', scriptKey)
    .where('status', '=', 'running')
    .executeTakeFirst();
}

export async function insertExperimentRow(db: DbExecutor, row: ExperimentRow): Promise<void> {
  await db.insertInto('experiments').values(row).execute();
}

export async function updateExperimentRow(
  db: DbExecutor,
  experimentId: string,
  changes: Updateable<ExperimentsTable>,
): Promise<ExperimentRow | undefined> {
  return db
    .updateTable('experiments')
    .set(changes)
    .where('id', '=', experimentId)
    .returningAll()
    .executeTakeFirst();
}

/** One exposure per (experiment, conversation): a second one for the same conversation is a no-op. */
export async function insertExposureOnce(db: DbExecutor, row: ExposureRow): Promise<void> {
  await db
    .insertInto('experiment_exposures')
    .values(row)
    .onConflict((conflict) => conflict.columns(['experiment_id', 'conversation_id']).doNothing())
    .execute();
}

export async function markHandedOff(db: DbExecutor, conversationId: string, at: string): Promise<void> {
  await db
    .updateTable('experiment_exposures')
    .set({ handed_off_at: at })
    .where('conversation_id', '=', conversationId)
    .where('handed_off_at', 'is', null)
    .execute();
}

/**
 * The shopper wrote after the script: a message later than the one the script answered (ids sort by time), or
 * any message after a greeting, which answered none.
 */
export async function markReplied(
  db: DbExecutor,
  conversationId: string,
  messageId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('experiment_exposures')
    .set({ replied_at: at })
    .where('conversation_id', '=', conversationId)
    .where('replied_at', 'is', null)
    .where((eb) => eb.or([eb('trigger_message_id', 'is', null), eb('trigger_message_id', '<', messageId)]))
    .execute();
}

export async function markRated(db: DbExecutor, conversationId: string, rating: number): Promise<void> {
  await db
    .updateTable('experiment_exposures')
    .set({ csat_rating: rating })
    .where('conversation_id', '=', conversationId)
    .where('csat_rating', 'is', null)
    .execute();
}

export interface VariantCounts {
  variantKey: string;
  exposures: number;
  handedOff: number;
  replied: number;
  rated: number;
  satisfied: number;
}

export async function countOutcomesByVariant(db: DbExecutor, experimentId: string): Promise<VariantCounts[]> {
  const rows = await db
    .selectFrom('experiment_exposures')
    .select((eb) => [
      'variant_key',
      eb.fn.countAll<string | number>().as('exposures'),
      eb.fn.count<string | number>('handed_off_at').as('handed_off'),
      eb.fn.count<string | number>('replied_at').as('replied'),
      eb.fn.count<string | number>('csat_rating').as('rated'),
      sql<string | number | null>`sum(case when csat_rating >= 4 then 1 else 0 end)`.as('satisfied'),
    ])
    .where('experiment_id', '=', experimentId)
    .groupBy('variant_key')
    .execute();
  return rows.map((row) => ({
    variantKey: row.variant_key,
    exposures: Number(row.exposures),
    handedOff: Number(row.handed_off),
    replied: Number(row.replied),
    rated: Number(row.rated),
    satisfied: Number(row.satisfied ?? 0),
  }));
}
