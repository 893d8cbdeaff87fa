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
import { conversationPrioritySchema } from '../conversations/schemas';
import { knownCategories } from './classification';
import { overrideClassification } from './overrideClassification';
import { handoffSettingsSchema, handoffSummarySchema } from './schemas';

/** The agent's handoff briefing, supervisors' classification overrides, and the trigger settings. */
export const handoffRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'handoff' | 'handoffSettings' | 'unitOfWork'>;
}> = async (app, { services }) => {
  const tags = ['agent: handoff'];

  app.get(
    '/api/v1/agent/conversations/:id/summary',
    {
      onRequest: requireAgent(services.auth, 'conversations:read'),
      schema: {
        tags,
        summary:
          'The handoff summary: intent, category, entities, sentiment trend, bot answers, last question',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ summary: handoffSummarySchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({ summary: await services.handoff.getSummary(agentOf(request), request.params.id) }),
  );

  app.put(
    '/api/v1/agent/conversations/:id/classification',
    {
      onRequest: requireAgent(services.auth, 'routing:manage'),
      schema: {
        tags,
        summary: 'Override category and/or priority (supervisors, admins)',
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({
            category: z.string().trim().min(1).max(60).optional(),
            priority: conversationPrioritySchema.optional(),
          })
          .strict()
          .refine(
            (body) => body.category !== undefined || body.priority !== undefined,
            'give a category or a priority',
          ),
        response: {
          200: z.object({ conversation: conversationSchema }),
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => ({
      conversation: await overrideClassification(
        services.unitOfWork,
        agentOf(request),
        request.params.id,
        request.body,
      ),
    }),
  );

  app.get(
    '/api/v1/admin/handoff/settings',
    {
      onRequest: requireAgent(services.auth, 'routing:manage'),
      schema: {
        tags: ['admin: handoff and routing'],
        summary: 'Handoff triggers and their thresholds, and the known categories',
        security: bearerSecurity,
        response: { 200: z.object({ settings: handoffSettingsSchema, categories: z.array(z.string()) }) },
      },
    },
    async () => ({ settings: await services.handoffSettings.get(), categories: knownCategories }),
  );

  app.put(
    '/api/v1/admin/handoff/settings',
    {
      onRequest: requireAgent(services.auth, 'routing:manage'),
      schema: {
        tags: ['admin: handoff and routing'],
        summary: 'Replace the handoff trigger settings',
        security: bearerSecurity,
        body: handoffSettingsSchema,
        response: { 200: z.object({ settings: handoffSettingsSchema }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ settings: await services.handoffSettings.set(request.body, agentOf(request).id) }),
  );
};
