import { DelayedError, Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Clock } from '../clock';
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
import { closeConnection, openConnection, redisOptionsFromUrl, waitAtMost } from './redisConnections';
import { RedisOrdering } from './redisOrdering';

const queueName = 'kefu-jobs';
/** A job waiting for its turn looks again this often, besides being promoted when the one before it ends. */
const orderingRecheckMs = 1_000;
const storedJobSchema = z.object({ payload: z.unknown(), orderingKey: z.string().nullable() });
type StoredJob = z.infer<typeof storedJobSchema>;

export interface RedisJobQueueSettings {
  url: string;
  /** Key prefix of this deployment's queue (deployments sharing one Redis need different ones). */
  prefix: string;
  clock: Clock;
  logger: JobLogger;
  options?: Partial<JobQueueOptions>;
}

interface ActiveRun {
  job: Job;
  token: string;
  /** Settles once BullMQ has recorded the outcome (its `completed` / `failed` event). */
  recorded: Promise<void>;
  markRecorded(): void;
}

/**
 * The job queue of scale-out deployments: BullMQ on Redis, the BullMQ job id being the idempotency key.
 * BullMQ's lock is the lease (a crashed worker's jobs are picked up by the stalled-job check) and its
 * back-off follows `retryDelayMs`; delays run on Redis time, so only due times come from the clock.
 */
export class RedisJobQueue implements JobQueue {
  readonly kind = 'redis' as const;
  private readonly registry = new JobRegistry();
  private readonly options: JobQueueOptions;
  private readonly queue: Queue<StoredJob>;
  private readonly worker: Worker<StoredJob>;
  private readonly ordering: RedisOrdering;
  private readonly activeRuns = new Map<string, ActiveRun>();
  private running: Promise<void> | null = null;
  private stopped = false;

  private constructor(
    private readonly orderingConnection: Redis,
    private readonly settings: RedisJobQueueSettings,
  ) {
    this.options = { ...defaultJobQueueOptions, ...settings.options };
    const { prefix } = settings;
    const connection = redisOptionsFromUrl(settings.url);
    // BullMQ opens and closes its own connections. Enqueues and health checks fail at once while Redis is
    // away (the outbox retries them); the worker waits for Redis to come back.
    this.queue = new Queue<StoredJob>(queueName, {
      connection: { ...connection, enableOfflineQueue: false, connectionName: `${prefix}:producer` },
      prefix,
    });
    this.worker = new Worker<StoredJob>(queueName, (job, token) => this.process(job, token), {
      connection: { ...connection, connectionName: `${prefix}:worker` },
      prefix,
      autorun: false,
      concurrency: this.options.concurrency,
      lockDuration: this.options.leaseMs,
      stalledInterval: this.options.leaseMs,
      maxStalledCount: 2,
      settings: { backoffStrategy: (failures: number) => retryDelayMs(failures, this.options.retry) },
    });
    this.ordering = new RedisOrdering(orderingConnection, prefix, (jobId) => this.finishState(jobId));
    this.queue.on('error', (error) => this.logError(error, 'job queue error'));
    this.worker.on('error', (error) => this.logError(error, 'job worker error'));
    this.worker.on('completed', (job) => {
      this.markRecorded(job);
      void this.leaveLine(job);
    });
    this.worker.on('failed', (job, error) => {
      if (!job) return;
      this.markRecorded(job);
      void this.afterFailure(job, error);
    });
  }

