import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

const publicPrefixes = ['/api/v1/visitor/', '/api/v1/shop/'];

/**
 * The widget runs on the merchant's own site, so the visitor and shop APIs answer cross-origin requests from
 * the configured origins. They use bearer tokens, never cookies, so no credentials are allowed. Agent and
 * admin APIs get no CORS headers: the console is served from Kefu's own origin.
 */
export async function installWidgetCors(app: FastifyInstance, allowedOrigins: '*' | string[]): Promise<void> {
  await app.register(fastifyCors, {
    delegator: (request, callback) => {
      const path = request.url ?? '';
      const isPublic = publicPrefixes.some((prefix) => path.startsWith(prefix));
      callback(null, {
        origin: isPublic ? allowedOrigins : false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['authorization', 'content-type'],
        maxAge: 600,
      });
    },
  });
}
