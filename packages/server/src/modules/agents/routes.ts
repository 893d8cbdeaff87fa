import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { changeAgentAccess } from './changeAgentAccess';
import { agentPresenceSchema, agentRoleSchema } from './service';

const agentProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: agentRoleSchema,
  customRoleId: z.string().nullable(),
  presence: agentPresenceSchema,
  isActive: z.boolean(),
  createdAt: z.string(),
});

export const agentRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'agents' | 'auth' | 'customRoles' | 'unitOfWork'>;
}> = async (app, { services }) => {
  const tags = ['admin: agents'];

  app.get(
    '/api/v1/admin/agents',
    {
      onRequest: requireAgent(services.auth, 'agents:manage'),
      schema: {
        tags,
        summary: 'List agents',
        security: bearerSecurity,
        response: { 200: z.object({ agents: z.array(agentProfileSchema) }) },
      },
    },
    async () => ({ agents: await services.agents.listAgents() }),
  );

  app.post(
    '/api/v1/admin/agents',
    {
      onRequest: requireAgent(services.auth, 'agents:manage'),
      schema: {
        tags,
        summary: 'Create an agent',
        security: bearerSecurity,
        body: z
          .object({
            email: z.string().trim().email().max(254),
            displayName: z.string().trim().min(1).max(100),
            password: z.string().min(8, 'password must be at least 8 characters').max(200),
            role: agentRoleSchema,
            customRoleId: z.string().max(64).optional(),
          })
          .strict()
          .refine((body) => (body.role === 'custom') === (body.customRoleId !== undefined), {
            message: 'customRoleId is given exactly when role is custom',
          }),
        response: { 201: z.object({ agent: agentProfileSchema }), 409: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const agent = await services.agents.createAgent(request.body, agentOf(request).id);
      return reply.status(201).send({ agent });
    },
  );

  app.patch(
    '/api/v1/admin/agents/:id',
    {
      onRequest: requireAgent(services.auth, 'agents:manage'),
      schema: {
        tags,
        summary: "Change an agent's role or deactivate them (their sessions end; audited)",
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({
            role: agentRoleSchema.optional(),
            customRoleId: z.string().max(64).nullable().optional(),
            isActive: z.boolean().optional(),
          })
          .strict(),
        response: {
          200: z.object({ agent: agentProfileSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => ({
      agent: await changeAgentAccess(
        {
          unitOfWork: services.unitOfWork,
          roles: services.customRoles,
          endSessions: (trx, agentId, now) => services.auth.endSessionsOf(trx, agentId, now),
          setOffline: (agentId) => services.agents.setPresence(agentId, 'offline'),
        },
        request.params.id,
        request.body,
        agentOf(request).id,
      ),
    }),
  );

  app.put(
    '/api/v1/agent/presence',
    {
      onRequest: requireAgent(services.auth, 'conversations:reply'),
      schema: {
        tags: ['agent: presence'],
        summary: "Set the signed-in agent's presence",
        security: bearerSecurity,
        body: z.object({ presence: agentPresenceSchema }).strict(),
        response: { 200: z.object({ agent: agentProfileSchema }) },
      },
    },
    async (request) => ({
      agent: await services.agents.setPresence(agentOf(request).id, request.body.presence),
    }),
  );
};
