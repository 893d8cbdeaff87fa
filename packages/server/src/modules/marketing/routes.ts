import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { allowAnyone } from '../../http/routeAccess';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { AuthService } from '../auth';
import type { MarketingModule } from './marketingModule';
import {
  clickTokenSchema,
  consentBodySchema,
  consentViewSchema,
  createOfferRuleBodySchema,
  figuresQuerySchema,
  offerFiguresViewSchema,
  offerRuleViewSchema,
  updateOfferRuleBodySchema,
} from './schemas';

export interface MarketingRouteServices {
  auth: AuthService;
  marketing: MarketingModule;
}

const rulesPath = '/api/v1/admin/marketing/rules';
const ruleResponseSchema = z.object({ rule: offerRuleViewSchema });

/**
 * Admins keep after-conversation offer rules and read their figures; agents read a shopper's marketing consent
 * and admins record it; shoppers' clicks on recommendation links go through `/r/:token`.
 */
export const marketingRoutes: FastifyPluginAsyncZod<{ services: MarketingRouteServices }> = async (
  app,
  { services },
) => {
  const manage = requireAgent(services.auth, 'marketing:manage');
  const { rules, tracking, consents } = services.marketing;
  const tags = ['admin: marketing'];
  const security = bearerSecurity;
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

  app.get(
    rulesPath,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'After-conversation offer rules',
        security,
        response: { 200: z.object({ rules: z.array(offerRuleViewSchema) }) },
      },
    },
    async () => ({ rules: await rules.list() }),
  );

  app.post(
    rulesPath,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Create an offer rule',
        security,
        body: createOfferRuleBodySchema,
        response: { 201: ruleResponseSchema, 400: errorResponseSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send({ rule: await rules.create(request.body, agentOf(request).id) }),
  );

  app.patch(
    `${rulesPath}/:id`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Change, enable or disable an offer rule',
        security,
        params: idParamSchema,
        body: updateOfferRuleBodySchema,
        response: { 200: ruleResponseSchema, ...errors },
      },
    },
    async (request) => ({
      rule: await rules.update(request.params.id, request.body, agentOf(request).id),
    }),
  );

  app.delete(
    `${rulesPath}/:id`,
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Delete an offer rule (its offers stay in the figures of the period)',
        security,
        params: idParamSchema,
        response: { 204: z.null(), 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      await rules.remove(request.params.id, agentOf(request).id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/marketing/figures',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Per rule, offers made in [from, to): sent, skipped by reason, clicked, redeemed, rates',
        security,
        querystring: figuresQuerySchema,
        response: { 200: z.object({ rules: z.array(offerFiguresViewSchema) }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ rules: await tracking.figures(request.query) }),
  );

  app.get(
    '/api/v1/agent/customers/:id/marketing-consent',
    {
      onRequest: requireAgent(services.auth, 'customers:read'),
      schema: {
        tags: ['agent'],
        summary: 'Whether the shopper takes offers (they opt out by writing 退订 / unsubscribe)',
        security,
        params: idParamSchema,
        response: { 200: z.object({ consent: consentViewSchema }) },
      },
    },
    async (request) => ({ consent: await consents.read(request.params.id) }),
  );

  app.put(
    '/api/v1/admin/marketing/customers/:id/consent',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: "Record a shopper's consent to offers (e.g. asked by phone)",
        security,
        params: idParamSchema,
        body: consentBodySchema,
        response: { 200: z.object({ consent: consentViewSchema }), ...errors },
      },
    },
    async (request) => ({
      consent: await consents.setByAgent(request.params.id, request.body.optedOut, agentOf(request).id),
    }),
  );

  app.get(
    '/r/:token',
    {
      onRequest: allowAnyone('a shopper follows a recommendation link; the token is random and unguessable'),
      schema: {
        tags: ['visitor'],
        summary:
          'Recommendation link: counts the first click and redirects to the product page stored with it',
        params: clickTokenSchema,
        response: { 404: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const location = await tracking.followClick(request.params.token);
      return reply.header('cache-control', 'no-store').redirect(location, 302);
    },
  );
};
