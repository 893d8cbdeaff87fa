import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { slaPolicyInputSchema, slaPolicySchema } from './schemas';

/** SLA policies (supervisors, admins). Business hours and holidays live in the routing settings. */
export const slaRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'slaEvaluator' | 'slaPolicies'>;
}> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'sla:manage'));
  const tags = ['admin: SLA'];

  app.get(
    '/api/v1/admin/sla/policies',
    {
      schema: {
        tags,
        summary: 'SLA policies in the order they are matched',
        security: bearerSecurity,
        response: { 200: z.object({ policies: z.array(slaPolicySchema) }) },
      },
    },
    async () => ({ policies: await services.slaPolicies.list() }),
  );

  app.post(
    '/api/v1/admin/sla/policies',
    {
      schema: {
        tags,
        summary: 'Create an SLA policy',
        security: bearerSecurity,
        body: slaPolicyInputSchema,
        response: { 201: z.object({ policy: slaPolicySchema }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send({ policy: await services.slaPolicies.create(request.body, agentOf(request).id) }),
  );

  app.put(
    '/api/v1/admin/sla/policies/:id',
    {
      schema: {
        tags,
        summary: 'Replace an SLA policy',
        security: bearerSecurity,
        params: idParamSchema,
        body: slaPolicyInputSchema,
        response: { 200: z.object({ policy: slaPolicySchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      policy: await services.slaPolicies.update(request.params.id, request.body, agentOf(request).id),
    }),
  );

  app.delete(
    '/api/v1/admin/sla/policies/:id',
    {
      schema: {
        tags,
        summary: 'Delete an SLA policy',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await services.slaPolicies.remove(request.params.id, agentOf(request).id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/sla/evaluate',
    {
      schema: {
        tags,
        summary: 'Evaluate SLA targets now (the timer does it every 15 s)',
        security: bearerSecurity,
        response: { 200: z.object({ warnings: z.number(), breaches: z.number() }) },
      },
    },
    async () => services.slaEvaluator.evaluate(),
  );
};
