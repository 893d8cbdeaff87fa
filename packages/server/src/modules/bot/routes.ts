import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import {
  bearerSecurity,
  errorResponseSchema,
  idParamSchema,
  messageTextSchema,
} from '../../http/wireSchemas';
import { messageAnalysisSchema } from '../conversations/schemas';
import type { KefuServices } from '../../services';
import { botRuleInputSchema, botRulePatchSchema, botRuleSchema } from './schemas';

/** Greeting and keyword rules, managed by admins. */
export const botRuleRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'botRules' | 'clock' | 'understander'>;
}> = async (app, { services }) => {
  app.addHook('onRequest', requireAgent(services.auth, 'bot:manage'));
  const tags = ['admin: bot rules'];
  const ruleResponse = z.object({ rule: botRuleSchema });

  app.get(
    '/api/v1/admin/bot/rules',
    {
      schema: {
        tags,
        summary: 'List rules by priority',
        security: bearerSecurity,
        response: { 200: z.object({ rules: z.array(botRuleSchema) }) },
      },
    },
    async () => ({ rules: await services.botRules.listRules() }),
  );

  app.post(
    '/api/v1/admin/bot/rules',
    {
      schema: {
        tags,
        summary: 'Create a rule',
        security: bearerSecurity,
        body: botRuleInputSchema,
        response: { 201: ruleResponse, 400: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ rule: await services.botRules.createRule(request.body, agentOf(request).id) }),
  );

  app.patch(
    '/api/v1/admin/bot/rules/:id',
    {
      schema: {
        tags,
        summary: 'Change a rule',
        security: bearerSecurity,
        params: idParamSchema,
        body: botRulePatchSchema,
        response: { 200: ruleResponse, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (request) => ({
      rule: await services.botRules.updateRule(request.params.id, request.body, agentOf(request).id),
    }),
  );

  app.delete(
    '/api/v1/admin/bot/rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a rule (204, or 404 when unknown)',
        security: bearerSecurity,
        params: idParamSchema,
      },
    },
    async (request, reply) => {
      await services.botRules.deleteRule(request.params.id, agentOf(request).id);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/admin/bot/understand',
    {
      schema: {
        tags,
        summary: 'What the bot understands of a sentence, and the keyword rule that would answer it',
        security: bearerSecurity,
        body: z.object({ text: messageTextSchema }).strict(),
        response: {
          200: z.object({
            analysis: messageAnalysisSchema.omit({ answeredBy: true }),
            matchedRule: botRuleSchema.nullable(),
          }),
          400: errorResponseSchema,
        },
      },
    },
    async (request) => ({
      analysis: services.understander.understand(request.body.text, services.clock.now()),
      matchedRule: await services.botRules.findMatchingRule(request.body.text),
    }),
  );
};
