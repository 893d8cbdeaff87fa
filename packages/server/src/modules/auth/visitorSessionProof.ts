import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { readBearerToken } from '../../http/authenticate';
import type { VisitorTokens } from './visitorTokens';

export interface SessionVisitor {
  visitorId: string;
  /** True when a token this server issued proved the visitor: their open conversation is resumed. */
  resumed: boolean;
}

/**
 * Who a new visitor session belongs to. A visitor id is not a secret (it sits in pages, logs and support
 * screenshots), so it never opens a conversation on its own: only a token this server issued to that visitor
 * does (`Authorization: Bearer <token of an earlier session>`, unexpired). Anything else — no token, an expired
 * or forged one, a bare `visitorId` in the body — gets a new visitor and a new, empty conversation.
 */
export function resolveSessionVisitor(
  tokens: VisitorTokens,
  request: FastifyRequest,
  channel: string = 'web',
): SessionVisitor {
  const token = readBearerToken(request);
  const claims = token ? tokens.tryVerify(token) : null;
  if (claims && claims.channel === channel) return { visitorId: claims.visitorId, resumed: true };
  return { visitorId: newVisitorId(), resumed: false };
}

export function newVisitorId(): string {
  return `v_${randomUUID().replaceAll('-', '')}`;
}
