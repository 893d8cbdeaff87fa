import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../clock';
import type { Db, Dialect } from '../db/database';
import type {
  EnqueueRequest,
  JobDefinition,
  JobLogger,
  JobQueue,
  JobQueueHealth,
  JobQueueOptions,
  JobSnapshot,
} from './jobQueue';
import { defaultJobQueueOptions, describeJobError, retryDelayMs } from './jobQueue';
import { JobRegistry } from './jobRegistry';
import type { JobRow } from './jobsRepo';
import * as jobsRepo from './jobsRepo';
import { WorkerLoop } from './workerLoop';

export interface DatabaseJobQueueDependencies {
  db: Db;
  dialect: Dialect;
  clock: Clock;
  logger: JobLogger;
  options?: Partial<JobQueueOptions>;
}

/**
 * The job queue of the embedded deployment: a table in Kysely's database (SQLite, or PostgreSQL where
 * several processes claim side by side with `FOR UPDATE SKIP LOCKED`). Due times and leases follow the
 * injected clock, so back-off and lease expiry are tested without sleeping.
 */
export class DatabaseJobQueue implements JobQueue {
  readonly kind = 'database' as const;
  private readonly registry = new JobRegistry();
  private readonly options: JobQueueOptions;
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly loop: WorkerLoop<JobRow>;
  private lastPrunedAt = 0;

  constructor(private readonly dependencies: DatabaseJobQueueDependencies) {
    this.options = { ...defaultJobQueueOptions, ...dependencies.options };
    this.loop = new WorkerLoop({
      pollIntervalMs: this.options.pollIntervalMs,
      concurrency: this.options.concurrency,
      heartbeatMs: Math.max(1, Math.floor(this.options.leaseMs / 3)),
      claim: (limit) => this.claim({ limit }),
      execute: (row) => this.execute(row),
      renewLeases: (ids) => jobsRepo.renewLeases(dependencies.db, ids, this.owner, this.leaseExpiry()),
      reportError: (error, message) => dependencies.logger.error({ err: describeJobError(error) }, message),
    });
  }

  register<Payload>(name: string, definition: JobDefinition<Payload>): void {
    this.registry.register(name, definition);
  }

  async enqueue(request: EnqueueRequest): Promise<string> {
    const now = this.dependencies.clock.now();
    const id = await jobsRepo.insertJobOnce(this.dependencies.db, {
      name: request.name,
      payload: JSON.stringify(request.payload),
      idempotencyKey: request.idempotencyKey,
      orderingKey: request.orderingKey ?? null,
      maxAttempts: request.maxAttempts ?? this.registry.maxAttemptsOf(request.name, this.options.maxAttempts),
      runAt: request.runAt ?? now,
      now,
    });
    this.loop.wake();
    return id;
  }

  async runNow(jobIds: readonly string[]): Promise<void> {
    for (const id of jobIds) {
      if (!this.loop.accepting) return;
      // Wrapped so that `exclusive` ends with the claim, not with the run.
      const taken = await this.loop.exclusive(async () => {
        const runningHere = this.loop.runOf(id);
        if (runningHere) return { run: runningHere };
        const [row] = await this.claim({ limit: 1, ids: [id] });
        return { run: row ? this.loop.track(row.id, this.execute(row)) : undefined };
      });
      await taken.run;
    }
  }

  async find(jobId: string): Promise<JobSnapshot | null> {
    const row = await jobsRepo.findJob(this.dependencies.db, jobId);
    return row ? toSnapshot(row) : null;
  }

  async start(): Promise<void> {
    this.loop.start();
  }

  async stop(): Promise<void> {
    const unfinished = await this.loop.stop(this.options.stopGraceMs);
    const handedBack = await jobsRepo.handBackJobs(
      this.dependencies.db,
      unfinished,
      this.owner,
      this.dependencies.clock.now(),
    );
    if (handedBack > 0)
      this.dependencies.logger.warn({ handedBack }, 'handed running jobs back for another process');
  }

  async check(): Promise<JobQueueHealth> {
    try {
      return { ok: true, kind: this.kind, dead: await jobsRepo.countDeadJobs(this.dependencies.db) };
    } catch {
      return { ok: false, kind: this.kind, dead: 0 };
    }
  }

  private async claim(scope: { limit: number; ids?: readonly string[] }): Promise<JobRow[]> {
    await this.pruneNowAndThen();
    return jobsRepo.claimDueJobs(this.dependencies.db, {
      dialect: this.dependencies.dialect,
      now: this.dependencies.clock.now(),
      owner: this.owner,
      leaseExpiresAt: this.leaseExpiry(),
      limit: scope.limit,
      ...(scope.ids && { ids: scope.ids }),
    });
  }

  private async execute(row: JobRow): Promise<void> {
    const { db, clock, logger } = this.dependencies;
    try {
      // Claimed again after its lease ran out on the last attempt: the process running it died each time.
      if (row.attempts > row.max_attempts) throw new Error('the process running the last attempt stopped');
      await this.registry.run(row.name, JSON.parse(row.payload), {
        jobId: row.id,
        attempt: row.attempts,
        maxAttempts: row.max_attempts,
        retryDelayMs: row.attempts < row.max_attempts ? retryDelayMs(row.attempts, this.options.retry) : null,
      });
      await jobsRepo.completeJob(db, row.id, this.owner, clock.now());
    } catch (error) {
      const attemptsLeft = row.attempts < row.max_attempts;
      const delay = attemptsLeft ? retryDelayMs(row.attempts, this.options.retry) : null;
      const now = clock.now();
      const lastError = describeJobError(error);
      await jobsRepo.failJob(db, row.id, this.owner, {
        now,
        lastError,
        retryAt: delay === null ? null : new Date(now.getTime() + delay),
        retryDelayMs: delay,
      });
      const details = { jobId: row.id, job: row.name, attempt: row.attempts, err: lastError };
      if (delay === null) logger.error(details, 'job failed for the last time; kept as dead');
      else logger.warn({ ...details, retryInMs: delay }, 'job failed; will retry');
    }
  }

  private leaseExpiry(): Date {
    return new Date(this.dependencies.clock.now().getTime() + this.options.leaseMs);
  }

  /** Completed jobs are forgotten after the retention period, checked at most hourly. */
  private async pruneNowAndThen(): Promise<void> {
    const now = this.dependencies.clock.now().getTime();
    if (now - this.lastPrunedAt < 3_600_000) return;
    this.lastPrunedAt = now;
    await jobsRepo.deleteCompletedJobs(this.dependencies.db, new Date(now - this.options.retentionMs));
  }
}

function toSnapshot(row: JobRow): JobSnapshot {
  return {
    id: row.id,
    name: row.name,
    status: parseStatus(row.status),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    lastError: row.last_error,
    retryDelayMs: row.status === 'pending' ? row.retry_delay_ms : null,
  };
}

function parseStatus(status: string): JobSnapshot['status'] {
  switch (status) {
    case 'pending':
    case 'running':
    case 'completed':
    case 'dead':
      return status;
    default:
      throw new Error(`unknown job status ${status}`);
  }
}
