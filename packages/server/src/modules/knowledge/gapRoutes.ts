import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { localeGroupOf } from './searchIndex';
import { entrySchema, gapSchema, searchDecisionSchema, searchHitSchema, searchQuerySchema } from './schemas';
import { answerReply } from './answerer';
import { contentForGroup } from './searchIndex';

const tags = ['admin: knowledge'];

/** Knowledge gaps (what the bot could not answer well) and a search console to try questions. */
export const knowledgeGapRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'clock' | 'knowledge'>;
}> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'knowledge:edit'));
  const knowledge = services.knowledge;

  app.get(
    '/api/v1/admin/knowledge/gaps',
    {
      schema: {
        tags,
        summary:
          'Topics of the last 30 days the bot could not answer, only suggested, was rated down on, or was corrected on',
        security: bearerSecurity,
        response: { 200: z.object({ gaps: z.array(gapSchema) }) },
      },
    },
    async () => ({ gaps: await knowledge.gaps.listGaps() }),
  );

  app.post(
    '/api/v1/admin/knowledge/gaps/:id/draft',
    {
      schema: {
        tags,
        summary:
          'Turn a gap topic into an FAQ draft (questions as similar questions, a correction as the answer)',
        security: bearerSecurity,
        params: idParamSchema,
        response: { 201: z.object({ entry: entrySchema }), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const entry = await knowledge.gaps.draftFromGap(agentOf(request), request.params.id);
      return reply.status(201).send({ entry });
    },
  );

  app.get(
    '/api/v1/admin/knowledge/search',
    {
      schema: {
        tags,
        summary:
          'Search the published knowledge as the bot does, with confidences and what the bot would reply (answer, "did you mean" suggestions, or nothing)',
        security: bearerSecurity,
        querystring: searchQuerySchema,
        response: { 200: z.object({ hits: z.array(searchHitSchema), decision: searchDecisionSchema }) },
      },
    },
    async (request) => {
      const { q, locale, channel, limit } = request.query;
      const group = localeGroupOf(locale);
      const now = services.clock.now();
      const hits = await knowledge.answerer.search(q, group, now, channel);
      // The same decision a shopper's message gets (without page or conversation context).
      const decision = await knowledge.answerer.respond({
        text: q,
        locale,
        channel: channel ?? 'web',
        now,
        pageProductId: null,
        lastDiscussedProductId: null,
      });
      return {
        decision: {
          outcome: decision.outcome,
          source: decision.source,
          entryId: decision.entryId,
          score: decision.score,
          reply: decision.reply,
        },
        hits: hits.slice(0, limit).map((hit) => ({
          entryId: hit.entry.entryId,
          kind: hit.entry.kind,
          question: contentForGroup(hit.entry.content, group)?.question ?? '',
          answer: answerReply(hit, group).text,
          score: hit.confidence,
          matched: hit.passage.title,
        })),
      };
    },
  );
};
