// The analytics module's public face: reports over per-conversation metrics, kept up to date by a durable job.
export {
  createAnalyticsModule,
  startAnalyticsModule,
  stopAnalyticsModule,
  type AnalyticsModule,
  type AnalyticsModuleInput,
} from './analyticsModule';
export type { QaScoreSource } from './facts/factRefresher';
export type { ReportDirectory, Dashboard, ReportName } from './reportService';
export { reportRoutes } from './routes';
