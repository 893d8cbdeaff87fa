// The audit module's public surface: other modules use it only through what is exported here.
export { listAuditEntries, recordAudit } from './service';
export type { AuditEntry } from './service';
