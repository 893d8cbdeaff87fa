import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireVisitor, visitorOf } from '../../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../../http/wireSchemas';
import type { KefuServices } from '../../../services';
import { messageCardSchema, quickReplySchema } from '../../../conversationWireSchemas';
import { readServiceStatus } from './serviceStatus';
import { buildWelcomeScreen } from './welcomeScreen';

const welcomeSchema = z.object({
  locale: z.enum(['zh-CN', 'zh-TW', 'en']),
  greeting: z.string(),
  suggestions: z.array(quickReplySchema),
  orders: z.array(messageCardSchema),
});

const serviceStatusSchema = z.object({
  agentsOnline: z.number().int(),
  open: z.boolean(),
  nextOpening: z
    .object({ at: z.string(), localTime: z.string(), daysFromToday: z.number().int() })
    .nullable(),
});

/** What the widget shows around the conversation: the opening screen and the header's honest status. */
export const welcomeRoutes: FastifyPluginAsyncZod<{
  services: Pick<
    KefuServices,
    | 'agentRouting'
    | 'clock'
    | 'commerce'
    | 'conversations'
    | 'database'
    | 'routing'
    | 'scriptVariants'
    | 'suggestions'
    | 'visitorTokens'
    | 'welcomeGreetings'
  >;
}> = async (app, { services }) => {
  const authenticateVisitor = requireVisitor(services.visitorTokens);
  const tags = ['visitor'];

  app.get(
    '/api/v1/visitor/welcome',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: 'Opening screen: greeting, suggested questions, a signed-in shopper’s recent orders',
        security: bearerSecurity,
        response: { 200: welcomeSchema, 401: errorResponseSchema },
      },
    },
    async (request) =>
      buildWelcomeScreen(
        {
          db: services.database.db,
          conversations: services.conversations,
          commerce: services.commerce.connector,
          suggestions: services.suggestions,
          scripts: services.scriptVariants,
          greetings: services.welcomeGreetings,
        },
        visitorOf(request),
      ),
  );

  app.get(
    '/api/v1/visitor/service-status',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: 'Agents online now, and when they are back outside business hours',
        security: bearerSecurity,
        response: { 200: serviceStatusSchema, 401: errorResponseSchema },
      },
    },
    async () => readServiceStatus(services),
  );
};
