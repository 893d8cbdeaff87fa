import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { KefuError } from '../../errors';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { getCustomerProfile } from './service';

const customerProfileSchema = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.string().nullable(),
  vipTier: z.string(),
  tags: z.array(z.string()),
  identities: z.array(z.object({ channel: z.string(), externalId: z.string(), lastSeenAt: z.string() })),
  createdAt: z.string(),
});

export const customerRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'conversations' | 'database'>;
}> = async (app, { services }) => {
  app.get(
    '/api/v1/agent/customers/:id',
    {
      onRequest: requireAgent(services.auth, 'customers:read'),
      schema: {
        tags: ['agent: customers'],
        summary: 'A customer profile with their identities on each channel',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ customer: customerProfileSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      // The same 404 as an unknown id: a plain agent learns nothing of customers outside their conversations.
      if (!(await services.conversations.canAgentSeeCustomer(agentOf(request), request.params.id)))
        throw new KefuError('customer_not_found');
      return { customer: await getCustomerProfile(services.database.db, request.params.id) };
    },
  );
};
