import type { FastifyPluginAsync } from 'fastify';
import { KefuError } from '../../errors';
import type { KefuServices } from '../../services';
import { applyShopWebhook, verifyShopWebhookSignature } from './builtin/shopWebhook';

/**
 * `POST /api/v1/commerce/webhook`: the shop system pushes order and shipment updates. The body is read raw
 * (this plugin's own JSON parser keeps the bytes) because the signature covers the exact bytes sent.
 */
export const commerceWebhookRoutes: FastifyPluginAsync<{
  services: Pick<KefuServices, 'commerce' | 'config' | 'unitOfWork'>;
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
      schema: {
        tags: ['shop system'],
        summary: 'Order and shipment updates from the shop (HMAC-SHA256 signed)',
      },
    },
    async (request, reply) => {
      const secret = services.config.commerce.webhookSecret;
      if (!secret || services.commerce.connector.kind !== 'builtin')
        throw new KefuError('webhook_not_configured');
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const signature = request.headers['x-kefu-signature'];
      if (!verifyShopWebhookSignature(rawBody, typeof signature === 'string' ? signature : undefined, secret))
        throw new KefuError('webhook_signature_invalid');
      const result = await applyShopWebhook(services.unitOfWork, rawBody);
      if (!result.ok)
        throw new KefuError(
          result.status === 422 ? 'commerce_row_rejected' : 'validation_failed',
          result.message,
        );
      return reply.status(202).send({ accepted: result.type });
    },
  );
};
