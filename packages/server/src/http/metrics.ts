import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { allowAnyone } from './routeAccess';

export interface KefuMetrics {
  registry: Registry;
  messagesTotal: Counter<'sender'>;
}

/** One registry per app instance (no global state), exposed at GET /metrics in Prometheus text format. */
export function createMetrics(): KefuMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'kefu_' });
  return {
    registry,
    messagesTotal: new Counter({
      name: 'kefu_messages_total',
      help: 'Messages stored, by sender',
      labelNames: ['sender'],
      registers: [registry],
    }),
  };
}

export function registerConnectionGauge(
  metrics: KefuMetrics,
  countConnections: () => { visitors: number; agents: number },
): void {
  new Gauge({
    name: 'kefu_realtime_connections',
    help: 'Open WebSocket connections on this process',
    labelNames: ['kind'],
    registers: [metrics.registry],
    collect() {
      const counts = countConnections();
      this.set({ kind: 'visitor' }, counts.visitors);
      this.set({ kind: 'agent' }, counts.agents);
    },
  });
}

export function installHttpMetrics(app: FastifyInstance, metrics: KefuMetrics): void {
  const requestDuration = new Histogram({
    name: 'kefu_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requestDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  const scrape = allowAnyone('Prometheus scraping: counts and timings, no personal data');
  app.get('/metrics', { schema: { hide: true }, onRequest: scrape }, async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
