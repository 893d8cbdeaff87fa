import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { KefuError } from '../../errors';
import { channelKindSchema } from '../../channelKinds';
import { bearerSecurity, errorResponseSchema, idParamSchema, messageSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { listMergesInto, mergeCustomers, undoCustomerMerge } from './customerMerges';

const customerMergeSchema = z.object({
  id: z.string(),
  survivingCustomerId: z.string(),
  mergedCustomerId: z.string(),
  /** `verified_key` (the same verified key reached both) or `manual` (an agent merged them). */
  reason: z.string(),
  keyKind: z.string().nullable(),
  movedIdentities: z.number().int(),
  movedConversations: z.number().int(),
  mergedBy: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});

const timelineItemSchema = z.object({
  conversationId: z.string(),
  /** The channel the message came on (shopper) or went out on. */
  channel: channelKindSchema,
  message: messageSchema,
});

const customerIdSchema = z.string().trim().min(1).max(64);

/** One shopper across channels: the cross-channel timeline, and merging two customers into one (and back). */
export const customerMergeRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'conversations' | 'database' | 'clock'>;
}> = async (app, { services }) => {
  const tags = ['agent: customers'];
  const canMerge = requireAgent(services.auth, 'customers:merge');
  const mergeResponse = {
    200: z.object({ merge: customerMergeSchema }),
    400: errorResponseSchema,
    404: errorResponseSchema,
    409: errorResponseSchema,
  };
  const requireVisibleCustomer = async (agent: ReturnType<typeof agentOf>, customerId: string) => {
    if (!(await services.conversations.canAgentSeeCustomer(agent, customerId)))
      throw new KefuError('customer_not_found');
  };

  app.get(
    '/api/v1/agent/customers/:id/timeline',
    {
      onRequest: requireAgent(services.auth, 'customers:read'),
      schema: {
        tags,
        summary: "The customer's messages on every channel in time order, each with its channel",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ items: z.array(timelineItemSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      items: await services.conversations.listCustomerTimeline(agentOf(request), request.params.id),
    }),
  );

  app.get(
    '/api/v1/agent/customers/:id/merges',
    {
      onRequest: canMerge,
      schema: {
        tags,
        summary: 'Customers merged into this one, newest first (undone ones included)',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ merges: z.array(customerMergeSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      await requireVisibleCustomer(agentOf(request), request.params.id);
      return { merges: await listMergesInto(services.database.db, request.params.id) };
    },
  );

  app.post(
    '/api/v1/agent/customers/:id/merge',
    {
      onRequest: canMerge,
      schema: {
        tags,
        summary: 'Merge another customer into this one: identities and conversations move here (audited)',
        security: bearerSecurity,
        params: idParamSchema,
        body: z.object({ customerId: customerIdSchema }).strict(),
        response: mergeResponse,
      },
    },
    async (request) => {
      const agent = agentOf(request);
      await requireVisibleCustomer(agent, request.params.id);
      await requireVisibleCustomer(agent, request.body.customerId);
      const request_ = {
        survivingId: request.params.id,
        mergedId: request.body.customerId,
        reason: 'manual' as const,
        keyKind: null,
        agentId: agent.id,
      };
      const merge = await services.database.db
        .transaction()
        .execute((trx) => mergeCustomers(trx, services.conversations, request_, services.clock.now()));
      return { merge };
    },
  );

  app.post(
    '/api/v1/agent/customer-merges/:id/undo',
    {
      onRequest: canMerge,
      schema: {
        tags,
        summary:
          'Undo a merge: identities and conversations go back to the customer they came from (audited)',
        security: bearerSecurity,
        params: idParamSchema,
        response: mergeResponse,
      },
    },
    async (request) => {
      const input = { mergeId: request.params.id, agentId: agentOf(request).id };
      const merge = await services.database.db
        .transaction()
        .execute((trx) => undoCustomerMerge(trx, services.conversations, input, services.clock.now()));
      return { merge };
    },
  );
};
