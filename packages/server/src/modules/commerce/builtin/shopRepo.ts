import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { OrdersTable } from '../../../db/schema';
import type { ProductRow } from './shopRowMappers';

export type OrderRow = Selectable<OrdersTable>;

// Queries of the builtin shop tables; only the builtin connector and its import/webhook use them.

export async function findOrderByNumber(db: DbExecutor, orderNumber: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).executeTakeFirst();
}

export async function findOrderByTrackingNumber(
  db: DbExecutor,
  trackingNumber: string,
): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .innerJoin('shipments', 'shipments.order_id', 'orders.id')
    .selectAll('orders')
    .where('shipments.tracking_number', '=', trackingNumber)
    .executeTakeFirst();
}

export async function listOrdersOfCustomer(
  db: DbExecutor,
  customerId: string,
  limit: number,
): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('shop_customer_id', '=', customerId)
    .orderBy('placed_at', 'desc')
    .limit(limit)
    .execute();
}

export async function findProductsByIds(
  db: DbExecutor,
  ids: readonly string[],
): Promise<Map<string, ProductRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('products')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export async function listShipmentsOfOrder(db: DbExecutor, orderId: string) {
  return db
    .selectFrom('shipments')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('shipped_at')
    .execute();
}

export async function listReturnsOfOrder(db: DbExecutor, orderId: string) {
  return db.selectFrom('returns').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
}

export async function listRefundsOfOrder(db: DbExecutor, orderId: string) {
  return db.selectFrom('refunds').selectAll().where('order_id', '=', orderId).orderBy('created_at').execute();
}

export async function listAllProducts(db: DbExecutor): Promise<ProductRow[]> {
  return db.selectFrom('products').selectAll().orderBy('id').execute();
}

export async function findProductById(db: DbExecutor, productId: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products').selectAll().where('id', '=', productId).executeTakeFirst();
}

export async function findShopCustomer(db: DbExecutor, query: { customerId?: string; phone?: string }) {
  let select = db.selectFrom('shop_customers').selectAll();
  if (query.customerId) select = select.where('id', '=', query.customerId);
  else if (query.phone) select = select.where('phone', '=', query.phone);
  else return undefined;
  return select.executeTakeFirst();
}
