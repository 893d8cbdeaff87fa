import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AbuseLimitsConfig } from './abuseLimitsConfig';
import { readBearerToken } from './authenticate';
import type { VisitorTokens } from '../modules/auth';
import { clientAddressOf, limitRequests } from './requestLimits';

const minuteMs = 60_000;

export type VisitorRequestLimits = ReturnType<typeof createVisitorRequestLimits>;

/**
 * The limits of the public visitor API, per address and per visitor, each a hook for `onRequest`; built once
 * per app so routes that share a limit share its counters. The per-visitor hooks go after `requireVisitor`
 * (they count the verified visitor, not what the client claims).
 */
export function createVisitorRequestLimits(
  app: FastifyInstance,
  limits: AbuseLimitsConfig,
  tokens: VisitorTokens,
) {
  return {
    sessionsPerAddress: limitRequests(app, {
      name: 'sessions-address',
      max: limits.sessionsPerIpPerMinute,
      windowMs: minuteMs,
      keyOf: clientAddressOf,
    }),
    /** A resume presents the earlier session's token; a new visitor has none and counts by address only. */
    sessionsPerVisitor: limitRequests(app, {
      name: 'sessions-visitor',
      max: limits.sessionsPerVisitorPerMinute,
      windowMs: minuteMs,
      keyOf: (request) => {
        const token = readBearerToken(request);
        return token ? (tokens.tryVerify(token)?.customerId ?? null) : null;
      },
    }),
    messagesPerAddress: limitRequests(app, {
      name: 'messages-address',
      max: limits.messagesPerIpPerMinute,
      windowMs: minuteMs,
      keyOf: clientAddressOf,
    }),
    messagesPerVisitor: limitRequests(app, {
      name: 'messages-visitor',
      max: limits.messagesPerVisitorPerMinute,
      windowMs: minuteMs,
      keyOf: verifiedVisitorOf,
    }),
    uploadsPerVisitor: limitRequests(app, {
      name: 'uploads-visitor',
      max: limits.messagesPerVisitorPerMinute,
      windowMs: minuteMs,
      keyOf: verifiedVisitorOf,
    }),
  };
}

function verifiedVisitorOf(request: FastifyRequest): string | null {
  return request.visitor?.customerId ?? null;
}
