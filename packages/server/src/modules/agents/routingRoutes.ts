import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { agentSkillsSchema } from '../routing/schemas';
import { agentPresenceSchema, agentRoleSchema } from './service';

const profileSchema = z.object({
  agentId: z.string(),
  capacity: z.number().nullable(),
  skills: agentSkillsSchema,
  teamIds: z.array(z.string()),
});
const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.string(),
});
const teamBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    memberIds: z.array(z.string().max(64)).max(500).default([]),
  })
  .strict();

/** No e-mail addresses: every agent may read it. */
const directorySchema = z.object({
  agents: z.array(
    z.object({
      id: z.string(),
      displayName: z.string(),
      role: agentRoleSchema,
      presence: agentPresenceSchema,
    }),
  ),
  teams: z.array(z.object({ id: z.string(), name: z.string(), memberIds: z.array(z.string()) })),
});

/** Skills, capacity and teams: supervisors and admins manage them; an agent reads their own profile. */
export const agentRoutingRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'agentRouting' | 'agents' | 'auth' | 'routing'>;
}> = async (app, { services }) => {
  const tags = ['admin: agents'];
  const manage = requireAgent(services.auth, 'routing:manage');

  app.get(
    '/api/v1/agent/routing-profile',
    {
      onRequest: requireAgent(services.auth),
      schema: {
        tags: ['agent: presence'],
        summary: 'My skills, capacity and teams',
        security: bearerSecurity,
        response: { 200: z.object({ profile: profileSchema }) },
      },
    },
    async (request) => ({ profile: await services.agentRouting.getProfile(agentOf(request).id) }),
  );

  app.get(
    '/api/v1/agent/directory',
    {
      onRequest: requireAgent(services.auth),
      schema: {
        tags: ['agent: presence'],
        summary: 'Colleagues (name, role, presence) and teams, to choose a transfer or ticket target',
        security: bearerSecurity,
        response: { 200: directorySchema },
      },
    },
    async () => {
      const [agents, teams] = await Promise.all([
        services.agents.listAgents(),
        services.agentRouting.listTeams(),
      ]);
      return {
        agents: agents
          .filter((agent) => agent.isActive)
          .map(({ id, displayName, role, presence }) => ({ id, displayName, role, presence })),
        teams: teams.map(({ id, name, memberIds }) => ({ id, name, memberIds })),
      };
    },
  );

  app.get(
    '/api/v1/admin/agents/:id/routing',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: "An agent's skills, capacity and teams",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ profile: profileSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ profile: await services.agentRouting.getProfile(request.params.id) }),
  );

  app.put(
    '/api/v1/admin/agents/:id/routing',
    {
      onRequest: manage,
      schema: {
        tags,
        summary:
          "Set an agent's skills (category, language, channel, product line; empty = any) and capacity",
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({
            capacity: z.number().int().min(1).max(100).nullable().default(null),
            skills: agentSkillsSchema,
          })
          .strict(),
        response: { 200: z.object({ profile: profileSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      const profile = await services.agentRouting.setProfile(
        request.params.id,
        request.body,
        agentOf(request).id,
      );
      await services.routing.dispatch();
      return { profile };
    },
  );

  app.get(
    '/api/v1/admin/teams',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Teams and their members',
        security: bearerSecurity,
        response: { 200: z.object({ teams: z.array(teamSchema) }) },
      },
    },
    async () => ({ teams: await services.agentRouting.listTeams() }),
  );

  app.post(
    '/api/v1/admin/teams',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Create a team',
        security: bearerSecurity,
        body: teamBodySchema,
        response: { 201: z.object({ team: teamSchema }), 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ team: await services.agentRouting.saveTeam(null, request.body, agentOf(request).id) }),
  );

  app.put(
    '/api/v1/admin/teams/:id',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Rename a team and set its members',
        security: bearerSecurity,
        params: idParamSchema,
        body: teamBodySchema,
        response: { 200: z.object({ team: teamSchema }), 404: errorResponseSchema, 409: errorResponseSchema },
      },
    },
    async (request) => ({
      team: await services.agentRouting.saveTeam(request.params.id, request.body, agentOf(request).id),
    }),
  );
};
