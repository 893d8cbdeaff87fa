import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import {
  bearerSecurity,
  clientMessageIdSchema,
  conversationSchema,
  errorResponseSchema,
  idParamSchema,
  messageSchema,
  messageTextSchema,
} from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { channelKindSchema } from '../../channelKinds';
import { maxPhotosPerMessage, uploadIdSchema } from '../uploads';
import { conversationStatusSchema } from '../../conversationWireSchemas';

const listQuerySchema = z
  .object({
    status: z
      .string()
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(conversationStatusSchema))
      .optional(),
    assignee: z
      .union([z.literal('me'), z.literal('unassigned'), z.string().startsWith('agt_').max(64)])
      .optional(),
    channel: channelKindSchema.optional(),
    customerId: z.string().max(64).optional(),
    q: z.string().trim().min(1).max(200).optional(),
    before: z.string().max(40).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

/** What agents do with conversations: list, read, reply, note, take over, hand back, resolve, reopen. */
export const agentConversationRoutes: FastifyPluginAsyncZod<{
  services: Pick<
    KefuServices,
    'agentActions' | 'auth' | 'channels' | 'conversations' | 'gateway' | 'presence'
  >;
}> = async (app, { services }) => {
  const canRead = requireAgent(services.auth, 'conversations:read');
  const canReply = requireAgent(services.auth, 'conversations:reply');
  const tags = ['agent: conversations'];
  const conversationResponse = {
    200: z.object({ conversation: conversationSchema }),
    404: errorResponseSchema,
    409: errorResponseSchema,
  };

  app.get(
    '/api/v1/agent/conversations',
    {
      onRequest: canRead,
      schema: {
        tags,
        summary: 'List conversations the agent may see, newest activity first',
        security: bearerSecurity,
        querystring: listQuerySchema,
        response: { 200: z.object({ conversations: z.array(conversationSchema) }) },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const { assignee, status, channel, customerId, q, before, limit } = request.query;
      const assigneeId = assignee === 'me' ? agent.id : assignee === 'unassigned' ? null : assignee;
      const conversations = await services.conversations.listConversationsForAgent(agent, {
        statuses: status,
        assigneeId,
        channel,
        customerId,
        search: q,
        beforeLastMessageAt: before,
        limit,
      });
      return { conversations };
    },
  );

  app.get(
    '/api/v1/agent/conversations/:id',
    {
      onRequest: canRead,
      schema: {
        tags,
        summary: 'One conversation',
        security: bearerSecurity,
        params: idParamSchema,
        response: conversationResponse,
      },
    },
    async (request) => ({
      conversation: await services.conversations.getConversationForAgent(agentOf(request), request.params.id),
    }),
  );

  app.get(
    '/api/v1/agent/conversations/:id/messages',
    {
      onRequest: canRead,
      schema: {
        tags,
        summary: 'Messages of a conversation, private notes included, oldest first',
        security: bearerSecurity,
        params: idParamSchema,
        querystring: z
          .object({
            after: z.string().max(64).optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(500),
          })
          .strict(),
        response: { 200: z.object({ messages: z.array(messageSchema) }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      messages: await services.conversations.listMessagesForAgent(agentOf(request), request.params.id, {
        afterId: request.query.after,
        limit: request.query.limit,
      }),
    }),
  );

  app.post(
    '/api/v1/agent/conversations/:id/messages',
    {
      onRequest: canReply,
      schema: {
        tags,
        summary: 'Reply to the shopper, or add a private note with `private: true`',
        security: bearerSecurity,
        params: idParamSchema,
        body: z
          .object({
            text: messageTextSchema,
            private: z.boolean().default(false),
            clientMessageId: clientMessageIdSchema.optional(),
            /**
             * The channel the reply goes out on, one the shopper wrote on in this conversation and whose reply
             * window is open; by default the one they last wrote on.
             */
            channel: channelKindSchema.optional(),
            /** Photos from POST /api/v1/agent/conversations/{id}/uploads, sent with the words. */
            attachments: z.array(uploadIdSchema).min(1).max(maxPhotosPerMessage).optional(),
          })
          .strict(),
        response: {
          201: z.object({ message: messageSchema }),
          404: errorResponseSchema,
          409: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const { channel } = request.body;
      const message = await services.agentActions.sendAgentMessage(agentOf(request), request.params.id, {
        text: request.body.text,
        isPrivate: request.body.private,
        clientMessageId: request.body.clientMessageId,
        channel: request.body.private ? undefined : channel,
        uploadIds: request.body.attachments,
      });
      return reply.status(201).send({ message });
    },
  );

  const actions = {
    takeover: {
      summary: 'Take the conversation over from the bot or the queue',
      run: services.agentActions.takeOver,
    },
    handback: { summary: 'Hand the conversation back to the bot', run: services.agentActions.handBack },
    resolve: { summary: 'Mark the conversation resolved', run: services.agentActions.resolve },
    reopen: { summary: 'Reopen a resolved conversation', run: services.agentActions.reopen },
    open: {
      summary: 'The agent opened the conversation: when they hold it, the shopper is told a person joined',
      run: services.agentActions.open,
    },
  } as const;
  for (const [action, { summary, run }] of Object.entries(actions)) {
    app.post(
      `/api/v1/agent/conversations/:id/${action}`,
      {
        onRequest: canReply,
        schema: {
          tags,
          summary,
          security: bearerSecurity,
          params: idParamSchema,
          response: conversationResponse,
        },
      },
      async (request) => ({
        conversation: await run.call(services.agentActions, agentOf(request), request.params.id),
      }),
    );
  }

  app.get(
    '/api/v1/agent/ws',
    {
      websocket: true,
      onRequest: canRead,
      schema: {
        tags,
        summary: 'WebSocket: conversation and message events the agent may see',
        querystring: z.object({ token: z.string() }),
      },
    },
    async (socket, request) => {
      const agent = agentOf(request);
      // Presence follows the socket: recorded before the gateway greets the console with `ready`.
      const connectionId = await services.presence.connected(agent.id);
      const leave = () =>
        services.presence
          .disconnected(connectionId)
          .catch((error: unknown) => request.log.error({ err: error }, 'presence update failed'));
      if (socket.readyState !== socket.OPEN) return void leave();
      socket.on('close', leave);
      services.gateway.addAgent(agent, socket);
    },
  );
};
