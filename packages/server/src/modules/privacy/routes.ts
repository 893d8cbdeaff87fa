import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { clientAddressOf } from '../../http/requestLimits';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { KefuError } from '../../errors';
import { recordAudit } from '../audit';
import { exportCustomerData } from './customerDataExport';
import { eraseCustomer } from './customerErasure';

/** A shopper's rights: everything held about them as one archive, and erasure; both audited. */
export const privacyRoutes: FastifyPluginAsyncZod<{ services: KefuServices }> = async (app, { services }) => {
  const tags = ['admin: privacy'];

  app.get(
    '/api/v1/admin/customers/:id/export',
    {
      onRequest: requireAgent(services.auth, 'customers:export'),
      schema: {
        tags,
        summary:
          'Everything held about a customer: a tar archive of data.json, a readable index.html and their photos',
        security: bearerSecurity,
        params: idParamSchema,
      },
    },
    async (request, reply) => {
      const now = services.clock.now();
      const { archive, summary } = await exportCustomerData(
        services.database.db,
        services.photoStorage,
        request.params.id,
        now,
      );
      await recordAudit(
        services.database.db,
        {
          actorType: 'agent',
          actorId: agentOf(request).id,
          action: 'customer.exported',
          targetType: 'customer',
          targetId: request.params.id,
          data: { ...summary, address: clientAddressOf(request) },
        },
        now,
      );
      return reply
        .type('application/x-tar')
        .header('content-disposition', `attachment; filename="kefu-customer-${request.params.id}.tar"`)
        .send(archive);
    },
  );

  app.post(
    '/api/v1/admin/customers/:id/erase',
    {
      onRequest: requireAgent(services.auth, 'customers:erase'),
      schema: {
        tags,
        summary: "Erase a customer's personal data, keeping a pseudonymous record of what the shop must keep",
        security: bearerSecurity,
        params: idParamSchema,
        body: z.object({ confirm: z.string().max(64) }).strict(),
        response: {
          200: z.object({
            erased: z.object({
              messages: z.number(),
              photos: z.number(),
              identities: z.number(),
              conversations: z.number(),
              tickets: z.number(),
            }),
          }),
          400: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      if (request.body.confirm !== request.params.id)
        throw new KefuError('validation_failed', 'confirm must repeat the customer id');
      const erased = await eraseCustomer(
        services.unitOfWork,
        services.photoStorage,
        request.params.id,
        agentOf(request).id,
      );
      return { erased };
    },
  );
};
