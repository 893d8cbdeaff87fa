import type { Clock } from '../../clock';
import type { JobLogger, JobQueue } from '../../jobs/jobQueue';

/**
 * Enqueues a job once per time slot: every process's timer asks, the slot's idempotency key lets one job through
 * for the whole deployment, and a shared ordering key keeps runs from overlapping.
 */
export class RecurringJobs {
  private readonly timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    private readonly logger: JobLogger,
  ) {}

  every(jobName: string, intervalMs: number, orderingKey: string): void {
    const enqueue = () => {
      const slot = Math.floor(this.clock.now().getTime() / intervalMs) * intervalMs;
      this.jobs
        .enqueue({
          name: jobName,
          payload: {},
          idempotencyKey: `${jobName}:${slot}`,
          orderingKey,
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
