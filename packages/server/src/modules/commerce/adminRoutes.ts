import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAgent } from '../../http/authenticate';
import { bearerSecurity, errorResponseSchema } from '../../http/wireSchemas';
import { KefuError } from '../../errors';
import type { KefuServices } from '../../services';
import { importShopData } from './builtin/importShopData';
import { ShopRowError } from './builtin/shopDataUpserts';

const importBodySchema = z
  .object({
    kind: z.enum(['products', 'orders', 'shipments']),
    format: z.enum(['csv', 'json']),
    data: z
      .string()
      .min(1)
      .max(5 * 1024 * 1024),
  })
  .strict();

const importReportSchema = z.object({
  imported: z.number(),
  failed: z.number(),
  errors: z.array(z.object({ row: z.number(), message: z.string() })),
});

/** Admin import of products, orders and shipments into the builtin shop, with a per-row error report. */
export const commerceAdminRoutes: FastifyPluginAsyncZod<{
  services: Pick<KefuServices, 'auth' | 'clock' | 'commerce' | 'database'>;
}> = async (app, { services }) => {
  app.post(
    '/api/v1/admin/commerce/imports',
    {
      bodyLimit: 6 * 1024 * 1024,
      onRequest: requireAgent(services.auth, 'commerce:manage'),
      schema: {
        tags: ['admin: commerce'],
        summary: 'Import products, orders or shipments (CSV or JSON); bad rows are reported and skipped',
        description:
          'products: id, sku, brand, category, name_zh, name_en, description_zh, description_en, price_cents, stock, return_policy, warranty_months, ships_within_hours (optional), tags. orders: order_number, customer_id, status, items (SKU*qty;…), placed_at, paid_at, shipped_at, delivered_at, cancelled_at, recipient, phone, province, city, district, address_line, payment_method. shipments: order_number, carrier_code, carrier_name_zh, carrier_name_en, tracking_number, status, shipped_at, estimated_delivery_at, delivered_at, event_description_zh, event_description_en, event_location, event_at. JSON: an array of such rows.',
        security: bearerSecurity,
        body: importBodySchema,
        response: {
          200: importReportSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          403: errorResponseSchema,
          409: errorResponseSchema,
        },
      },
    },
    async (request) => {
      if (services.commerce.connector.kind !== 'builtin') throw new KefuError('commerce_import_unavailable');
      try {
        return await importShopData(services.database.db, request.body, services.clock.now());
      } catch (error) {
        if (error instanceof ShopRowError) throw new KefuError('validation_failed', error.message);
        throw error;
      }
    },
  );
};
