import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema } from '../../http/wireSchemas';
import type { KefuServices } from '../../services';
import { allowAnyone } from '../../http/routeAccess';

const shopProductSchema = z.object({
  id: z.string(),
  sku: z.string(),
  brand: z.string(),
  category: z.string(),
  name: z.string(),
  description: z.string(),
  priceCents: z.number(),
  currency: z.literal('CNY'),
  stock: z.number(),
  imageEmoji: z.string(),
  attributes: z.array(z.object({ key: z.string(), label: z.string(), value: z.string() })),
});
const localeQuerySchema = z.object({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();

/** Public catalogue read by the storefront (the demo page) — no personal data here. */
export const shopRoutes: FastifyPluginAsyncZod<{ services: Pick<KefuServices, 'catalog'> }> = async (
  app,
  { services },
) => {
  app.addHook('onRequest', allowAnyone('the public catalogue a storefront shows'));
  const tags = ['shop'];
  app.get(
    '/api/v1/shop/products',
    {
      schema: {
        tags,
        summary: 'Products of the shop',
        querystring: localeQuerySchema,
        response: { 200: z.object({ products: z.array(shopProductSchema) }) },
      },
    },
    async (request) => ({ products: await services.catalog.listProducts(request.query.locale) }),
  );
  app.get(
    '/api/v1/shop/products/:id',
    {
      schema: {
        tags,
        summary: 'One product',
        params: z.object({ id: z.string().min(1).max(64) }).strict(),
        querystring: localeQuerySchema,
        response: { 200: z.object({ product: shopProductSchema }), 404: errorResponseSchema },
      },
    },
    async (request) => ({
      product: await services.catalog.getProduct(request.params.id, request.query.locale),
    }),
  );
};
