import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { JobLogger, JobQueue } from '../../jobs/jobQueue';
import type { QaScoreSource } from './facts/factRefresher';
import { FactRefresher } from './facts/factRefresher';
import type { ReportDirectory } from './reportService';
import { ReportService } from './reportService';

export interface AnalyticsModuleInput {
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  directory: ReportDirectory;
  logger: JobLogger;
  qaScores?: QaScoreSource;
}

export interface AnalyticsTimers {
  /** How often the per-conversation metrics catch up with the records; 0: never by itself (tests). */
  refreshIntervalMs: number;
}

export const refreshFactsJob = 'analytics.refresh_facts';

/** Reports (dashboards, exports, API) over per-conversation metrics that a durable job keeps up to date. */
export function createAnalyticsModule(input: AnalyticsModuleInput) {
  const refresher = new FactRefresher(input.db, input.clock, input.qaScores);
  const reports = new ReportService(input.db, input.clock, input.directory);
  const scheduler = new RecurringJobs(input.jobs, input.clock, input.logger);
  return { refresher, reports, scheduler, jobs: input.jobs };
}

export type AnalyticsModule = ReturnType<typeof createAnalyticsModule>;

export function startAnalyticsModule(module: AnalyticsModule, timers: AnalyticsTimers): void {
  module.jobs.register(refreshFactsJob, {
    schema: z.object({}),
    maxAttempts: 3,
    run: async () => {
      await module.refresher.refresh();
    },
  });
  if (timers.refreshIntervalMs > 0) module.scheduler.every(refreshFactsJob, timers.refreshIntervalMs);
}

export function stopAnalyticsModule(module: AnalyticsModule): void {
  module.scheduler.stop();
}

/**
 * Enqueues a job once per time slot: every process's timer asks, the slot's idempotency key lets one job
 * through for the whole deployment, and the shared ordering key keeps two runs from overlapping.
 */
export class RecurringJobs {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: JobLogger,
  ) {}

  every(jobName: string, intervalMs: number): void {
    const enqueue = () => {
      const slot = Math.floor(this.clock.now().getTime() / intervalMs) * intervalMs;
      this.jobs
        .enqueue({
          name: jobName,
          payload: {},
          idempotencyKey: `${jobName}:${slot}`,
          orderingKey: jobName,
          runAt: new Date(slot),
        })
        .catch((error: unknown) =>
          this.logger.error({ err: error, job: jobName }, 'scheduling a job failed'),
        );
    };
    enqueue();
    const timer = setInterval(enqueue, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }

  stop(): void {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
  }
}
