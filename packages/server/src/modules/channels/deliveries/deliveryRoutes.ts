import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../../http/wireSchemas';
import type { AuthService } from '../../auth';
import type { ConversationService } from '../../conversations';
import type { ChannelModule } from '../channelsModule';
import { messageDeliverySchema } from './messageDelivery';

export interface DeliveryRouteServices {
  auth: AuthService;
  conversations: ConversationService;
  channels: ChannelModule;
}

/** Whether each message reached the shopper's channel: for the agents who may read the conversation. */
export const deliveryRoutes: FastifyPluginAsyncZod<{ services: DeliveryRouteServices }> = async (
  app,
  { services },
) => {
  app.addHook('onRequest', requireAgent(services.auth));
  app.get(
    '/api/v1/agent/conversations/:id/deliveries',
    {
      schema: {
        tags: ['agent: conversations'],
        summary:
          "Deliveries of the conversation's messages to its channel (pending, sent, failed), oldest first",
        security: bearerSecurity,
        params: idParamSchema,
        response: { 200: z.object({ deliveries: z.array(messageDeliverySchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => {
      // Reading the conversation is the authorisation: an agent who may not see it gets its 404.
      await services.conversations.getConversationForAgent(agentOf(request), request.params.id);
      return { deliveries: await services.channels.listDeliveries(request.params.id) };
    },
  );
};
