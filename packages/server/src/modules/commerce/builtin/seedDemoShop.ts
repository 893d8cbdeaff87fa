import type { Db, DbTransaction } from '../../../db/database';
import { newId } from '../../../ids';
import type { MaterializedOrder } from './demo';
import { demoCustomers, demoProducts, materializeDemoOrders } from './demo';

/**
 * Fills the builtin shop with the demo catalogue, customers and orders on first start, so every feature
 * has real data to work on. Runs once: an install with any product keeps its own data.
 */
export async function seedDemoShopIfEmpty(db: Db, now: Date): Promise<boolean> {
  const existing = await db.selectFrom('products').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    await insertProducts(trx, now);
    await insertCustomers(trx, now);
    for (const order of materializeDemoOrders(now)) await insertOrder(trx, order);
  });
  return true;
}

async function insertProducts(trx: DbTransaction, now: Date): Promise<void> {
  for (const product of demoProducts) {
    await trx
      .insertInto('products')
      .values({
        id: product.id,
        sku: product.sku,
        brand: product.brand,
        category: product.category,
        name_zh: product.nameZh,
        name_en: product.nameEn,
        description_zh: product.descriptionZh,
        description_en: product.descriptionEn,
        price_cents: product.priceCents,
        stock: product.stock,
        image_emoji: product.imageEmoji,
        return_policy: product.returnPolicy,
        warranty_months: product.warrantyMonths,
        ships_within_hours: product.shipsWithinHours ?? null,
        attributes: JSON.stringify(product.attributes),
        variants: JSON.stringify(product.variants),
        tags: JSON.stringify(product.tags),
        updated_at: now.toISOString(),
      })
      .execute();
  }
}

/** Shop customers, each also a Kefu customer known through the `shop` identity, with the shop's VIP tier. */
async function insertCustomers(trx: DbTransaction, now: Date): Promise<void> {
  for (const customer of demoCustomers) {
    const registeredAt = new Date(now.getTime() - customer.registeredDaysAgo * 86_400_000).toISOString();
    await trx
      .insertInto('shop_customers')
      .values({
        id: customer.id,
        name: customer.name,
        phone: customer.phone,
        email: customer.email,
        locale: customer.locale,
        vip_tier: customer.vipTier,
        points: customer.points,
        addresses: JSON.stringify(customer.addresses),
        tags: JSON.stringify(customer.tags),
        registered_at: registeredAt,
      })
      .execute();
    const kefuCustomerId = newId('cus');
    await trx
      .insertInto('customers')
      .values({
        id: kefuCustomerId,
        display_name: customer.name,
        email: customer.email,
        phone: customer.phone,
        locale: customer.locale,
        vip_tier: customer.vipTier,
        tags: JSON.stringify(customer.tags),
        shop_customer_id: customer.id,
        created_at: registeredAt,
        updated_at: registeredAt,
      })
      .execute();
    await trx
      .insertInto('customer_identities')
      .values({
        id: newId('cid'),
        customer_id: kefuCustomerId,
        channel: 'shop',
        external_id: customer.id,
        created_at: registeredAt,
        last_seen_at: registeredAt,
      })
      .execute();
  }
}

async function insertOrder(trx: DbTransaction, order: MaterializedOrder): Promise<void> {
  await trx
    .insertInto('orders')
    .values({
      id: order.id,
      order_number: order.orderNumber,
      shop_customer_id: order.customerId,
      status: order.status,
      items: JSON.stringify(order.items),
      subtotal_cents: order.subtotalCents,
      shipping_cents: order.shippingCents,
      discount_cents: order.discountCents,
      total_cents: order.totalCents,
      payment_method: order.paymentMethod ?? null,
      shipping_address: JSON.stringify(order.shippingAddress),
      invoice: order.invoice ? JSON.stringify(order.invoice) : null,
      coupon_code: order.couponCode ?? null,
      buyer_note: order.buyerNote ?? null,
      details: JSON.stringify({
        scenario: order.scenario ?? null,
        cancellationReasonZh: order.cancellationReasonZh ?? null,
        cancellationReasonEn: order.cancellationReasonEn ?? null,
      }),
      placed_at: order.placedAt,
      payment_deadline_at: order.paymentDeadlineAt ?? null,
      paid_at: order.paidAt ?? null,
      shipped_at: order.shipment?.shippedAt ?? null,
      delivered_at: order.shipment?.deliveredAt ?? null,
      cancelled_at: order.cancelledAt ?? null,
      updated_at: order.updatedAt,
    })
    .execute();
  if (order.shipment) {
    const shipment = order.shipment;
    await trx
      .insertInto('shipments')
      .values({
        id: shipment.id,
        order_id: order.id,
        carrier_code: shipment.carrierCode,
        carrier_name_zh: shipment.carrierNameZh,
        carrier_name_en: shipment.carrierNameEn,
        tracking_number: shipment.trackingNumber,
        status: shipment.status,
        events: JSON.stringify(shipment.events),
        shipped_at: shipment.shippedAt,
        estimated_delivery_at: shipment.estimatedDeliveryAt,
        delivered_at: shipment.deliveredAt ?? null,
      })
      .execute();
  }
  if (order.returnRecord) {
    const record = order.returnRecord;
    const { id, returnNumber, status, reasonCode, items, requestedAt, updatedAt, ...details } = record;
    await trx
      .insertInto('returns')
      .values({
        id,
        order_id: order.id,
        return_number: returnNumber,
        status,
        reason_code: reasonCode,
        items: JSON.stringify(items),
        details: JSON.stringify(details),
        created_at: requestedAt,
        updated_at: updatedAt,
      })
      .execute();
  }
  if (order.refund) {
    const { id, amountCents, method, status, returnId, requestedAt, updatedAt, ...details } = order.refund;
    await trx
      .insertInto('refunds')
      .values({
        id,
        order_id: order.id,
        amount_cents: amountCents,
        method,
        status,
        return_id: returnId ?? null,
        details: JSON.stringify(details),
        created_at: requestedAt,
        updated_at: updatedAt,
      })
      .execute();
  }
}
