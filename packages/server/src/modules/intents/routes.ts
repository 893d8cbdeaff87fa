import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import type { IntentExamples } from './intentExamples';

const exampleSchema = z.object({
  id: z.string(),
  intent: z.string(),
  text: z.string(),
  source: z.enum(['merchant', 'missed_message']),
  messageId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const exampleTextSchema = z.string().trim().min(1).max(300);
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };

/** Admins list the intents with their own examples and add, edit or remove examples. */
export const intentExampleRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth'> & { intentExamples: IntentExamples };
}> = async (app, { services }) => {
  const manage = requireAgent(services.auth, 'bot:manage');
  const tags = ['admin: intents'];
  app.get(
    '/api/v1/admin/intents',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'The intents with the examples the shop added',
        security: bearerSecurity,
        response: {
          200: z.object({ intents: z.array(z.object({ id: z.string(), examples: z.array(exampleSchema) })) }),
        },
      },
    },
    async () => ({ intents: await services.intentExamples.listIntents() }),
  );
  app.post(
    '/api/v1/admin/intents/:intent/examples',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Add an example sentence to an intent (messageId: a shopper message the bot missed)',
        security: bearerSecurity,
        params: z.object({ intent: z.string().max(60) }),
        body: z.object({ text: exampleTextSchema, messageId: z.string().max(64).optional() }).strict(),
        response: {
          201: z.object({ example: exampleSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const example = await services.intentExamples.addExample(
        request.params.intent,
        request.body,
        agentOf(request).id,
      );
      return reply.status(201).send({ example });
    },
  );
  app.patch(
    '/api/v1/admin/intents/examples/:exampleId',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Edit an example: its text or the intent it belongs to',
        security: bearerSecurity,
        params: z.object({ exampleId: z.string().max(64) }),
        body: z
          .object({ text: exampleTextSchema, intent: z.string().max(60) })
          .partial()
          .strict(),
        response: {
          200: z.object({ example: exampleSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
          ...errors,
        },
      },
    },
    async (request) => ({
      example: await services.intentExamples.updateExample(request.params.exampleId, request.body),
    }),
  );
  app.delete(
    '/api/v1/admin/intents/examples/:exampleId',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Remove an example',
        security: bearerSecurity,
        params: z.object({ exampleId: z.string().max(64) }),
        response: { 204: z.void(), 404: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      await services.intentExamples.removeExample(request.params.exampleId);
      return reply.status(204).send();
    },
  );
};
