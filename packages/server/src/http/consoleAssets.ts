import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { allowAnyone } from './routeAccess';

const consoleDistDir = fileURLToPath(new URL('../../../console/dist/', import.meta.url));

/**
 * The agent console (packages/console, built by `npm run build:web`) under /console. Hashed assets are
 * cached for a year; every other path below /console gets index.html (no-cache), so the console's own
 * routes (/console/inbox/conv_…) survive a reload.
 */
export async function registerConsoleAssets(app: FastifyInstance): Promise<void> {
  const indexPath = `${consoleDistDir}index.html`;
  if (!existsSync(indexPath)) {
    app.log.warn('the agent console is not built: run `npm run build:web` to serve /console');
    return;
  }
  const indexHtml = readFileSync(indexPath, 'utf8');
  const consoleFiles = allowAnyone('the console’s own files; its data needs a session');
  await app.register(async (scope) => {
    scope.addHook('onRequest', consoleFiles);
    await scope.register(fastifyStatic, {
      root: consoleDistDir,
      prefix: '/console/',
      decorateReply: false,
      wildcard: false,
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  });
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (request.url.startsWith('/console/assets/')) {
      reply.callNotFound();
      return reply;
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml);
  };
  app.get('/console', { schema: { hide: true }, onRequest: consoleFiles }, sendIndex);
  app.get('/console/*', { schema: { hide: true }, onRequest: consoleFiles }, sendIndex);
}
