import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Screens built with Ant Design (the console) and Swagger UI style elements inline; nothing else may. */
const inlineStylePrefixes = ['/console', '/api/docs'];
/** Served to merchants' pages (a classic cross-origin script), so other sites may load it. */
const crossOriginScripts = new Set(['/widget.js']);
const hstsValue = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every response (@fastify/helmet): a Content-Security-Policy without inline scripts,
 * no framing (frame-ancestors 'none', X-Frame-Options DENY), nosniff, no Referer, same-origin resource policy;
 * HSTS only over TLS (directly or as a trusted proxy reports it); `Cache-Control: no-store` on the API,
 * whose answers hold personal data.
 */
export async function installSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", (request) => (allowsInlineStyles(request.url) ? "'unsafe-inline'" : '')],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'media-src': ["'self'", 'data:', 'blob:'],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', hstsValue);
    const path = pathOf(request);
    if (path.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (crossOriginScripts.has(path)) reply.header('cross-origin-resource-policy', 'cross-origin');
  });
}

function allowsInlineStyles(url: string | undefined): boolean {
  return inlineStylePrefixes.some((prefix) => (url ?? '').startsWith(prefix));
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}
