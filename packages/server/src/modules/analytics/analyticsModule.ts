import type { SpikeAlertNotice } from '@kefu/sdk';
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
import type { AlertEmailConfig } from './spikes/alertEmail';
import { sendAlertEmail } from './spikes/alertEmail';
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
  alertEmail: AlertEmailConfig | null;
  /** The console's address for links in webhook deliveries and e-mails. */
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
  listenForAlertDeliveries(module, eventJobs, options);
  if (options.refreshIntervalMs > 0)
    module.scheduler.every(refreshFactsJob, options.refreshIntervalMs, analyticsOrderingKey);
  if (options.spikeIntervalMs > 0)
    module.scheduler.every(detectSpikesJob, options.spikeIntervalMs, analyticsOrderingKey);
}

export function stopAnalyticsModule(module: AnalyticsModule): void {
  module.scheduler.stop();
}

interface AlertDelivery {
  eventId: string;
  alert: SpikeAlertNotice;
  consoleUrl: string | null;
  now: Date;
}

/** Each new alert also goes to the configured webhook and e-mail recipients, each by its own durable job. */
function listenForAlertDeliveries(
  module: AnalyticsModule,
  eventJobs: EventJobs,
  options: AnalyticsStartOptions,
): void {
  const senders: [string, (delivery: AlertDelivery) => Promise<void>][] = [];
  const { alertWebhook, alertEmail } = options;
  if (alertWebhook)
    senders.push(['analytics.send_alert_webhook', (delivery) => sendAlertWebhook(alertWebhook, delivery)]);
  if (alertEmail)
    senders.push(['analytics.send_alert_email', (delivery) => sendAlertEmail(alertEmail, delivery)]);
  for (const [listener, send] of senders)
    eventJobs.listen('analytics.spike_detected', listener, (event) =>
      send({
        eventId: event.id,
        alert: event.payload.alert,
        consoleUrl: options.publicUrl,
        now: module.clock.now(),
      }),
    );
}
