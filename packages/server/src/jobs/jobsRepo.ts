import type { Selectable } from 'kysely';
import type { Db, Dialect } from '../db/database';
import type { JobsTable } from '../db/schema';
import { newId } from '../ids';

export type JobRow = Selectable<JobsTable>;

export interface NewJob {
  name: string;
  payload: string;
  idempotencyKey: string;
  orderingKey: string | null;
  maxAttempts: number;
  runAt: Date;
  now: Date;
}

/** Inserts the job unless one with its idempotency key exists; returns the id of the stored job. */
export async function insertJobOnce(db: Db, job: NewJob): Promise<string> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      id: newId('job'),
      name: job.name,
      payload: job.payload,
      idempotency_key: job.idempotencyKey,
      ordering_key: job.orderingKey,
      status: 'pending',
      attempts: 0,
      max_attempts: job.maxAttempts,
      run_at: job.runAt.toISOString(),
      retry_delay_ms: null,
      lease_owner: null,
      lease_expires_at: null,
      last_error: null,
      created_at: job.now.toISOString(),
      updated_at: job.now.toISOString(),
      finished_at: null,
    })
    .onConflict((conflict) => conflict.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', job.idempotencyKey)
    .executeTakeFirstOrThrow();
  return existing.id;
}

export interface ClaimRequest {
  dialect: Dialect;
  now: Date;
  owner: string;
  leaseExpiresAt: Date;
  limit: number;
  /** Only these jobs (to run them at once); any due job when omitted. */
  ids?: readonly string[];
}

/**
 * Claims due jobs in one statement: pending ones whose time has come, and running ones whose lease ran out
 * (their process died). A job waits while an earlier job with its ordering key is unfinished. On PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets workers of several processes claim side by side without waiting on each other.
 */
export async function claimDueJobs(db: Db, request: ClaimRequest): Promise<JobRow[]> {
  const now = request.now.toISOString();
  let candidates = db
    .selectFrom('jobs as candidate')
    .select('candidate.id')
    .where((eb) =>
      eb.or([
        eb.and([eb('candidate.status', '=', 'pending'), eb('candidate.run_at', '<=', now)]),
        eb.and([eb('candidate.status', '=', 'running'), eb('candidate.lease_expires_at', '<=', now)]),
      ]),
    )
    .where((eb) =>
      eb.or([
        eb('candidate.ordering_key', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('jobs as earlier')
              .select('earlier.id')
              .whereRef('earlier.ordering_key', '=', 'candidate.ordering_key')
              .whereRef('earlier.id', '<', 'candidate.id')
              .where('earlier.status', 'in', ['pending', 'running']),
          ),
        ),
      ]),
    )
    .orderBy('candidate.run_at')
    .orderBy('candidate.id')
    .limit(request.limit);
  if (request.ids) candidates = candidates.where('candidate.id', 'in', [...request.ids]);
  if (request.dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
  const claimed = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      attempts: eb('attempts', '+', 1),
      lease_owner: request.owner,
      lease_expires_at: request.leaseExpiresAt.toISOString(),
      updated_at: now,
    }))
    .where('id', 'in', candidates)
    .returningAll()
    .execute();
  return claimed.sort((left, right) =>
    left.run_at === right.run_at ? compareText(left.id, right.id) : compareText(left.run_at, right.run_at),
  );
}

export async function completeJob(db: Db, id: string, owner: string, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: 'completed',
      lease_owner: null,
      lease_expires_at: null,
      retry_delay_ms: null,
      updated_at: now.toISOString(),
      finished_at: now.toISOString(),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

export interface FailedRun {
  now: Date;
  lastError: string;
  /** Null: no attempts left, the job is kept as dead. */
  retryAt: Date | null;
  retryDelayMs: number | null;
}

/** Records a failed run; only the holder of the lease may (a job taken over by another process is theirs). */
export async function failJob(db: Db, id: string, owner: string, failure: FailedRun): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: failure.retryAt ? 'pending' : 'dead',
      run_at: (failure.retryAt ?? failure.now).toISOString(),
      retry_delay_ms: failure.retryDelayMs,
      last_error: failure.lastError,
      lease_owner: null,
      lease_expires_at: null,
      updated_at: failure.now.toISOString(),
      finished_at: failure.retryAt ? null : failure.now.toISOString(),
    })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

export async function renewLeases(
  db: Db,
  ids: readonly string[],
  owner: string,
  leaseExpiresAt: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('jobs')
    .set({ lease_expires_at: leaseExpiresAt.toISOString() })
    .where('id', 'in', [...ids])
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .execute();
}

/** Gives running jobs back at shutdown: due at once for another process, the interrupted run not counted. */
export async function handBackJobs(
  db: Db,
  ids: readonly string[],
  owner: string,
  now: Date,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '-', 1),
      run_at: now.toISOString(),
      lease_owner: null,
      lease_expires_at: null,
      updated_at: now.toISOString(),
    }))
    .where('id', 'in', [...ids])
    .where('lease_owner', '=', owner)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countDeadJobs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('count'))
    .where('status', '=', 'dead')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Forgets completed jobs finished before `before` (their idempotency keys with them). */
export async function deleteCompletedJobs(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('jobs')
    .where('status', '=', 'completed')
    .where('finished_at', '<', before.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

function compareText(left: string, right: string): number {
  if (left === right) return 0;
  return left < right ? -1 : 1;
}
