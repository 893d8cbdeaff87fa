// The handoff module's public surface: other modules use it only through what is exported here.
export { answerWhileQueued } from './answerWhileQueued';
export { categoryFromIntent, computePriority, isTopicIntent } from './classification';
export { handOffConversation, readSignals } from './handOffConversation';
export type { HandoffRequest } from './handOffConversation';
export { findClassification, saveClassification } from './repo';
export { handoffRoutes } from './routes';
export { HandoffService } from './service';
export { defaultHandoffSettings, handoffSettingsSchema, handoffSummarySchema } from './schemas';
export type { HandoffSummary } from './schemas';
