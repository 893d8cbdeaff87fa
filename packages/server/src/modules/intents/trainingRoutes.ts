import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import type { IntentTraining } from './intentTraining';

const versionSchema = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['training', 'ready', 'failed']),
  progress: z.number(),
  shopExampleCount: z.number(),
  heldoutSize: z.number().nullable(),
  accuracyBefore: z.number().nullable(),
  accuracyAfter: z.number().nullable(),
  active: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  promotedAt: z.string().nullable(),
});
const missSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  text: z.string(),
  intent: z.string(),
  confidence: z.number(),
  fellBack: z.boolean(),
  createdAt: z.string(),
});
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const modelParams = z.object({ modelId: z.string().max(64) });

/** Admins retrain the intent model, follow its progress, compare accuracy, promote or roll back. */
export const intentTrainingRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth'> & { intentTraining: IntentTraining };
}> = async (app, { services }) => {
  const manage = requireAgent(services.auth, 'bot:manage');
  const training = services.intentTraining;
  const tags = ['admin: intents'];
  app.get(
    '/api/v1/admin/intents/models',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Model versions (newest first) and which one the bot uses (null: the shipped model)',
        security: bearerSecurity,
        response: { 200: z.object({ models: z.array(versionSchema), activeModelId: z.string().nullable() }) },
      },
    },
    async () => ({ models: await training.listVersions(), activeModelId: training.activeModel.modelId }),
  );
  app.post(
    '/api/v1/admin/intents/models',
    {
      onRequest: manage,
      schema: {
        tags,
        summary:
          'Retrain in the background on the built-in sentences plus the shop examples (409 while one runs)',
        security: bearerSecurity,
        response: { 202: z.object({ model: versionSchema }), 409: errorResponseSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send({ model: await training.startTraining(agentOf(request).id) }),
  );
  app.get(
    '/api/v1/admin/intents/models/:modelId',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'One version: training progress (0–100) and held-out accuracy before and after',
        security: bearerSecurity,
        params: modelParams,
        response: { 200: z.object({ model: versionSchema }), 404: errorResponseSchema, ...errors },
      },
    },
    async (request) => ({ model: await training.getVersion(request.params.modelId) }),
  );
  app.post(
    '/api/v1/admin/intents/models/:modelId/promote',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Make the bot use this version (every process switches)',
        security: bearerSecurity,
        params: modelParams,
        response: {
          200: z.object({ model: versionSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
          ...errors,
        },
      },
    },
    async (request) => ({ model: await training.promote(request.params.modelId) }),
  );
  app.post(
    '/api/v1/admin/intents/models/roll-back',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Return to the version the current one replaced (null: the shipped model)',
        security: bearerSecurity,
        response: {
          200: z.object({ activeModelId: z.string().nullable() }),
          409: errorResponseSchema,
          ...errors,
        },
      },
    },
    async () => await training.rollBack(),
  );
  app.post(
    '/api/v1/admin/intents/classify',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'What the bot now understands of a sentence',
        security: bearerSecurity,
        body: z.object({ text: z.string().trim().min(1).max(500) }).strict(),
        response: {
          200: z.object({
            intent: z.object({
              id: z.string(),
              confidence: z.number(),
              alternatives: z.array(z.object({ id: z.string(), confidence: z.number() })),
            }),
          }),
          ...errors,
        },
      },
    },
    async (request) => ({ intent: training.classify(request.body.text) }),
  );
  app.get(
    '/api/v1/admin/intents/misses',
    {
      onRequest: manage,
      schema: {
        tags,
        summary:
          'Recent shopper messages the bot did not understand (add one as an example with its messageId)',
        security: bearerSecurity,
        response: { 200: z.object({ misses: z.array(missSchema) }), ...errors },
      },
    },
    async () => ({ misses: await training.listMisses() }),
  );
};
