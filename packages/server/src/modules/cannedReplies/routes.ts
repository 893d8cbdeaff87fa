import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import type { AuthenticatedAgent } from '../auth';
import { getCustomerProfile } from '../customers';
import { exportCannedReplies, importCannedReplies } from './cannedTransfer';
import {
  cannedImportSchema,
  cannedReplyInputSchema,
  cannedReplyPatchSchema,
  cannedReplySchema,
} from './schemas';

/** Canned replies: list and search, keep, fill in for a conversation, import and export. */
export const cannedReplyRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'cannedReplies' | 'conversations' | 'database' | 'orderDesk'>;
}> = async (app, { services }) => {
  const canUse = requireAgent(services.auth, 'canned:use');
  const canned = services.cannedReplies;
  const tags = ['agent: canned replies'];
  const base = '/api/v1/agent/canned-replies';
  const errors = {
    400: errorResponseSchema,
    403: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };
  const one = {
    200: z.object({ reply: cannedReplySchema }),
    201: z.object({ reply: cannedReplySchema }),
    ...errors,
  };

  app.get(
    base,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary:
          'Your own and your teams\u2019 canned replies; `q=/word` finds shortcuts, other words search the text',
        security: bearerSecurity,
        querystring: z
          .object({ q: z.string().max(100).optional(), category: z.string().max(40).optional() })
          .strict(),
        response: { 200: z.object({ replies: z.array(cannedReplySchema) }) },
      },
    },
    async (request) => ({ replies: await canned.list(agentOf(request), request.query) }),
  );

  app.post(
    base,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary: 'Keep a canned reply',
        security: bearerSecurity,
        body: cannedReplyInputSchema,
        response: one,
      },
    },
    async (request, reply) =>
      reply.status(201).send({ reply: await canned.create(agentOf(request), request.body) }),
  );

  app.patch(
    `${base}/:id`,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary: 'Edit a canned reply',
        security: bearerSecurity,
        params: idParamSchema,
        body: cannedReplyPatchSchema,
        response: one,
      },
    },
    async (request) => ({ reply: await canned.update(agentOf(request), request.params.id, request.body) }),
  );

  app.delete(
    `${base}/:id`,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary: 'Delete a canned reply',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await canned.remove(agentOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:id/render`,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary:
          'The reply with {{customer.name}}, {{order.number}} and {{agent.name}} filled in for a conversation',
        security: bearerSecurity,
        params: idParamSchema,
        body: z.object({ conversationId: z.string().min(1).max(64) }).strict(),
        response: { 200: z.object({ text: z.string(), missing: z.array(z.string()) }), ...errors },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const values = await variablesFor(services, agent, request.body.conversationId);
      return canned.render(agent, request.params.id, values);
    },
  );

  app.get(
    `${base}/export`,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary: 'Your canned replies as a CSV or JSON file',
        security: bearerSecurity,
        querystring: z.object({ format: z.enum(['csv', 'json']).default('json') }).strict(),
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const body = exportCannedReplies(await canned.list(agentOf(request), {}), format);
      return reply
        .header(
          'content-type',
          format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        )
        .header('content-disposition', `attachment; filename="canned-replies.${format}"`)
        .send(body);
    },
  );

  app.post(
    `${base}/import`,
    {
      onRequest: canUse,
      schema: {
        tags,
        summary: 'Add canned replies from a CSV or JSON file (existing shortcuts are skipped)',
        security: bearerSecurity,
        body: cannedImportSchema,
        response: {
          200: z.object({
            created: z.number(),
            skipped: z.array(z.object({ row: z.number(), shortcut: z.string() })),
            errors: z.array(z.object({ row: z.number(), message: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => importCannedReplies(canned, agentOf(request), request.body),
  );
};

async function variablesFor(
  services: Pick<KefuServices, 'conversations' | 'database' | 'orderDesk'>,
  agent: AuthenticatedAgent,
  conversationId: string,
): Promise<Record<string, string | null>> {
  const conversation = await services.conversations.getConversationForAgent(agent, conversationId);
  const customer = await getCustomerProfile(services.database.db, conversation.customerId);
  const orders = await services.orderDesk.listOrders(agent, conversationId).catch(() => []);
  const order = orders.find((view) => !view.linked) ?? orders[0];
  return {
    'customer.name': customer.displayName,
    'order.number': order?.order.orderNumber ?? null,
    'agent.name': agent.displayName,
  };
}