  /** Connects to Redis; rejects when it cannot be reached (the server then refuses to start). */
  static async connect(settings: RedisJobQueueSettings): Promise<RedisJobQueue> {
    const orderingConnection = openConnection(settings, 'ordering', { enableOfflineQueue: false });
    try {
      await orderingConnection.connect();
    } catch (error) {
      orderingConnection.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not connect to Redis (REDIS_URL) for the job queue: ${reason}`, {
        cause: error,
      });
    }
    const jobQueue = new RedisJobQueue(orderingConnection, settings);
    await jobQueue.queue.waitUntilReady();
    return jobQueue;
  }

  register<Payload>(name: string, definition: JobDefinition<Payload>): void {
    this.registry.register(name, definition);
  }

  async enqueue(request: EnqueueRequest): Promise<string> {
    const jobId = encodeJobId(request.idempotencyKey);
    const maxAttempts =
      request.maxAttempts ?? this.registry.maxAttemptsOf(request.name, this.options.maxAttempts);
    const now = this.settings.clock.now().getTime();
    const orderingKey = request.orderingKey ?? null;
    if (orderingKey) await this.ordering.join(orderingKey, jobId, now);
    await this.queue.add(
      request.name,
      { payload: request.payload, orderingKey },
      {
        jobId,
        delay: Math.max(0, (request.runAt?.getTime() ?? now) - now),
        attempts: maxAttempts,
        backoff: { type: 'kefu' },
        removeOnComplete: { age: Math.ceil(this.options.retentionMs / 1000) },
        removeOnFail: false,
      },
    );
    return jobId;
  }

  /** BullMQ's workers are woken by Redis as soon as a job is added: nothing to do here. */
  async runNow(): Promise<void> {}

  async find(jobId: string): Promise<JobSnapshot | null> {
    // The job's hash and its state live in different Redis keys: a worker may finish the job between
    // the two reads. Read the state on both sides of the hash and retry until they agree.
    for (;;) {
      const before = await this.queue.getJobState(jobId);
      const job = await this.queue.getJob(jobId);
      if (!job?.id) return null;
      const state = await job.getState();
      if (state === before) return toSnapshot(job, state);
    }
  }

  async start(): Promise<void> {
    if (this.running || this.stopped) return;
    this.running = this.worker.run().catch((error: unknown) => this.logError(error, 'job worker stopped'));
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    let handedBack = 0;
    if (this.running) {
      await this.worker.pause(true);
      await waitAtMost(
        Promise.all([...this.activeRuns.values()].map((active) => active.recorded)),
        this.options.stopGraceMs,
      );
      handedBack = await this.handBackActiveRuns();
    }
    await this.worker.close(true);
    // The worker's loop ends only when its handlers return; a handed-back handler may never do so.
    if (handedBack === 0) await this.running;
    await this.queue.close();
    await closeConnection(this.orderingConnection);
  }

  async check(): Promise<JobQueueHealth> {
    try {
      return { ok: true, kind: this.kind, dead: await this.queue.getFailedCount() };
    } catch {
      return { ok: false, kind: this.kind, dead: 0 };
    }
  }

  private async process(job: Job<StoredJob>, token: string | undefined): Promise<void> {
    const jobId = job.id;
    if (!jobId || !token) throw new Error('BullMQ handed over a job without id or lock');
    const stored = storedJobSchema.parse(job.data);
    const now = this.settings.clock.now().getTime();
    if (stored.orderingKey && !(await this.ordering.isFirst(stored.orderingKey, jobId, now))) {
      await job.moveToDelayed(Date.now() + orderingRecheckMs, token);
      throw new DelayedError();
    }
    let markRecorded: () => void = () => undefined;
    const recorded = new Promise<void>((resolve) => {
      markRecorded = resolve;
    });
    this.activeRuns.set(jobId, { job, token, recorded, markRecorded });
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    await this.registry.run(job.name, stored.payload, {
      jobId,
      attempt,
      maxAttempts,
      retryDelayMs: attempt < maxAttempts ? retryDelayMs(attempt, this.options.retry) : null,
    });
  }

  private markRecorded(job: Job): void {
    if (!job.id) return;
    this.activeRuns.get(job.id)?.markRecorded();
    this.activeRuns.delete(job.id);
  }

  private async afterFailure(job: Job<StoredJob>, error: Error): Promise<void> {
    const final = job.finishedOn !== undefined && job.finishedOn !== null;
    const details = { jobId: job.id, job: job.name, attempt: job.attemptsMade, err: describeJobError(error) };
    if (final) this.settings.logger.error(details, 'job failed for the last time; kept as dead');
    else this.settings.logger.warn(details, 'job failed; will retry');
    if (final) await this.leaveLine(job);
  }

  /** A finished job lets the next one with its ordering key run at once instead of at its next look. */
  private async leaveLine(job: Job<StoredJob>): Promise<void> {
    try {
      const stored = storedJobSchema.safeParse(job.data);
      if (!job.id || !stored.success || !stored.data.orderingKey) return;
      const nextId = await this.ordering.leave(stored.data.orderingKey, job.id);
      const next = nextId ? await this.queue.getJob(nextId) : undefined;
      if (next && (await next.getState()) === 'delayed') await next.promote();
    } catch (error) {
      this.logError(error, 'could not start the next job in line');
    }
  }

  private async handBackActiveRuns(): Promise<number> {
    const unfinished = [...this.activeRuns.values()];
    for (const { job, token } of unfinished) {
      try {
        await job.moveToWait(token);
        this.settings.logger.warn({ jobId: job.id, job: job.name }, 'handed a running job back');
      } catch (error) {
        // Its lock runs out instead, and another process's stalled-job check takes it over.
        this.logError(error, 'could not hand a running job back');
      }
    }
    return unfinished.length;
  }

  private async finishState(jobId: string): Promise<'missing' | 'finished' | 'unfinished'> {
    const job = await this.queue.getJob(jobId);
    if (!job) return 'missing';
    const state = await job.getState();
    return state === 'completed' || state === 'failed' ? 'finished' : 'unfinished';
  }

  private logError(error: unknown, message: string): void {
    this.settings.logger.error({ err: describeJobError(error) }, message);
  }
}

/** BullMQ job ids may not contain ':' nor be integers; the encoding keeps distinct keys distinct. */
export function encodeJobId(idempotencyKey: string): string {
  const encoded = idempotencyKey.replace(/%/g, '%25').replace(/:/g, '%3A');
  return /^-?\d+$/.test(encoded) ? `%${encoded}` : encoded;
}

function toSnapshot(job: Job, state: string): JobSnapshot {
  const status = toStatus(state);
  return {
    id: job.id ?? '',
    name: job.name,
    status,
    attempts: job.attemptsMade + (status === 'running' ? 1 : 0),
    maxAttempts: job.opts.attempts ?? 1,
    lastError: job.failedReason ? job.failedReason : null,
    retryDelayMs: state === 'delayed' && job.failedReason ? job.delay : null,
  };
}

function toStatus(state: string): JobSnapshot['status'] {
  if (state === 'active') return 'running';
  if (state === 'completed') return 'completed';
  if (state === 'failed') return 'dead';
  return 'pending';
}
