import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';

const replyChannelSchema = z.object({
  channel: channelKindSchema,
  accountName: z.string().nullable().describe("The channel account's name when the shop has several"),
  isDefault: z.boolean().describe('The channel the shopper wrote on last, where a reply goes by default'),
  lastWroteAt: z.string(),
  window: z.object({
    open: z.boolean(),
    closesAt: z.string().nullable().describe('Open: when it closes; closed: when it closed; null: no window'),
    windowHours: z.number().nullable(),
    closedReason: z.enum(['window_expired']).nullable(),
  }),
});

/** Where an agent's reply may go out: the channels the shopper wrote on, with their reply windows. */
export const replyChannelRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'channels' | 'conversations'>;
}> = async (app, { services }) => {
  app.get(
    '/api/v1/agent/conversations/:id/reply-channels',
    {
      onRequest: requireAgent(services.auth, 'conversations:read'),
      schema: {
        tags: ['agent: conversations'],
        summary:
          'Channels a reply may go out on: those the shopper wrote on, the last used first (the default), ' +
          'each with whether its reply window is open now',
        security: bearerSecurity,
        params: idParamSchema,
        response: {
          200: z.object({ channels: z.array(replyChannelSchema) }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const { id } = request.params;
      const used = await services.conversations.listCustomerChannelsForAgent(agentOf(request), id);
      return { channels: await services.channels.describeReplyChannels(id, used) };
    },
  );
};
