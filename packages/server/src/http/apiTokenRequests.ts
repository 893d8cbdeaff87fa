import type { FastifyInstance } from 'fastify';
import type { ApiTokens } from '../modules/auth';
import { apiTokenIdOfRequest } from './authenticate';
import { clientAddressOf, limitRequests } from './requestLimits';

/**
 * What every request made with an integration's API token goes through: a per-token request limit (429 with
 * `Retry-After` once spent, like the other callers' limits), and one audit entry naming the token, the route
 * and the answer, refused requests included.
 */
export function registerApiTokenRequests(
  app: FastifyInstance,
  options: { requestsPerMinute: number; apiTokens: ApiTokens },
): void {
  app.addHook(
    'onRequest',
    limitRequests(app, {
      name: 'api-token',
      max: options.requestsPerMinute,
      windowMs: 60_000,
      keyOf: apiTokenIdOfRequest,
    }),
  );
  app.addHook('onResponse', async (request, reply) => {
    const token = request.apiTokenUse;
    if (!token) return;
    await options.apiTokens
      .recordUse(token, {
        method: request.method,
        route: request.routeOptions.url ?? null,
        status: reply.statusCode,
        address: clientAddressOf(request),
      })
      .catch((error: unknown) =>
        request.log.error({ err: error, apiTokenId: token.id }, 'API token use not audited'),
      );
  });
}
