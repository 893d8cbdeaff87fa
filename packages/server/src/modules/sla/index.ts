// The sla module's public surface: other modules use it only through what is exported here.
export { selectOverdueTicketIds } from './repo';
export { slaRoutes } from './routes';
export { slaTargetKindSchema, slaTargetSchema } from './schemas';
export type { SlaPolicy, SlaTarget, SlaTargetKind } from './schemas';
export { SlaEvaluator } from './slaEvaluator';
export type { FindTicketForAlert } from './slaEvaluator';
export { SlaPolicyService } from './slaPolicyService';
export {
  cancelSlaTargets,
  listSlaTargetsOfTicket,
  meetSlaTargets,
  reapplySlaPolicy,
  startSlaTarget,
} from './slaTargets';
export type { SlaSubject } from './slaTargets';
