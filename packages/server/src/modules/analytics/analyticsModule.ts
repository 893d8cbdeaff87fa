import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventJobs } from '../../events/eventJobs';
import type { UnitOfWork } from '../../events/outbox';
import type { JobLogger, JobQueue } from '../../jobs/jobQueue';
import type { QaScoreSource } from './facts/factRefresher';
import { FactRefresher } from './facts/factRefresher';
import { RecurringJobs } from './recurringJobs';
import type { ReportDirectory } from './reports/nameDirectory';
import { ReportService } from './reportService';
import type { AlertWebhookConfig } from './spikes/alertWebhook';
import { sendAlertWebhook } from './spikes/alertWebhook';
import { SpikeService } from './spikes/spikeService';

export interface AnalyticsModuleInput {
  db: Db;
  clock: Clock;
  unitOfWork: UnitOfWork;
  jobs: JobQueue;
  directory: ReportDirectory;
  logger: JobLogger;
  qaScores?: QaScoreSource;
}

export interface AnalyticsStartOptions {
  /** How often the metrics catch up with the records, and how often spikes are looked for; 0: never (tests). */
  refreshIntervalMs: number;
  spikeIntervalMs: number;
  alertWebhook: AlertWebhookConfig | null;
  /** The console's address for links in webhook deliveries. */
  publicUrl: string | null;
}

export const refreshFactsJob = 'analytics.refresh_facts';
export const detectSpikesJob = 'analytics.detect_spikes';
/** Refreshes and detections take turns: a detection first brings the metrics up to date. */
const analyticsOrderingKey = 'analytics';

/** Reports over per-conversation metrics kept up to date by a durable job, and spike alerts on surging topics. */
export function createAnalyticsModule(input: AnalyticsModuleInput) {
  const refresher = new FactRefresher(input.db, input.clock, input.qaScores);
  return {
    refresher,
    reports: new ReportService(input.db, input.clock, input.directory),
    spikes: new SpikeService(input.db, input.unitOfWork, input.clock, input.directory),
    scheduler: new RecurringJobs(input.jobs, input.clock, input.logger),
    jobs: input.jobs,
    clock: input.clock,
  };
}

export type AnalyticsModule = ReturnType<typeof createAnalyticsModule>;

export function startAnalyticsModule(
  module: AnalyticsModule,
  eventJobs: EventJobs,
  options: AnalyticsStartOptions,
): void {
  module.jobs.register(refreshFactsJob, {
    schema: z.object({}),
    maxAttempts: 3,
    run: async () => {
      await module.refresher.refresh();
    },
  });
  module.jobs.register(detectSpikesJob, {
    schema: z.object({}),
    maxAttempts: 3,
    run: async () => {
      await module.refresher.refresh();
      await module.spikes.detect();
    },
  });
  const { alertWebhook } = options;
  if (alertWebhook)
    eventJobs.listen('analytics.spike_detected', 'analytics.send_alert_webhook', (event) =>
      sendAlertWebhook(alertWebhook, {
        eventId: event.id,
        alert: event.payload.alert,
        consoleUrl: options.publicUrl,
        now: module.clock.now(),
      }),
    );
  if (options.refreshIntervalMs > 0)
    module.scheduler.every(refreshFactsJob, options.refreshIntervalMs, analyticsOrderingKey);
  if (options.spikeIntervalMs > 0)
    module.scheduler.every(detectSpikesJob, options.spikeIntervalMs, analyticsOrderingKey);
}

export function stopAnalyticsModule(module: AnalyticsModule): void {
  module.scheduler.stop();
}
