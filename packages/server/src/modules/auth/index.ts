// The auth module's public surface: other modules use it only through what is exported here.
export { canAgentSeeConversation, hasPermission } from './permissions';
export type { AuthenticatedAgent, Permission } from './permissions';
export type { AuthService } from './service';
export type { VisitorClaims, VisitorTokens } from './visitorTokens';
