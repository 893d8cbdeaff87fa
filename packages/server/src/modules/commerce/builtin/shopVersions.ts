import type { DbExecutor } from '../../../db/database';

// The shop's own time of each order and shipment state Kefu holds. Webhooks arrive late, twice or out of order;
// an update older than the state held changes nothing (and announces nothing). An update of the same time is
// applied: timestamps are often whole seconds, and two changes within one second must not lose the second.

export type VersionClaim = 'new' | 'newer' | 'older';

/** Takes `version` for the order unless the one held is newer (atomically, so concurrent updates agree). */
export async function claimOrderVersion(
  db: DbExecutor,
  orderNumber: string,
  version: string,
): Promise<VersionClaim> {
  const existing = await db
    .selectFrom('orders')
    .select('id')
    .where('order_number', '=', orderNumber)
    .executeTakeFirst();
  if (!existing) return 'new';
  return (await raiseOrderVersion(db, existing.id, version)) ? 'newer' : 'older';
}

/** The same for a shipment, by tracking number. */
export async function claimShipmentVersion(
  db: DbExecutor,
  trackingNumber: string,
  version: string,
): Promise<VersionClaim> {
  const existing = await db
    .selectFrom('shipments')
    .select('id')
    .where('tracking_number', '=', trackingNumber)
    .executeTakeFirst();
  if (!existing) return 'new';
  const result = await db
    .updateTable('shipments')
    .set({ shop_updated_at: version })
    .where('id', '=', existing.id)
    .where((eb) => eb.or([eb('shop_updated_at', 'is', null), eb('shop_updated_at', '<=', version)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0 ? 'newer' : 'older';
}

/** Records the version of an order the update just created. */
export async function setOrderVersion(db: DbExecutor, orderNumber: string, version: string): Promise<void> {
  await db
    .updateTable('orders')
    .set({ shop_updated_at: version })
    .where('order_number', '=', orderNumber)
    .execute();
}

/** Records the version of a shipment the update just created. */
export async function setShipmentVersion(
  db: DbExecutor,
  trackingNumber: string,
  version: string,
): Promise<void> {
  await db
    .updateTable('shipments')
    .set({ shop_updated_at: version })
    .where('tracking_number', '=', trackingNumber)
    .execute();
}

/** Raises the order's version when a shipment moved it (shipped, delivered); never lowers it. */
export async function raiseOrderVersion(db: DbExecutor, orderId: string, version: string): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ shop_updated_at: version })
    .where('id', '=', orderId)
    .where((eb) => eb.or([eb('shop_updated_at', 'is', null), eb('shop_updated_at', '<=', version)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One spelling (UTC, milliseconds) so stored versions compare as text on SQLite and PostgreSQL alike. */
export function normaliseVersion(time: string | Date): string {
  return new Date(time).toISOString();
}
