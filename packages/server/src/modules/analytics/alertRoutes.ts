import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema, idParamSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { spikeAlertSchema } from './spikes/alertSchemas';

const localeSchema = z.enum(['zh-CN', 'en']).default('zh-CN');

/** Spike alerts: listed for holders of `reports:read`, acknowledged by holders of `alerts:manage`. */
export const alertRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'analytics'>;
}> = async (app, { services }) => {
  const { analytics, auth } = services;
  const tags = ['reports'];
  app.get(
    '/api/v1/reports/alerts',
    {
      onRequest: requireAgent(auth, 'reports:read'),
      schema: {
        tags,
        summary: 'Spike alerts, newest first: topics surging against their baseline, and new topics',
        security: bearerSecurity,
        querystring: z
          .object({
            status: z.enum(['open', 'all']).default('all'),
            limit: z.coerce.number().int().min(1).max(200).default(50),
            locale: localeSchema,
          })
          .strict(),
        response: { 200: z.object({ alerts: z.array(spikeAlertSchema) }), 400: errorResponseSchema },
      },
    },
    async (request) => ({ alerts: await analytics.spikes.list(request.query) }),
  );

  app.post(
    '/api/v1/reports/alerts/:id/acknowledge',
    {
      onRequest: requireAgent(auth, 'alerts:manage'),
      schema: {
        tags,
        summary: 'Mark an alert as seen and handled',
        security: bearerSecurity,
        params: idParamSchema,
        querystring: z.object({ locale: localeSchema }).strict(),
        response: {
          200: z.object({ alert: spikeAlertSchema }),
          403: errorResponseSchema,
          404: errorResponseSchema,
        },
      },
    },
    async (request) => ({
      alert: await analytics.spikes.acknowledge(request.params.id, agentOf(request).id, request.query.locale),
    }),
  );
};
