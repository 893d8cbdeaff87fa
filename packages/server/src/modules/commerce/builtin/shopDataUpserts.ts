import { z } from 'zod';
import type { DbExecutor } from '../../../db/database';
import { parseJsonColumn } from '../../../db/json';
import { newId } from '../../../ids';
import { trackingEventSchema } from './shopRowMappers';
import type { OrderImportRow, ProductImportRow, ShipmentImportRow } from './shopDataRows';
import * as shopRepo from './shopRepo';

export class ShopRowError extends Error {}

/** Inserts or replaces a product by id (a SKU owned by another product is refused by the unique index). */
export async function upsertProduct(db: DbExecutor, row: ProductImportRow, now: Date): Promise<void> {
  const values = {
    sku: row.sku,
    brand: row.brand,
    category: row.category,
    name_zh: row.name_zh,
    name_en: row.name_en,
    description_zh: row.description_zh,
    description_en: row.description_en,
    price_cents: row.price_cents,
    stock: row.stock,
    return_policy: row.return_policy,
    warranty_months: row.warranty_months,
    ships_within_hours: row.ships_within_hours ?? null,
    tags: JSON.stringify(row.tags),
    updated_at: now.toISOString(),
  };
  const existing = await shopRepo.findProductById(db, row.id);
  if (existing) await db.updateTable('products').set(values).where('id', '=', row.id).execute();
  else
    await db
      .insertInto('products')
      .values({ id: row.id, ...values, image_emoji: '📦', attributes: '[]', variants: '[]' })
      .execute();
}

/** Inserts or updates an order by number; returns the status it had before (null when new). */
export async function upsertOrder(db: DbExecutor, row: OrderImportRow, now: Date): Promise<string | null> {
  await ensureShopCustomer(db, row, now);
  const items = await priceItems(db, row.items);
  const subtotal = items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
  const address = {
    recipient: row.recipient,
    phone: row.phone,
    province: row.province,
    city: row.city,
    district: row.district,
    line: row.address_line,
  };
  const values = {
    shop_customer_id: row.customer_id,
    status: row.status,
    items: JSON.stringify(items),
    subtotal_cents: subtotal,
    total_cents: subtotal,
    payment_method: row.payment_method ?? null,
    shipping_address: JSON.stringify(address),
    placed_at: row.placed_at,
    paid_at: row.paid_at ?? null,
    shipped_at: row.shipped_at ?? null,
    delivered_at: row.delivered_at ?? null,
    cancelled_at: row.cancelled_at ?? null,
    updated_at: now.toISOString(),
  };
  const existing = await shopRepo.findOrderByNumber(db, row.order_number);
  if (existing) {
    await db.updateTable('orders').set(values).where('id', '=', existing.id).execute();
    return existing.status;
  }
  await db
    .insertInto('orders')
    .values({
      id: newId('ord'),
      order_number: row.order_number,
      shipping_cents: 0,
      discount_cents: 0,
      invoice: null,
      coupon_code: null,
      buyer_note: null,
      payment_deadline_at: null,
      details: '{}',
      ...values,
    })
    .execute();
  return null;
}

/** Inserts or updates a shipment by tracking number, appending its latest event; returns the previous status. */
export async function upsertShipment(
  db: DbExecutor,
  row: ShipmentImportRow,
): Promise<{
  previousStatus: string | null;
  orderStatus: string;
  carrierNameZh: string;
  carrierNameEn: string;
}> {
  const order = await shopRepo.findOrderByNumber(db, row.order_number);
  if (!order) throw new ShopRowError(`order ${row.order_number} does not exist`);
  const existing = await db
    .selectFrom('shipments')
    .selectAll()
    .where('tracking_number', '=', row.tracking_number)
    .executeTakeFirst();
  if (existing && existing.order_id !== order.id)
    throw new ShopRowError(`tracking number ${row.tracking_number} belongs to another order`);
  const events = existing ? parseJsonColumn(existing.events, z.array(trackingEventSchema.loose())) : [];
  if (row.event_at && !events.some((event) => event.at === row.event_at && event.statusCode === row.status))
    events.push({
      statusCode: row.status,
      descriptionZh: row.event_description_zh ?? row.event_description_en ?? row.status,
      descriptionEn: row.event_description_en ?? row.event_description_zh ?? row.status,
      location: row.event_location ?? '',
      at: row.event_at,
    });
  const values = {
    carrier_code: row.carrier_code,
    carrier_name_zh: row.carrier_name_zh ?? existing?.carrier_name_zh ?? row.carrier_code,
    carrier_name_en: row.carrier_name_en ?? existing?.carrier_name_en ?? row.carrier_code,
    status: row.status,
    events: JSON.stringify(events),
    shipped_at: row.shipped_at,
    estimated_delivery_at: row.estimated_delivery_at ?? null,
    delivered_at: row.delivered_at ?? null,
  };
  if (existing) await db.updateTable('shipments').set(values).where('id', '=', existing.id).execute();
  else
    await db
      .insertInto('shipments')
      .values({ id: newId('shp'), order_id: order.id, tracking_number: row.tracking_number, ...values })
      .execute();
  const orderStatus = nextOrderStatus(order.status, row.status);
  if (orderStatus !== order.status || (row.status === 'delivered' && !order.delivered_at))
    await db
      .updateTable('orders')
      .set({
        status: orderStatus,
        shipped_at: order.shipped_at ?? row.shipped_at,
        delivered_at: row.delivered_at ?? order.delivered_at,
        updated_at: row.event_at ?? row.shipped_at,
      })
      .where('id', '=', order.id)
      .execute();
  return {
    previousStatus: existing?.status ?? null,
    orderStatus,
    carrierNameZh: values.carrier_name_zh,
    carrierNameEn: values.carrier_name_en,
  };
}

function nextOrderStatus(current: string, shipmentStatus: string): string {
  if (current !== 'paid' && current !== 'shipped') return current;
  return shipmentStatus === 'delivered' ? 'delivered' : 'shipped';
}

async function priceItems(db: DbExecutor, specs: readonly string[]) {
  const items = [];
  for (const spec of specs) {
    const [sku = '', quantityText = '1'] = spec.split('*');
    const product = await findProductBySku(db, sku.trim());
    if (!product) throw new ShopRowError(`unknown SKU ${sku}`);
    items.push({
      productId: product.id,
      sku: sku.trim(),
      quantity: Number(quantityText),
      unitPriceCents: product.price_cents,
      titleZh: product.name_zh,
      titleEn: product.name_en,
    });
  }
  return items;
}

/** Order lines may name a variant SKU (KF-PH-001-BLU) of a product (KF-PH-001). */
async function findProductBySku(db: DbExecutor, sku: string) {
  const exact = await db.selectFrom('products').selectAll().where('sku', '=', sku).executeTakeFirst();
  if (exact) return exact;
  const products = await db.selectFrom('products').selectAll().execute();
  return products.find((product) => sku.startsWith(`${product.sku}-`));
}

async function ensureShopCustomer(db: DbExecutor, row: OrderImportRow, now: Date): Promise<void> {
  if (await shopRepo.findShopCustomer(db, { customerId: row.customer_id })) return;
  await db
    .insertInto('shop_customers')
    .values({
      id: row.customer_id,
      name: row.recipient,
      phone: row.phone,
      email: '',
      locale: 'zh-CN',
      vip_tier: 'none',
      points: 0,
      addresses: '[]',
      tags: '[]',
      registered_at: now.toISOString(),
    })
    .execute();
}
