import type { FastifyPluginAsync } from 'fastify';
import { KefuError } from '../../errors';
import type { KefuServices } from '../../services';
import { acceptSigned } from '../../http/routeAccess';
import { applyShopWebhook } from './builtin/shopWebhook';
import { verifyStandardWebhook } from './webhookSignature';

/**
 * `POST /api/v1/commerce/webhook`: the shop system pushes order and shipment updates, signed as Standard
 * Webhooks (id, timestamp and body; see README). The body is read raw (this plugin's own JSON parser keeps the
 * bytes) because the signature covers the exact bytes sent.
 */
export const commerceWebhookRoutes: FastifyPluginAsync<{
  services: Pick<KefuServices, 'clock' | 'commerce' | 'config' | 'unitOfWork'>;
}> = async (app, { services }) => {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/v1/commerce/webhook',
    {
      onRequest: acceptSigned('Standard Webhooks signature over id, timestamp and body'),
      schema: {
        tags: ['shop system'],
        summary:
          'Order and shipment updates from the shop (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature)',
      },
    },
    async (request, reply) => {
      const secret = services.config.commerce.webhookSecret;
      if (!secret || services.commerce.connector.kind !== 'builtin')
        throw new KefuError('webhook_not_configured');
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verified = verifyStandardWebhook(rawBody, request.headers, secret, services.clock.now());
      if (!verified.ok)
        throw new KefuError(verified.reason === 'stale' ? 'webhook_stale' : 'webhook_signature_invalid');
      const result = await applyShopWebhook(services.unitOfWork, rawBody, verified.delivery);
      if (!result.ok) throw new KefuError(webhookErrorCode(result.status), result.message);
      return reply.status(202).send({ accepted: result.type, applied: result.applied });
    },
  );
};

function webhookErrorCode(status: 400 | 409 | 422) {
  if (status === 409) return 'webhook_duplicate';
  return status === 422 ? 'commerce_row_rejected' : 'validation_failed';
}
