import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { permissionSchema } from './customRoles';
import { permissionNames } from './permissions';

const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(permissionSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

/** Integrations' API tokens: `Authorization: Bearer kefupat_…` acts with the token's scopes. */
export const apiTokenRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'apiTokens'>;
}> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'tokens:manage'));
  const tags = ['admin: API tokens'];

  app.get(
    '/api/v1/admin/api-tokens',
    {
      schema: {
        tags,
        summary: 'Every API token with its scopes and last use (never the secret)',
        security: bearerSecurity,
        response: { 200: z.object({ tokens: z.array(apiTokenSchema) }) },
      },
    },
    async () => ({ tokens: await services.apiTokens.list() }),
  );

  app.post(
    '/api/v1/admin/api-tokens',
    {
      schema: {
        tags,
        summary: 'Create a token; the secret is in this answer only',
        security: bearerSecurity,
        body: z
          .object({
            name: z.string().trim().min(1).max(80),
            scopes: z.array(permissionSchema).max(permissionNames.length),
            expiresAt: z.string().datetime({ offset: true }).nullable().default(null),
          })
          .strict(),
        response: {
          201: z.object({ token: apiTokenSchema, secret: z.string() }),
          400: errorResponseSchema,
          403: errorResponseSchema,
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.apiTokens.create(request.body, agentOf(request))),
  );

  app.post(
    '/api/v1/admin/api-tokens/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a token: requests with it are refused from now on',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ token: apiTokenSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      token: await services.apiTokens.revoke(request.params.id, agentOf(request).id),
    }),
  );
};
