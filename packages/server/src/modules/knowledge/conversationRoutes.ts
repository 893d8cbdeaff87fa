import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent, requireVisitor, visitorOf } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { correctionBodySchema, feedbackBodySchema } from './schemas';

const suggestionSchema = z.object({
  entryId: z.string().nullable(),
  source: z.string(),
  title: z.string(),
  answer: z.string(),
  score: z.number(),
});

/** Knowledge inside conversations: agent suggestions and corrections, shopper ratings. */
export const knowledgeConversationRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'clock' | 'conversations' | 'knowledge' | 'visitorTokens'>;
}> = async (app, { services }) => {
  const knowledge = services.knowledge;
  const authenticateAgent = requireAgent(services.auth, 'conversations:reply');

  app.get(
    '/api/v1/agent/conversations/:id/suggestions',
    {
      onRequest: authenticateAgent,
      schema: {
        tags: ['agent: conversations'],
        summary:
          "Suggested answers to the shopper's latest message, from the knowledge base and the catalogue",
        security: bearerSecurity,
        params: idParamSchema,
        response: {
          200: z.object({ question: z.string().nullable(), suggestions: z.array(suggestionSchema) }),
          404: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const agent = agentOf(request);
      const conversation = await services.conversations.getConversationForAgent(agent, request.params.id);
      const messages = await services.conversations.listMessagesForAgent(agent, conversation.id, {
        limit: 1000,
      });
      const latest = messages.filter((message) => message.sender === 'customer').at(-1);
      if (!latest) return { question: null, suggestions: [] };
      const locale = conversation.locale;
      const suggestions = await knowledge.answerer.suggestForAgent(latest.text, locale, {
        channel: conversation.channel,
        now: services.clock.now(),
        pageProductId: await services.conversations.findPageProduct(conversation.id),
        lastDiscussedProductId: await knowledge.questions.lastDiscussedProduct(conversation.id),
      });
      return { question: latest.text, suggestions };
    },
  );

  app.post(
    '/api/v1/agent/conversations/:id/messages/:messageId/correction',
    {
      onRequest: authenticateAgent,
      schema: {
        tags: ['agent: conversations'],
        summary: 'Correct a bot answer: the right answer feeds the knowledge-gap report and FAQ drafts',
        security: bearerSecurity,
        params: z.object({ id: z.string().min(1).max(64), messageId: z.string().min(1).max(64) }).strict(),
        body: correctionBodySchema,
        response: { 201: z.object({ queryId: z.string() }), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const result = await knowledge.questions.correctBotMessage(
        agentOf(request),
        request.params.id,
        request.params.messageId,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/api/v1/visitor/messages/:id/feedback',
    {
      onRequest: requireVisitor(services.visitorTokens),
      schema: {
        tags: ['visitor'],
        summary: 'Rate a bot answer in your own conversation as helpful or not (rating again replaces it)',
        security: bearerSecurity,
        params: idParamSchema,
        body: feedbackBodySchema,
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await knowledge.questions.rateBotMessage(
        visitorOf(request).customerId,
        request.params.id,
        request.body.helpful,
      );
      return reply.status(204).send(null);
    },
  );
};
