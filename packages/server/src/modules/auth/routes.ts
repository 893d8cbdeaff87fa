import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, readBearerToken, requireAgent } from '../../http/authenticate';
import { clientAddressOf, limitRequests } from '../../http/requestLimits';
import { allowAnyone } from '../../http/routeAccess';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { agentRoleSchema } from '../agents';
import type { AuthenticatedAgent } from './permissions';

const agentSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: agentRoleSchema,
  permissions: z.array(z.string()),
});

export const authRoutes: FastifyPluginAsyncZod<{ services: Pick<KefuServices, 'auth' | 'config'> }> = async (
  app,
  { services },
) => {
  const tags = ['auth'];

  app.post(
    '/api/v1/auth/login',
    {
      onRequest: [
        allowAnyone('signing in; limited per address and locked out per account'),
        limitRequests(app, {
          name: 'login-address',
          max: services.config.abuseLimits.loginsPerIpPerMinute,
          windowMs: 60_000,
          keyOf: clientAddressOf,
        }),
      ],
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; returns a bearer token',
        body: z
          .object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) })
          .strict(),
        response: {
          200: z.object({ token: z.string(), expiresAt: z.string(), agent: agentSummarySchema }),
          401: errorResponseSchema,
          429: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const session = await services.auth.login(request.body.email, request.body.password, {
        address: clientAddressOf(request),
      });
      return { token: session.token, expiresAt: session.expiresAt, agent: pickSummary(session.agent) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      onRequest: requireAgent(services.auth),
      schema: { tags, summary: 'Revoke the current token', security: bearerSecurity },
    },
    async (request, reply) => {
      const token = readBearerToken(request);
      if (token) await services.auth.logout(token);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      onRequest: requireAgent(services.auth),
      schema: {
        tags,
        summary: 'The signed-in agent',
        security: bearerSecurity,
        response: { 200: z.object({ agent: agentSummarySchema }) },
      },
    },
    async (request) => ({ agent: pickSummary(agentOf(request)) }),
  );
};

function pickSummary(agent: AuthenticatedAgent) {
  return {
    id: agent.id,
    email: agent.email,
    displayName: agent.displayName,
    role: agent.role,
    permissions: [...agent.permissions].sort(),
  };
}
