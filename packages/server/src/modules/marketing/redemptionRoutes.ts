import type { FastifyPluginAsync } from 'fastify';
import { KefuError } from '../../errors';
import { acceptSigned } from '../../http/routeAccess';
import type { KefuConfig } from '../../config';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { recordWebhookDelivery, verifyStandardWebhook } from '../commerce';
import type { MarketingModule } from './marketingModule';
import { redemptionBodySchema } from './schemas';

export interface RedemptionRouteServices {
  config: KefuConfig;
  clock: Clock;
  database: { db: Db };
  marketing: MarketingModule;
}

/**
 * `POST /api/v1/marketing/redemptions`: the shop's back-end reports an order that used a coupon, signed as
 * Standard Webhooks with the commerce webhook secret (the same signing as `POST /api/v1/commerce/webhook`). The
 * body is read raw because the signature covers the exact bytes; a delivery id is taken once.
 */
export const marketingRedemptionRoutes: FastifyPluginAsync<{ services: RedemptionRouteServices }> = async (
  app,
  { services },
) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 64 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/marketing/redemptions',
    {
      onRequest: acceptSigned('Standard Webhooks signature over id, timestamp and body'),
      schema: {
        tags: ['shop system'],
        summary:
          'A coupon from an offer was used in an order: { code, orderNumber, shopCustomerId } (Standard Webhooks signature)',
      },
    },
    async (request, reply) => {
      const secret = services.config.commerce.webhookSecret;
      if (!secret) throw new KefuError('webhook_not_configured');
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verified = verifyStandardWebhook(rawBody, request.headers, secret, services.clock.now());
      if (!verified.ok)
        throw new KefuError(verified.reason === 'stale' ? 'webhook_stale' : 'webhook_signature_invalid');
      const parsed = redemptionBodySchema.safeParse(parseJson(rawBody));
      if (!parsed.success) throw new KefuError('validation_failed', describeIssue(parsed.error.issues[0]));
      const firstTime = await recordWebhookDelivery(
        services.database.db,
        'marketing',
        verified.delivery.id,
        services.clock.now(),
      );
      if (!firstTime) throw new KefuError('webhook_duplicate');
      const recorded = await services.marketing.tracking.recordRedemption(parsed.data);
      return reply.status(202).send({ recorded });
    },
  );
};

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.map(String).join('.')}: ${issue.message}` : 'The request is not valid';
}
