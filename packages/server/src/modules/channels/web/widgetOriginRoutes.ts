import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agentOf, requireAgent } from '../../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../../http/wireSchemas';
import type { KefuServices } from '../../../services';
import { widgetOriginSchema } from './widgetOrigins';

const listingSchema = z.object({
  configured: z.union([z.literal('*'), z.array(z.string())]),
  added: z.array(z.string()),
});

/** Admins name the sites that embed the widget; the visitor API answers only those (CORS). */
export const widgetOriginRoutes: FastifyPluginAsyncZod<{ services: KefuServices }> = async (
  app,
  { services },
) => {
  const manage = requireAgent(services.auth, 'channels:manage');
  const tags = ['admin: widget'];

  app.get(
    '/api/v1/admin/widget/origins',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Sites allowed to embed the chat widget',
        security: bearerSecurity,
        response: { 200: listingSchema },
      },
    },
    async () => services.widgetOrigins.list(),
  );

  app.put(
    '/api/v1/admin/widget/origins',
    {
      onRequest: manage,
      schema: {
        tags,
        summary: 'Replace the admin-added sites allowed to embed the chat widget',
        security: bearerSecurity,
        body: z.object({ added: z.array(widgetOriginSchema).max(100) }).strict(),
        response: { 200: listingSchema, 400: errorResponseSchema },
      },
    },
    async (request) => services.widgetOrigins.setAdded(request.body.added, agentOf(request).id),
  );
};
