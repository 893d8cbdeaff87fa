// The agents module's public surface: other modules use it only through what is exported here.
export { findAgentById } from './repo';
export { AgentRoutingDirectory } from './routingProfiles';
export { touchLastAssigned } from './routingRepo';
export { agentRoutingRoutes } from './routingRoutes';
export { agentRoleSchema } from './service';
export type { AgentIdentity, AgentService } from './service';
export { listTeamIdsOfAgent } from './routingRepo';
export { AgentPresenceTracker } from './presence/presenceTracker';
