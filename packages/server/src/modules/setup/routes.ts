import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { setupStepIds } from '@kefu/sdk';
import { readSetupChecklist } from './setupChecklist';

const checklistSchema = z.object({
  steps: z.array(z.object({ id: z.enum(setupStepIds), done: z.boolean(), count: z.number() })),
  complete: z.boolean(),
});

/** The first-run checklist for admins, derived from the shop's data on every read. */
export const setupRoutes: FastifyPluginAsyncZod<{
  services: Pick<
    KefuServices,
    'auth' | 'database' | 'clock' | 'agents' | 'routingSettings' | 'commerce' | 'widgetOrigins'
  >;
}> = async (app, { services }) => {
  app.get(
    '/api/v1/admin/setup/checklist',
    {
      onRequest: requireAgent(services.auth, 'agents:manage'),
      schema: {
        tags: ['admin: setup'],
        summary: "The first-run checklist: each step's state, read from the data",
        security: bearerSecurity,
        response: { 200: checklistSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async () =>
      readSetupChecklist({
        db: services.database.db,
        clock: services.clock,
        agents: services.agents,
        routingSettings: services.routingSettings,
        connector: services.commerce.connector,
        widgetOrigins: services.widgetOrigins,
      }),
  );
};
