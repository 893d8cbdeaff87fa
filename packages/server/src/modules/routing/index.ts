// The routing module's public surface: other modules use it only through what is exported here.
export { addBusinessMinutes, localOffsetMinutes, nextOpeningAt } from './businessCalendar';
export { priorityRank } from './planAssignments';
export type { RoutingAgent } from './planAssignments';
export { deleteQueueEntry, findQueueEntry, upsertQueueEntry } from './repo';
export { RoutingService } from './service';
export { SettingsStore } from './settingsStore';
export { conversationKey, listenForRoutingWork } from './listeners';
export { QueueMaintenance } from './queueMaintenance';
export { queueRoutes } from './routes';
export { defaultRoutingSettings, routingSettingsSchema } from './schemas';
export type { BusinessHours, PriorityRules, RoutingSettings } from './schemas';
