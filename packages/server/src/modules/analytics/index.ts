// The analytics module's public face: reports over per-conversation metrics, kept up to date by a durable job.
export {
  createAnalyticsModule,
  startAnalyticsModule,
  stopAnalyticsModule,
  type AnalyticsModule,
  type AnalyticsModuleInput,
} from './analyticsModule';
export type { QaScoreSource } from './facts/factRefresher';
export type { Dashboard, ReportName } from './reportService';
export type { ReportDirectory } from './reports/nameDirectory';
export { reportRoutes } from './routes';
export { alertRoutes } from './alertRoutes';
export { spikeAlertNoticeSchema } from './spikes/alertSchemas';
export { alertEnvironmentSchema, toAlertWebhookConfig, type AlertWebhookConfig } from './spikes/alertWebhook';
export { alertEmailEnvironmentSchema, toAlertEmailConfig, type AlertEmailConfig } from './spikes/alertEmail';
export {
  resolveReportRange,
  allowedAgents,
  isWithinScope,
  reportScopeOf,
  type ReportRange,
  type ReportReader,
  type ReportScope,
} from './reportFilter';
export { reportQueryShape } from './schemas';
export { localDateOf, addDays } from './timeZone';
