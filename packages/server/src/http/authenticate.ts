import type { FastifyReply, FastifyRequest } from 'fastify';
import { KefuError } from '../errors';
import type {
  AuthService,
  AuthenticatedAgent,
  Permission,
  VisitorClaims,
  VisitorTokens,
} from '../modules/auth';
import { apiTokenIdOf, hasPermission } from '../modules/auth';

declare module 'fastify' {
  interface FastifyRequest {
    agent: AuthenticatedAgent | null;
    visitor: VisitorClaims | null;
    /** The API token the request was made with (set before its scopes are checked, so refusals are audited). */
    apiTokenUse: { id: string; name: string } | null;
  }
}

/** Which API token the request names (before it is checked), to count its requests; null for anything else. */
export function apiTokenIdOfRequest(request: FastifyRequest): string | null {
  return apiTokenIdOf(readBearerToken(request));
}

/** Reads `Authorization: Bearer …`, or `?token=` for WebSocket upgrades, which browsers cannot give headers. */
export function readBearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  const query = request.query;
  if (query && typeof query === 'object' && 'token' in query && typeof query.token === 'string')
    return query.token;
  return null;
}

/**
 * An agent session with `permission` (without one: any signed-in role, for their own profile and sign-out).
 * 401 without a valid session, 403 when the role lacks the permission; the decision is recorded (routeAccess).
 */
export function requireAgent(auth: AuthService, permission?: Permission) {
  return async function authenticateAgent(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.accessDecision = { kind: 'agent', permission: permission ?? null };
    const token = readBearerToken(request);
    if (!token) throw new KefuError('unauthenticated');
    const agent = await auth.authenticate(token);
    request.apiTokenUse = agent.apiToken;
    if (!permission) {
      // Routes open to every signed-in role are a person's own (profile, sign-out, two-factor).
      if (agent.apiToken) throw new KefuError('api_token_not_allowed');
    } else {
      if (agent.mustEnrolTwoFactor) throw new KefuError('two_factor_setup_required');
      if (!hasPermission(agent, permission)) throw new KefuError('forbidden');
    }
    request.agent = agent;
  };
}

export function requireVisitor(tokens: VisitorTokens) {
  return async function authenticateVisitor(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.accessDecision = { kind: 'visitor' };
    const token = readBearerToken(request);
    if (!token) throw new KefuError('unauthenticated');
    request.visitor = tokens.verify(token);
  };
}

/** For handlers behind `requireAgent`: the agent, or a 401 if the hook was forgotten. */
export function agentOf(request: FastifyRequest): AuthenticatedAgent {
  if (!request.agent) throw new KefuError('unauthenticated');
  return request.agent;
}

export function visitorOf(request: FastifyRequest): VisitorClaims {
  if (!request.visitor) throw new KefuError('unauthenticated');
  return request.visitor;
}
