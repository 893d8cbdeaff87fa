import fastifyCors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

const publicPrefixes = ['/api/v1/visitor/', '/api/v1/shop/'];

/**
 * The widget runs on the merchant's own site, so the visitor and shop APIs answer cross-origin requests from
 * the sites `allowsOrigin` accepts (the configured and admin-added widget origins) and no other. They use
 * bearer tokens, never cookies, so no credentials are allowed. Agent and admin APIs get no CORS headers: the
 * console is served from Kefu's own origin.
 */
export async function installWidgetCors(
  app: FastifyInstance,
  allowsOrigin: (origin: string) => Promise<boolean>,
): Promise<void> {
  await app.register(fastifyCors, {
    delegator: (request, callback) => {
      const path = request.url ?? '';
      const origin = request.headers.origin;
      const isPublic = publicPrefixes.some((prefix) => path.startsWith(prefix));
      const options = (allowed: boolean) => ({
        origin: allowed && origin ? origin : false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['authorization', 'content-type'],
        maxAge: 600,
      });
      if (!isPublic || !origin) {
        callback(null, options(false));
        return;
      }
      allowsOrigin(origin).then(
        (allowed) => callback(null, options(allowed)),
        (error: unknown) =>
          callback(error instanceof Error ? error : new Error(String(error)), options(false)),
      );
    },
  });
}
