import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database';

export async function findLockouts(db: DbExecutor, keys: string[]) {
  return db.selectFrom('login_lockouts').selectAll().where('account_key', 'in', keys).execute();
}

/** Counts one failure atomically (concurrent failures all count); returns the failures now on record. */
export async function incrementFailures(
  db: DbExecutor,
  key: string,
  now: Date,
  memory: { forgetFailuresBefore: Date; forgetLockoutsBefore: Date },
): Promise<number> {
  const failuresBefore = memory.forgetFailuresBefore.toISOString();
  const lockoutsBefore = memory.forgetLockoutsBefore.toISOString();
  const row = await db
    .insertInto('login_lockouts')
    .values({
      account_key: key,
      failures: 1,
      lockouts: 0,
      locked_until: null,
      last_failure_at: now.toISOString(),
    })
    .onConflict((conflict) =>
      conflict.column('account_key').doUpdateSet({
        failures: sql<number>`case when login_lockouts.last_failure_at < ${failuresBefore} then 1 else login_lockouts.failures + 1 end`,
        lockouts: sql<number>`case when login_lockouts.last_failure_at < ${lockoutsBefore} then 0 else login_lockouts.lockouts end`,
        last_failure_at: now.toISOString(),
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

/** Turns `threshold` failures into one more lock-out; null when another request already did. */
export async function startLockout(db: DbExecutor, key: string, threshold: number): Promise<number | null> {
  const row = await db
    .updateTable('login_lockouts')
    .set((eb) => ({ failures: 0, lockouts: eb('lockouts', '+', 1) }))
    .where('account_key', '=', key)
    .where('failures', '>=', threshold)
    .returning('lockouts')
    .executeTakeFirst();
  return row ? Number(row.lockouts) : null;
}

export async function setLockedUntil(db: DbExecutor, key: string, lockedUntil: string): Promise<void> {
  await db
    .updateTable('login_lockouts')
    .set({ locked_until: lockedUntil })
    .where('account_key', '=', key)
    .execute();
}

export async function deleteLockout(db: DbExecutor, key: string): Promise<void> {
  await db.deleteFrom('login_lockouts').where('account_key', '=', key).execute();
}
