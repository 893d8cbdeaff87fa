import type { Db } from '../../../db/database';
import { demoProducts, materializeDemoOrders } from './demo';

/** Products and orders of the builtin shop that are the merchant's own (imported), not the demo seed. */
export async function countOwnShopRecords(db: Db, now: Date): Promise<{ products: number; orders: number }> {
  const demoProductIds = demoProducts.map((product) => product.id);
  const demoOrderNumbers = materializeDemoOrders(now).map((order) => order.orderNumber);
  const products = await db
    .selectFrom('products')
    .select((expression) => expression.fn.countAll<string | number>().as('count'))
    .where('id', 'not in', demoProductIds)
    .executeTakeFirstOrThrow();
  const orders = await db
    .selectFrom('orders')
    .select((expression) => expression.fn.countAll<string | number>().as('count'))
    .where('order_number', 'not in', demoOrderNumbers)
    .executeTakeFirstOrThrow();
  return { products: Number(products.count), orders: Number(orders.count) };
}
