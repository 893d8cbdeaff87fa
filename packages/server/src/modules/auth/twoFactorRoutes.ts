import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { agentRoleSchema } from '../agents';

const codeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/);
const roleKeySchema = z.union([
  agentRoleSchema.exclude(['custom']),
  z.string().regex(/^custom:rol_[0-9a-z]{26}$/),
]);

/** An agent's own two-factor (enrol, confirm, status) and the admin's controls over it. */
export const twoFactorRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'twoFactor' | 'agents'>;
}> = async (app, { services }) => {
  const tags = ['auth: two-factor'];
  const own = { onRequest: requireAgent(services.auth), schema: { tags, security: bearerSecurity } };
  const admin = { onRequest: requireAgent(services.auth, 'security:manage') };

  app.get(
    '/api/v1/auth/two-factor',
    {
      ...own,
      schema: {
        ...own.schema,
        summary: 'Whether two-factor is on, whether the role requires it, recovery codes left',
        response: {
          200: z.object({ enabled: z.boolean(), required: z.boolean(), recoveryCodesLeft: z.number() }),
        },
      },
    },
    async (request) => services.twoFactor.status(await identityOf(services, agentOf(request).id)),
  );

  app.post(
    '/api/v1/auth/two-factor/enrol',
    {
      ...own,
      schema: {
        ...own.schema,
        summary: 'Start enrolment: a new secret, as text and as a QR code for an authenticator app',
        response: {
          200: z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() }),
          409: errorResponseSchema,
        },
      },
    },
    async (request) => services.twoFactor.startEnrolment(await identityOf(services, agentOf(request).id)),
  );

  app.post(
    '/api/v1/auth/two-factor/confirm',
    {
      ...own,
      schema: {
        ...own.schema,
        summary: 'Turn two-factor on with a first code; answers the recovery codes, shown this once',
        body: z.object({ code: codeSchema }).strict(),
        response: {
          200: z.object({ recoveryCodes: z.array(z.string()) }),
          401: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) =>
      services.twoFactor.confirmEnrolment(await identityOf(services, agentOf(request).id), request.body.code),
  );

  app.get(
    '/api/v1/admin/two-factor',
    {
      ...admin,
      schema: {
        tags,
        summary: 'The roles that require two-factor and the agents who have it on',
        security: bearerSecurity,
        response: {
          200: z.object({ requiredRoles: z.array(z.string()), enabledAgentIds: z.array(z.string()) }),
        },
      },
    },
    async () => ({
      requiredRoles: await services.twoFactor.requiredRoleKeys(),
      enabledAgentIds: await services.twoFactor.listEnabledAgentIds(),
    }),
  );

  app.put(
    '/api/v1/admin/two-factor/required-roles',
    {
      ...admin,
      schema: {
        tags,
        summary: 'Require two-factor for these roles (`agent`, `custom:rol_…`); their agents must set it up',
        security: bearerSecurity,
        body: z.object({ roles: z.array(roleKeySchema).max(100) }).strict(),
        response: { 200: z.object({ requiredRoles: z.array(z.string()) }) },
      },
    },
    async (request) => ({
      requiredRoles: await services.twoFactor.setRequiredRoleKeys(request.body.roles, agentOf(request).id),
    }),
  );

  app.post(
    '/api/v1/admin/agents/:id/two-factor/reset',
    {
      ...admin,
      schema: {
        tags,
        summary: "Turn an agent's two-factor off (a lost phone); they sign in with the password alone",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await services.agents.getAgent(request.params.id);
      await services.twoFactor.reset(request.params.id, agentOf(request).id);
      return reply.status(204).send(null);
    },
  );
};

async function identityOf(services: Pick<KefuServices, 'agents'>, agentId: string) {
  return services.agents.getAgent(agentId);
}
