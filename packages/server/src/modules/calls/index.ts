// The calls module's public surface: phone calls with customers (call-center webhook, logged by agents).
export { CallRecords } from './callRecords';
export type { CallRecord } from './callRecords';
export { callRoutes, callWebhookRoutes } from './callRoutes';
export { callsEnvironmentSchema, toCallsConfig } from './callsConfig';
export type { CallsConfig } from './callsConfig';
export { listCallsForExport } from './callsExport';
export type { ExportedCall } from './callsExport';
