import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import {
  bearerSecurity,
  conversationSchema,
  errorResponseSchema,
  idParamSchema,
} from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { queueEntrySchema, routingSettingsSchema } from './schemas';

const orphanReportSchema = z.object({
  checkedAt: z.string(),
  staleEntriesRemoved: z.number(),
  queuedWithoutEntryRestored: z.number(),
  requeuedFromUnavailableAgents: z.number(),
  orphansRemaining: z.number(),
});

/** Queue, pull, transfer and routing settings. */
export const queueRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'conversations' | 'queueMaintenance' | 'routing' | 'routingSettings'>;
}> = async (app, { services }) => {
  const tags = ['agent: queue'];

  app.get(
    '/api/v1/agent/queue',
    {
      onRequest: requireAgent(services.auth, 'conversations:read'),
      schema: {
        tags,
        summary: 'Waiting conversations in queue order (priority, then waiting time)',
        security: bearerSecurity,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict(),
        response: { 200: z.object({ entries: z.array(queueEntrySchema), total: z.number() }) },
      },
    },
    async (request) => {
      const entries = await services.routing.listQueue(100_000);
      return { entries: entries.slice(0, request.query.limit), total: entries.length };
    },
  );

  app.post(
    '/api/v1/agent/queue/pull',
    {
      onRequest: requireAgent(services.auth, 'conversations:reply'),
      schema: {
        tags,
        summary: 'Take the next waiting conversation matching your skills (manual pull)',
        security: bearerSecurity,
        response: {
          200: z.object({ conversation: conversationSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const conversationId = await services.routing.pullNext(agent);
      return { conversation: await services.conversations.getConversationForAgent(agent, conversationId) };
    },
  );

  app.post(
    '/api/v1/agent/conversations/:id/transfer',
    {
      onRequest: requireAgent(services.auth, 'conversations:reply'),
      schema: {
        tags,
        summary: 'Transfer to another agent (assigned at once) or to a team (queued for it), with a note',
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({
            toAgentId: z.string().max(64).optional(),
            toTeamId: z.string().max(64).optional(),
            note: z.string().trim().min(1).max(1000).optional(),
          })
          .strict()
          .refine(
            (body) => (body.toAgentId === undefined) !== (body.toTeamId === undefined),
            'give toAgentId or toTeamId',
          ),
        response: {
          200: z.object({ conversation: conversationSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await services.conversations.getConversationForAgent(agent, request.params.id);
      return { conversation: await services.routing.transfer(agent, request.params.id, request.body) };
    },
  );

  app.get(
    '/api/v1/admin/routing/settings',
    {
      onRequest: requireAgent(services.auth, 'routing:manage'),
      schema: {
        tags: ['admin: handoff and routing'],
        summary: 'Routing mode, capacity default, priority rules, business hours and holidays',
        security: bearerSecurity,
        response: { 200: z.object({ settings: routingSettingsSchema }) },
      },
    },
    async () => ({ settings: await services.routingSettings.get() }),
  );

  app.put(
    '/api/v1/admin/routing/settings',
    {
      onRequest: requireAgent(services.auth, 'routing:manage'),
      schema: {
        tags: ['admin: handoff and routing'],
        summary: 'Replace the routing settings',
        security: bearerSecurity,
        body: routingSettingsSchema,
        response: { 200: z.object({ settings: routingSettingsSchema }), 400: errorResponseSchema },
      },
    },
    async (request) => {
      const settings = await services.routingSettings.set(request.body, agentOf(request).id);
      await services.routing.dispatch();
      return { settings };
    },
  );

  app.post(
    '/api/v1/admin/routing/check',
    {
      onRequest: requireAgent(services.auth, 'routing:manage'),
      schema: {
        tags: ['admin: handoff and routing'],
        summary: 'Run the no-orphan check, re-prioritise the queue and dispatch now',
        security: bearerSecurity,
        response: { 200: z.object({ report: orphanReportSchema }) },
      },
    },
    async () => ({ report: await services.queueMaintenance.tick() }),
  );
};
