// The auth module's public surface: other modules use it only through what is exported here.
export { canAgentSeeConversation, canAgentSeeTicket, hasPermission, visibilityScopeOf } from './permissions';
export { apiTokenIdOf } from './apiTokens';
export { resolveSessionVisitor } from './visitorSessionProof';
export type { AuthenticatedAgent, Permission } from './permissions';
export type { AuthService } from './service';
export type { CustomRoles } from './customRoles';
export type { VisitorClaims, VisitorTokens } from './visitorTokens';
export type { ApiTokens } from './apiTokens';
export type { TwoFactor } from './twoFactor';
