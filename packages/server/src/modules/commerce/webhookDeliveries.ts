import type { DbExecutor } from '../../db/database';

/** Delivery ids are kept this long; anything older is refused as stale long before it could be replayed. */
const keepDeliveryIdsMs = 24 * 60 * 60 * 1000;

/**
 * Records a webhook delivery id inside the transaction that applies it; false when it was received before (a
 * replay or a retry of a delivery that was applied). Concurrent twins wait on the key: exactly one records it.
 */
export async function recordWebhookDelivery(
  db: DbExecutor,
  source: string,
  deliveryId: string,
  now: Date,
): Promise<boolean> {
  await db
    .deleteFrom('webhook_deliveries')
    .where('received_at', '<', new Date(now.getTime() - keepDeliveryIdsMs).toISOString())
    .execute();
  const inserted = await db
    .insertInto('webhook_deliveries')
    .values({ source, delivery_id: deliveryId, received_at: now.toISOString() })
    .onConflict((conflict) => conflict.columns(['source', 'delivery_id']).doNothing())
    .returning('delivery_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
