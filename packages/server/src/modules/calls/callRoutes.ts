import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { KefuError } from '../../errors';
import { acceptSigned } from '../../http/routeAccess';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { getCustomerProfile } from '../customers';
import type { CallRecords } from './callRecords';
import { manualCallBodySchema } from './callRecords';

const callRecordSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  source: z.enum(['webhook', 'manual']),
  direction: z.enum(['inbound', 'outbound']),
  phone: z.string().nullable(),
  startedAt: z.string(),
  durationSeconds: z.number(),
  recordingUrl: z.string().nullable(),
  transcript: z.string().nullable(),
  loggedByAgentId: z.string().nullable(),
});

/**
 * `POST /api/v1/calls/webhook`: a call-center system reports a finished call, signed as a Standard Webhook
 * over the raw bytes (so the body is read raw). Bad signature or stale time 401, a replay 409, bad body 400.
 */
export const callWebhookRoutes: FastifyPluginAsync<{ calls: CallRecords }> = async (app, { calls }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/v1/calls/webhook',
    {
      onRequest: acceptSigned("the call-center system's Standard Webhooks signature over the request"),
      schema: { tags: ['calls'], summary: 'A call record from the call-center system (signed)' },
    },
    async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const stored = await calls.receiveWebhook(rawBody, request.headers);
      return reply.status(201).send(stored);
    },
  );
};

/** The customer panel's calls: listed for agents who may see the customer, logged by hand by those who reply. */
export const callRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'calls' | 'conversations' | 'database'>;
}> = async (app, { services }) => {
  const visibleCustomer = async (agent: ReturnType<typeof agentOf>, customerId: string) => {
    if (!(await services.conversations.canAgentSeeCustomer(agent, customerId)))
      throw new KefuError('customer_not_found');
    return getCustomerProfile(services.database.db, customerId);
  };

  app.get(
    '/api/v1/agent/customers/:id/calls',
    {
      onRequest: requireAgent(services.auth, 'customers:read'),
      schema: {
        tags: ['calls'],
        summary: "The customer's phone calls, newest first",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ calls: z.array(callRecordSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      const customer = await visibleCustomer(agentOf(request), request.params.id);
      return { calls: await services.calls.listForCustomer(customer.id) };
    },
  );

  app.post(
    '/api/v1/agent/customers/:id/calls',
    {
      onRequest: requireAgent(services.auth, 'conversations:reply'),
      schema: {
        tags: ['calls'],
        summary: 'Log a phone call with the customer by hand',
        security: bearerSecurity,
        params: idParamSchema,
        body: manualCallBodySchema,
        response: { 201: callRecordSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const agent = agentOf(request);
      const customer = await visibleCustomer(agent, request.params.id);
      return reply.status(201).send(await services.calls.logByAgent(agent.id, customer, request.body));
    },
  );
};
