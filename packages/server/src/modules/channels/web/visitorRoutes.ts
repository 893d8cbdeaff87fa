import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireVisitor, visitorOf } from '../../../http/authenticate';
import { allowAnyone } from '../../../http/routeAccess';
import {
  bearerSecurity,
  errorResponseSchema,
  messageSchema,
  sendMessageResponseSchema,
} from '../../../http/wireSchemas';
import type { KefuServices } from '../../../services';
import { resolveSessionVisitor } from '../../auth';
import { conversationStatusSchema } from '../../../conversationWireSchemas';
import { visitorChannelKindSchema } from '../../../channelKinds';
import { linkShopIdentity } from '../../customers';
import { receiveVisitorMessage } from './receiveVisitorMessage';
import { sendMessageBodySchema } from './visitorMessageBody';

const pageSchema = z
  .object({
    url: z.string().trim().max(2048).optional(),
    productId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

const sessionBodySchema = z
  .object({
    /** Accepted for older clients and ignored: only the earlier session's token resumes a visitor. */
    visitorId: z
      .string()
      .trim()
      .min(8)
      .max(100)
      .regex(/^[\w-]+$/, 'visitorId may hold letters, digits, _ and -')
      .optional(),
    name: z.string().trim().min(1).max(100).optional(),
    locale: z.string().trim().min(2).max(20).optional(),
    page: pageSchema.optional(),
    /** `app` for apps on `@kefu/sdk` (push notifications, the app's own conversation); `web` by default. */
    channel: visitorChannelKindSchema.optional(),
    /**
     * Optional: a shopper signed in on the shop, vouched for by the shop's server, with the keys the shop
     * verified (a phone, an e-mail, the WeChat unionid of a WeChat sign-in) signed with it (see README).
     */
    identity: z
      .object({
        shopCustomerId: z.string().trim().min(1).max(100),
        phone: z
          .string()
          .trim()
          .regex(/^\+?\d{5,20}$/, 'phone holds digits, optionally after +')
          .optional(),
        email: z.string().trim().email().max(254).optional(),
        wechatUnionId: z
          .string()
          .trim()
          .regex(/^[\w-]{6,64}$/, 'not a WeChat unionid')
          .optional(),
        signature: z.string().trim().max(128),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The visitor API: a fixed contract the widget, apps and outside tools rely on. */
export const visitorRoutes: FastifyPluginAsyncZod<{
  services: Pick<
    KefuServices,
    | 'channels'
    | 'clock'
    | 'config'
    | 'conversations'
    | 'database'
    | 'gateway'
    | 'visitorLimits'
    | 'visitorTokens'
  >;
}> = async (app, { services }) => {
  const authenticateVisitor = requireVisitor(services.visitorTokens);
  const limits = services.visitorLimits;
  const tags = ['visitor'];

  app.post(
    '/api/v1/visitor/sessions',
    {
      onRequest: [
        allowAnyone('a shopper starts a session; only an earlier token resumes one'),
        limits.sessionsPerAddress,
        limits.sessionsPerVisitor,
      ],
      schema: {
        tags,
        summary:
          'Start a visitor session, or resume one with `Authorization: Bearer <token of an earlier session>`',
        body: sessionBodySchema.optional(),
        response: {
          201: z.object({
            token: z.string(),
            visitorId: z.string(),
            customerId: z.string(),
            conversationId: z.string(),
            status: conversationStatusSchema,
          }),
          400: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const channel = body.channel ?? 'web';
      const { visitorId } = resolveSessionVisitor(services.visitorTokens, request, channel);
      if (body.identity) await linkShopIdentity(services, channel, visitorId, body.identity);
      const { customerId, conversation } = await services.conversations.startSession({
        channel,
        visitorId,
        name: body.name,
        locale: body.locale,
        page: body.page,
      });
      const token = services.visitorTokens.issue({ customerId, visitorId, channel });
      return reply
        .status(201)
        .send({ token, visitorId, customerId, conversationId: conversation.id, status: conversation.status });
    },
  );

  app.post(
    '/api/v1/visitor/messages',
    {
      onRequest: [limits.messagesPerAddress, authenticateVisitor, limits.messagesPerVisitor],
      schema: {
        tags,
        summary: 'Send a shopper message (text, photos or both); returns it and the bot replies',
        security: bearerSecurity,
        body: sendMessageBodySchema,
        response: {
          201: sendMessageResponseSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          429: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await receiveVisitorMessage(services.channels, visitorOf(request), request.body);
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/visitor/messages',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: "The visitor's current conversation, oldest message first",
        security: bearerSecurity,
        response: { 200: z.object({ messages: z.array(messageSchema) }), 401: errorResponseSchema },
      },
    },
    async (request) => {
      const visitor = visitorOf(request);
      return {
        messages: await services.conversations.listCustomerMessages(visitor.customerId, visitor.channel),
      };
    },
  );

  app.post(
    '/api/v1/visitor/page',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: 'Report the page (product) the shopper is looking at',
        security: bearerSecurity,
        body: pageSchema,
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      await services.conversations.recordPage(visitor.customerId, visitor.channel, request.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/visitor/ws',
    {
      websocket: true,
      onRequest: authenticateVisitor,
      schema: {
        tags,
        summary: 'WebSocket: agent/bot messages and typing',
        querystring: z.object({ token: z.string() }),
      },
    },
    async (socket, request) => {
      const visitor = visitorOf(request);
      services.gateway.addVisitor(visitor.customerId, visitor.channel, socket);
      if (visitor.channel !== 'app') return;
      // Every process sees the open app, so a reply handled anywhere is not pushed to it as well.
      const connections = services.channels.appConnections;
      const connectionId = await connections.connected(visitor.customerId);
      const leave = () =>
        connections
          .disconnected(connectionId)
          .catch((error: unknown) => request.log.warn({ err: error }, 'app connection update failed'));
      if (socket.readyState !== socket.OPEN) return void leave();
      socket.on('close', leave);
    },
  );
};
