import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAgent, requireVisitor, visitorOf } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, messageTextSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { ticketSchema } from '../tickets/schemas';

const surveySchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  agentId: z.string().nullable(),
  rating: z.number().nullable(),
  comment: z.string().nullable(),
  requestedAt: z.string(),
  respondedAt: z.string().nullable(),
});

/** Visitor side of the follow-ups: rate the service (CSAT) and leave a message (a ticket); CSAT results for supervisors. */
export const csatRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'conversations' | 'csat' | 'tickets' | 'visitorTokens'>;
}> = async (app, { services }) => {
  const authenticateVisitor = requireVisitor(services.visitorTokens);

  app.post(
    '/api/v1/visitor/csat',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags: ['visitor'],
        summary: 'Rate the resolved conversation 1–5, with an optional comment',
        security: bearerSecurity,
        body: z
          .object({
            rating: z.number().int().min(1).max(5),
            comment: z.string().trim().min(1).max(2000).optional(),
          })
          .strict(),
        response: {
          200: z.object({ survey: surveySchema }),
          400: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const visitor = visitorOf(request);
      return { survey: await services.csat.submit(visitor.customerId, visitor.channel, request.body) };
    },
  );

  app.post(
    '/api/v1/visitor/tickets',
    {
      onRequest: authenticateVisitor,
      schema: {
        tags: ['visitor'],
        summary: 'Leave a message for the team (becomes a ticket linked to the conversation)',
        security: bearerSecurity,
        body: z.object({ text: messageTextSchema }).strict(),
        response: {
          201: z.object({ ticket: ticketSchema.pick({ id: true, status: true, createdAt: true }) }),
          404: errorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const visitor = visitorOf(request);
      const conversation = await services.conversations.findCurrentConversation(
        visitor.customerId,
        visitor.channel,
      );
      if (!conversation)
        return reply
          .status(404)
          .send({ error: { code: 'conversation_not_found', message: 'Conversation not found' } });
      const ticket = await services.tickets.createFromConversation(
        conversation.id,
        'left_message',
        request.body.text,
      );
      return reply
        .status(201)
        .send({ ticket: { id: ticket.id, status: ticket.status, createdAt: ticket.createdAt } });
    },
  );

  app.get(
    '/api/v1/admin/csat',
    {
      onRequest: requireAgent(services.auth, 'reports:read'),
      schema: {
        tags: ['admin: handoff and routing'],
        summary: 'Recent satisfaction surveys and the average rating',
        security: bearerSecurity,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict(),
        response: { 200: z.object({ surveys: z.array(surveySchema), averageRating: z.number().nullable() }) },
      },
    },
    async (request) => services.csat.listRecent(request.query.limit),
  );
};
