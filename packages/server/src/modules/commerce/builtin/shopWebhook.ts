import { z } from 'zod';
import type { UnitOfWork, UnitOfWorkContext } from '../../../events/outbox';
import type { SignedDelivery } from '../webhookSignature';
import { recordWebhookDelivery } from '../webhookDeliveries';
import { orderImportRow, shipmentImportRow } from './shopDataRows';
import type { OrderImportRow, ShipmentImportRow } from './shopDataRows';
import { ShopRowError, upsertOrder, upsertShipment } from './shopDataUpserts';
import * as shopRepo from './shopRepo';
import {
  claimOrderVersion,
  claimShipmentVersion,
  normaliseVersion,
  raiseOrderVersion,
  setOrderVersion,
  setShipmentVersion,
} from './shopVersions';

const webhookBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order.updated'), order: orderImportRow }),
  z.object({ type: z.literal('shipment.updated'), shipment: shipmentImportRow }),
]);

export type ShopWebhookResult =
  { ok: true; type: string; applied: boolean } | { ok: false; status: 400 | 409 | 422; message: string };

/**
 * Applies an order or shipment update pushed by the shop system and publishes it (after commit), once per
 * delivery id and only when it is not older than the state held: `applied: false` for an older state.
 */
export async function applyShopWebhook(
  unitOfWork: UnitOfWork,
  rawBody: Buffer,
  delivery: SignedDelivery,
): Promise<ShopWebhookResult> {
  const json = parseJson(rawBody);
  if (json === undefined) return { ok: false, status: 400, message: 'The body is not valid JSON' };
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
    return await unitOfWork.run(async (context) => {
      if (!(await recordWebhookDelivery(context.trx, 'commerce', delivery.id, context.now)))
        return { ok: false, status: 409, message: `Delivery ${delivery.id} was already received` };
      const applied =
        body.type === 'order.updated'
          ? await applyOrderUpdate(context, body.order, delivery)
          : await applyShipmentUpdate(context, body.shipment, delivery);
      return { ok: true, type: body.type, applied };
    });
  } catch (error) {
    if (error instanceof ShopRowError) return { ok: false, status: 422, message: error.message };
    throw error;
  }
}

async function applyOrderUpdate(
  context: UnitOfWorkContext,
  order: OrderImportRow,
  delivery: SignedDelivery,
): Promise<boolean> {
  const version = normaliseVersion(order.updated_at ?? delivery.signedAt);
  const claim = await claimOrderVersion(context.trx, order.order_number, version);
  if (claim === 'older') return false;
  const previousStatus = await upsertOrder(context.trx, order, context.now);
  if (claim === 'new') await setOrderVersion(context.trx, order.order_number, version);
  if (previousStatus !== order.status)
    await context.emit('commerce.order_updated', {
      orderNumber: order.order_number,
      shopCustomerId: order.customer_id,
      status: order.status,
      previousStatus,
    });
  return true;
}

async function applyShipmentUpdate(
  context: UnitOfWorkContext,
  shipment: ShipmentImportRow,
  delivery: SignedDelivery,
): Promise<boolean> {
  const version = normaliseVersion(shipment.updated_at ?? shipment.event_at ?? delivery.signedAt);
  const claim = await claimShipmentVersion(context.trx, shipment.tracking_number, version);
  if (claim === 'older') return false;
  const orderBefore = await shopRepo.findOrderByNumber(context.trx, shipment.order_number);
  const { previousStatus, orderStatus, carrierNameZh, carrierNameEn } = await upsertShipment(
    context.trx,
    shipment,
  );
  if (claim === 'new') await setShipmentVersion(context.trx, shipment.tracking_number, version);
  // The shipment moved the order on (shipped, delivered): an older order update must not move it back.
  if (orderBefore && orderBefore.status !== orderStatus)
    await raiseOrderVersion(context.trx, orderBefore.id, version);
  if (orderBefore && previousStatus !== shipment.status)
    await context.emit('commerce.shipment_updated', {
      orderNumber: orderBefore.order_number,
      shopCustomerId: orderBefore.shop_customer_id,
      trackingNumber: shipment.tracking_number,
      carrierName: carrierNameZh,
      carrierNameEn,
      status: shipment.status,
      previousStatus,
    });
  return true;
}

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}
