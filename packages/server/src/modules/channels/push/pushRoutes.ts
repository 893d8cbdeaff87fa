import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireVisitor, visitorOf } from '../../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../../http/wireSchemas';
import { KefuError } from '../../../errors';
import type { KefuServices } from '../../../services';
import { registerPushToken, removePushToken } from './pushRepo';

const tokenSchema = z.string().trim().min(8).max(4096);
const registrationSchema = z
  .object({ token: tokenSchema, platform: z.enum(['ios', 'android', 'web']) })
  .strict();

/** An app registers its push token for the shopper its session belongs to (visitor API, channel `app`). */
export const pushRegistrationRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'clock' | 'database' | 'visitorTokens'>;
}> = async (app, { services }) => {
  const authenticateVisitor = requireVisitor(services.visitorTokens);
  const tags = ['visitor'];
  const responses = {
    204: z.null(),
    400: errorResponseSchema,
    401: errorResponseSchema,
    403: errorResponseSchema,
  };

  app.post(
    '/api/v1/visitor/push-registrations',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: "Register the app's push token: agents' and the bot's replies reach the closed app",
        security: bearerSecurity,
        body: registrationSchema,
        response: responses,
      },
    },
    async (request, reply) => {
      const customerId = appCustomerOf(request);
      const { token, platform } = request.body;
      await registerPushToken(services.database.db, { customerId, platform, token }, services.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/visitor/push-registrations/remove',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: 'Stop pushes to a token (the shopper signed out, or the platform replaced it)',
        security: bearerSecurity,
        body: z.object({ token: tokenSchema }).strict(),
        response: responses,
      },
    },
    async (request, reply) => {
      await removePushToken(services.database.db, appCustomerOf(request), request.body.token);
      return reply.status(204).send(null);
    },
  );
};

function appCustomerOf(request: Parameters<typeof visitorOf>[0]): string {
  const visitor = visitorOf(request);
  if (visitor.channel !== 'app')
    throw new KefuError('forbidden', 'Push tokens are registered by apps (a session of channel app)');
  return visitor.customerId;
}
