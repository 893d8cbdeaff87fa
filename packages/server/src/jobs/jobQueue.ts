import type { z } from 'zod';

/** One kind of job: its payload is parsed with `schema` before `run` sees it (stored payloads are not trusted). */
export interface JobDefinition<Payload> {
  schema: z.ZodType<Payload>;
  run(payload: Payload, context: JobContext): Promise<void>;
  /** Attempts before the job is kept as dead; defaults to the queue's `maxAttempts`. */
  maxAttempts?: number;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
  /** How long the queue waits before the next attempt if this run fails; null when this is the last one. */
  retryDelayMs: number | null;
}

export interface EnqueueRequest {
  /** A registered job name. */
  name: string;
  /** JSON-serialisable; parsed by the job's schema when it runs. */
  payload: unknown;
  /** The same key twice is one job (for as long as finished jobs are kept: `retentionMs`). */
  idempotencyKey: string;
  /** Not before this time; now when omitted. */
  runAt?: Date;
  /** Jobs sharing an ordering key run one at a time, in the order they were enqueued. */
  orderingKey?: string;
  maxAttempts?: number;
}

export type JobStatus = 'pending' | 'running' | 'completed' | 'dead';

export interface JobSnapshot {
  id: string;
  name: string;
  status: JobStatus;
  /** Runs started so far (a run handed back at shutdown does not count). */
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  /** The back-off chosen after the last failure, while a retry waits; null otherwise. */
  retryDelayMs: number | null;
}

export interface JobQueueHealth {
  ok: boolean;
  kind: JobQueueKind;
  /** Jobs kept as dead (all attempts failed), for operators. */
  dead: number;
}

export type JobQueueKind = 'database' | 'redis';

/**
 * Durable background work: a job is stored before `enqueue` resolves and runs once across all processes
 * (at least once when a process dies mid-run: handlers must be safe to repeat), retried with exponential
 * back-off, and kept as dead with its last error once its attempts are used up.
 */
export interface JobQueue {
  readonly kind: JobQueueKind;
  register<Payload>(name: string, definition: JobDefinition<Payload>): void;
  /** Stores the job (or finds the one with the same idempotency key) and returns its id. */
  enqueue(request: EnqueueRequest): Promise<string>;
  /**
   * Runs these jobs in this process now, in the given order, when they are due and no other process holds
   * them; resolves when they have run. Jobs it cannot take are left to the workers.
   */
  runNow(jobIds: readonly string[]): Promise<void>;
  find(jobId: string): Promise<JobSnapshot | null>;
  /** Starts taking due jobs (and jobs whose lease expired with a crashed process). */
  start(): Promise<void>;
  /** Stops taking jobs; waits for running ones up to the grace period, then hands the rest back. */
  stop(): Promise<void>;
  check(): Promise<JobQueueHealth>;
}

export interface RetryPolicy {
  /** Delay after the first failure; doubled after each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 15 * 60_000 };

/** Exponential back-off: base, 2×base, 4×base … capped. `failures` counts failed runs so far (1 after the first). */
export function retryDelayMs(failures: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(policy.baseDelayMs * 2 ** exponent, policy.maxDelayMs);
}

export interface JobQueueOptions {
  retry: RetryPolicy;
  /** Attempts per job unless its definition says otherwise. */
  maxAttempts: number;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** How long a claimed job is held before another process may take it over (renewed while it runs). */
  leaseMs: number;
  /** How long `stop()` waits for running jobs before handing them back. */
  stopGraceMs: number;
  /** How often idle workers look for due jobs (the table queue; BullMQ is woken by Redis). */
  pollIntervalMs: number;
  /** How long completed jobs are kept, and so how long an idempotency key is remembered. */
  retentionMs: number;
}

export const defaultJobQueueOptions: JobQueueOptions = {
  retry: defaultRetryPolicy,
  maxAttempts: 8,
  concurrency: 4,
  leaseMs: 30_000,
  stopGraceMs: 10_000,
  pollIntervalMs: 1_000,
  retentionMs: 7 * 24 * 60 * 60_000,
};

/** Thrown by `enqueue` for a name no definition was registered under: a programming error, caught in tests. */
export class UnknownJobError extends Error {
  constructor(name: string) {
    super(`No job is registered under the name ${name}`);
    this.name = 'UnknownJobError';
  }
}

/** A short, single-line description of a failure, kept with the job (never a payload). */
export function describeJobError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 1_000);
}

export interface JobLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}
