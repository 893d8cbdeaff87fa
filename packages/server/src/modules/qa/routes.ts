import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { ruleLabel } from './reviewService';
import { qaRuleIds, qaRulesSchema } from './rules/ruleSet';
import {
  coachingNoteInputSchema,
  coachingNoteSchema,
  flagReviewSchema,
  inspectionDetailSchema,
  inspectionSummarySchema,
  qaPeriodShape,
  ruleSetSchema,
  scorecardsSchema,
} from './schemas';

const localeQuery = z.object({ locale: qaPeriodShape.locale }).strict();
const conversationParams = z.object({ conversationId: z.string().min(1).max(64) }).strict();
const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

/** Quality inspection: reading needs `reports:read`, reviewing `qa:review`, changing the rules `qa:configure`. */
export const qaRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'qa'>;
}> = async (app, { services }) => {
  const { qa, auth } = services;
  const tags = ['quality inspection'];
  const read = requireAgent(auth, 'reports:read');
  const review = requireAgent(auth, 'qa:review');

  app.get(
    '/api/v1/qa/inspections',
    {
      onRequest: read,
      schema: {
        tags,
        summary:
          'Inspected conversations resolved in the period, newest first (`status=open_flags`: to review)',
        security: bearerSecurity,
        querystring: z
          .object({
            ...qaPeriodShape,
            status: z.enum(['open_flags', 'all']).default('all'),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          })
          .strict(),
        response: { 200: z.object({ inspections: z.array(inspectionSummarySchema) }), ...errors },
      },
    },
    async (request) => {
      const { status, ...query } = request.query;
      const scope = await qa.scope.of(agentOf(request));
      return {
        inspections: await qa.review.listInspections({
          ...query,
          scope,
          onlyOpenFlags: status === 'open_flags',
        }),
      };
    },
  );

  app.get(
    '/api/v1/qa/inspections/:conversationId',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'A conversation’s score, flagged moments and transcript',
        security: bearerSecurity,
        params: conversationParams,
        querystring: localeQuery,
        response: { 200: z.object({ inspection: inspectionDetailSchema }), ...errors },
      },
    },
    async (request) => {
      const { conversationId } = request.params;
      await qa.scope.requireInspection(conversationId, await qa.scope.of(agentOf(request)));
      return { inspection: await qa.review.getInspection(conversationId, request.query.locale) };
    },
  );

  app.post(
    '/api/v1/qa/inspections/:conversationId/rerun',
    {
      onRequest: review,
      schema: {
        tags,
        summary: 'Inspect again with the current rules (confirmed and dismissed flags are kept)',
        security: bearerSecurity,
        params: conversationParams,
        querystring: localeQuery,
        response: { 200: z.object({ inspection: inspectionDetailSchema }), ...errors },
      },
    },
    async (request) => {
      const { conversationId } = request.params;
      await qa.scope.requireInspection(conversationId, await qa.scope.of(agentOf(request)));
      await qa.inspections.inspectConversation(conversationId);
      return { inspection: await qa.review.getInspection(conversationId, request.query.locale) };
    },
  );

  app.patch(
    '/api/v1/qa/flags/:id',
    {
      onRequest: review,
      schema: {
        tags,
        summary: 'Confirm or dismiss a flag (or open it again); the score follows',
        security: bearerSecurity,
        params: idParamSchema,
        querystring: localeQuery,
        body: flagReviewSchema,
        response: { 200: z.object({ inspection: inspectionDetailSchema }), ...errors },
      },
    },
    async (request) => {
      await qa.scope.requireFlag(request.params.id, await qa.scope.of(agentOf(request)));
      const { conversationId } = await qa.inspections.reviewFlag(
        request.params.id,
        request.body,
        agentOf(request).id,
      );
      return { inspection: await qa.review.getInspection(conversationId, request.query.locale) };
    },
  );

  app.get(
    '/api/v1/qa/scorecards',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'Per agent: inspections, average score per week, flags per rule by review outcome',
        security: bearerSecurity,
        querystring: z.object(qaPeriodShape).strict(),
        response: { 200: scorecardsSchema, ...errors },
      },
    },
    async (request) => qa.review.scorecards({ ...request.query, scope: await qa.scope.of(agentOf(request)) }),
  );

  app.get(
    '/api/v1/qa/agents/:id/notes',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'Coaching notes for an agent, newest first',
        security: bearerSecurity,
        params: idParamSchema,
        querystring: localeQuery,
        response: { 200: z.object({ notes: z.array(coachingNoteSchema) }), ...errors },
      },
    },
    async (request) => {
      qa.scope.requireAgent(request.params.id, await qa.scope.of(agentOf(request)));
      return { notes: await qa.review.listCoachingNotes(request.params.id, request.query.locale) };
    },
  );

  app.post(
    '/api/v1/qa/agents/:id/notes',
    {
      onRequest: review,
      schema: {
        tags,
        summary: 'Write a coaching note for an agent, optionally about one conversation',
        security: bearerSecurity,
        params: idParamSchema,
        querystring: localeQuery,
        body: coachingNoteInputSchema,
        response: { 201: z.object({ note: coachingNoteSchema }), ...errors },
      },
    },
    async (request, reply) => {
      qa.scope.requireAgent(request.params.id, await qa.scope.of(agentOf(request)));
      const note = await qa.review.addCoachingNote(
        request.params.id,
        request.body,
        agentOf(request).id,
        request.query.locale,
      );
      return reply.status(201).send({ note });
    },
  );

  const withNames = async (locale: 'zh-CN' | 'en') => {
    const ruleSet = await qa.ruleSets.active();
    return {
      ...ruleSet,
      ruleNames: Object.fromEntries(qaRuleIds.map((rule) => [rule, ruleLabel(rule, locale)])),
    };
  };
  app.get(
    '/api/v1/qa/rule-set',
    {
      onRequest: read,
      schema: {
        tags,
        summary: 'The active rules: weights, maximum points, time limits and wording',
        security: bearerSecurity,
        querystring: localeQuery,
        response: { 200: z.object({ ruleSet: ruleSetSchema }), ...errors },
      },
    },
    async (request) => ({ ruleSet: await withNames(request.query.locale) }),
  );

  app.put(
    '/api/v1/qa/rule-set',
    {
      onRequest: requireAgent(auth, 'qa:configure'),
      schema: {
        tags,
        summary: 'Replace the active rules; conversations resolved from now on are scored by them',
        security: bearerSecurity,
        querystring: localeQuery,
        body: z.object({ rules: qaRulesSchema }).strict(),
        response: { 200: z.object({ ruleSet: ruleSetSchema }), ...errors },
      },
    },
    async (request) => {
      await qa.ruleSets.update(request.body.rules, agentOf(request).id);
      return { ruleSet: await withNames(request.query.locale) };
    },
  );
};
