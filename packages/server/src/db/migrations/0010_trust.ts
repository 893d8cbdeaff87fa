import type { Kysely } from 'kysely';

// Trust boundaries (issue 12):
// - webhook deliveries already received, so a replayed delivery id changes nothing;
// - the shop's own time of the order and shipment state Kefu holds, so an older update never overwrites a newer;
// - the team a conversation was transferred to, which limits which agents see it while nobody holds it;
// - failed sign-ins per account, for the growing lock-out.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('delivery_id', 'text', (column) => column.notNull())
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addPrimaryKeyConstraint('webhook_deliveries_pk', ['source', 'delivery_id'])
    .execute();
  await db.schema
    .createIndex('webhook_deliveries_received')
    .on('webhook_deliveries')
    .column('received_at')
    .execute();
  await db.schema.alterTable('orders').addColumn('shop_updated_at', 'text').execute();
  await db.schema.alterTable('shipments').addColumn('shop_updated_at', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('team_id', 'text').execute();
  await db.schema
    .createTable('login_lockouts')
    .addColumn('account_key', 'text', (column) => column.primaryKey())
    .addColumn('failures', 'integer', (column) => column.notNull())
    .addColumn('lockouts', 'integer', (column) => column.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('last_failure_at', 'text', (column) => column.notNull())
    .execute();
}
