import type { Kysely } from 'kysely';

// Outbound webhooks to a shop's CRM or ERP: subscriptions an admin sets up in the console (signing secret
// sealed) and one delivery row per (subscription, event), unique, so an event is delivered once however many
// processes fan it out.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('url', 'text', (column) => column.notNull())
    .addColumn('events', 'text', (column) => column.notNull())
    .addColumn('secret', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('allow_private_network', 'integer', (column) => column.notNull())
    .addColumn('failed_in_a_row', 'integer', (column) => column.notNull())
    .addColumn('paused_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createTable('webhook_subscription_deliveries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('subscription_id', 'text', (column) => column.notNull())
    .addColumn('event_id', 'text', (column) => column.notNull())
    .addColumn('event_type', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('attempts_before_redelivery', 'integer', (column) => column.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('latency_ms', 'integer')
    .addColumn('response_excerpt', 'text')
    .addColumn('error', 'text')
    .addColumn('next_attempt_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_attempt_at', 'text')
    .execute();
  await db.schema
    .createIndex('webhook_subscription_deliveries_event')
    .on('webhook_subscription_deliveries')
    .columns(['subscription_id', 'event_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('webhook_subscription_deliveries_log')
    .on('webhook_subscription_deliveries')
    .columns(['subscription_id', 'created_at'])
    .execute();
}
