// The routing module's public surface: other modules use it only through what is exported here.
export { addBusinessMinutes, nextOpeningAt } from './businessCalendar';
export { priorityRank } from './planAssignments';
export type { RoutingAgent } from './planAssignments';
export type { RoutingService } from './service';
export { SettingsStore } from './settingsStore';
