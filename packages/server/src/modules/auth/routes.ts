import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, readBearerToken, requireAgent } from '../../http/authenticate';
import { clientAddressOf, limitRequests } from '../../http/requestLimits';
import { allowAnyone } from '../../http/routeAccess';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { agentRoleSchema } from '../agents';
import type { AuthenticatedAgent } from './permissions';
import type { AgentSession } from './service';

const agentSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: agentRoleSchema,
  permissions: z.array(z.string()),
  /** The role requires two-factor and it is off: only setting it up is allowed until it is on. */
  mustEnrolTwoFactor: z.boolean(),
});
const sessionSchema = z.object({ token: z.string(), expiresAt: z.string(), agent: agentSummarySchema });

export const authRoutes: FastifyPluginAsyncZod<{ services: Pick<KefuServices, 'auth' | 'config'> }> = async (
  app,
  { services },
) => {
  const tags = ['auth'];
  // Passwords and second-step codes count together against one budget per address.
  const loginsPerAddress = limitRequests(app, {
    name: 'login-address',
    max: services.config.abuseLimits.loginsPerIpPerMinute,
    windowMs: 60_000,
    keyOf: clientAddressOf,
  });

  app.post(
    '/api/v1/auth/login',
    {
      onRequest: [
        allowAnyone('signing in; limited per address and locked out per account'),
        loginsPerAddress,
      ],
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; returns a bearer token',
        body: z
          .object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) })
          .strict(),
        response: {
          200: z.union([sessionSchema, z.object({ challenge: z.string(), challengeExpiresAt: z.string() })]),
          401: errorResponseSchema,
          429: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const result = await services.auth.login(request.body.email, request.body.password, {
        address: clientAddressOf(request),
      });
      return 'challenge' in result ? result : toSessionBody(result);
    },
  );

  app.post(
    '/api/v1/auth/login/two-factor',
    {
      onRequest: [
        allowAnyone('the second step of signing in; counted with wrong passwords toward the lock-out'),
        loginsPerAddress,
      ],
      schema: {
        tags,
        summary: 'Finish signing in with the code from the authenticator app, or a recovery code',
        body: z.union([
          z
            .object({
              challenge: z.string().min(1).max(200),
              code: z
                .string()
                .trim()
                .regex(/^\d{6}$/),
            })
            .strict(),
          z
            .object({ challenge: z.string().min(1).max(200), recoveryCode: z.string().trim().min(1).max(40) })
            .strict(),
        ]),
        response: { 200: sessionSchema, 401: errorResponseSchema, 429: errorResponseSchema },
      },
    },
    async (request) => {
      const { challenge, ...factor } = request.body;
      const session = await services.auth.completeLogin(challenge, factor, {
        address: clientAddressOf(request),
      });
      return toSessionBody(session);
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

function toSessionBody(session: AgentSession) {
  return { token: session.token, expiresAt: session.expiresAt, agent: pickSummary(session.agent) };
}

function pickSummary(agent: AuthenticatedAgent) {
  return {
    id: agent.id,
    email: agent.email,
    displayName: agent.displayName,
    role: agent.role,
    permissions: [...agent.permissions].sort(),
    mustEnrolTwoFactor: agent.mustEnrolTwoFactor,
  };
}
