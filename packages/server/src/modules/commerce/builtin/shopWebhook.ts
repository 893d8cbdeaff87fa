import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { UnitOfWork } from '../../../events/outbox';
import { orderImportRow, shipmentImportRow } from './shopDataRows';
import { ShopRowError, upsertOrder, upsertShipment } from './shopDataUpserts';
import * as shopRepo from './shopRepo';

const webhookBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order.updated'), order: orderImportRow }),
  z.object({ type: z.literal('shipment.updated'), shipment: shipmentImportRow }),
]);

export type ShopWebhookResult =
  { ok: true; type: string } | { ok: false; status: 400 | 401 | 422; message: string };

/**
 * `X-Kefu-Signature: sha256=<hex>` is HMAC-SHA256 over the exact raw body with the shared secret; the
 * comparison is constant-time so the signature cannot be guessed byte by byte.
 */
export function verifyShopWebhookSignature(
  rawBody: Buffer,
  header: string | undefined,
  secret: string,
): boolean {
  const received = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')?.[1];
  if (!received) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(received, 'hex'));
}

/** Applies an order or shipment update pushed by the shop system and publishes it (after commit). */
export async function applyShopWebhook(unitOfWork: UnitOfWork, rawBody: Buffer): Promise<ShopWebhookResult> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { ok: false, status: 400, message: 'The body is not valid JSON' };
  }
  const parsed = webhookBody.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      status: 400,
      message: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid body',
    };
  }
  const body = parsed.data;
  try {
    await unitOfWork.run(async (context) => {
      if (body.type === 'order.updated') {
        const previousStatus = await upsertOrder(context.trx, body.order, context.now);
        if (previousStatus !== body.order.status)
          await context.emit('commerce.order_updated', {
            orderNumber: body.order.order_number,
            shopCustomerId: body.order.customer_id,
            status: body.order.status,
            previousStatus,
          });
        return;
      }
      const { previousStatus, carrierNameZh, carrierNameEn } = await upsertShipment(
        context.trx,
        body.shipment,
      );
      const order = await shopRepo.findOrderByNumber(context.trx, body.shipment.order_number);
      if (order && previousStatus !== body.shipment.status)
        await context.emit('commerce.shipment_updated', {
          orderNumber: order.order_number,
          shopCustomerId: order.shop_customer_id,
          trackingNumber: body.shipment.tracking_number,
          carrierName: carrierNameZh,
          carrierNameEn,
          status: body.shipment.status,
          previousStatus,
        });
    });
  } catch (error) {
    if (error instanceof ShopRowError) return { ok: false, status: 422, message: error.message };
    throw error;
  }
  return { ok: true, type: body.type };
}
