import type { Kysely } from 'kysely';

// Proactive scenario messages (parcel shipped, out for delivery, delivered …) and the shopper's opt-out.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_preferences')
    .addColumn('customer_id', 'text', (column) => column.primaryKey().references('customers.id'))
    .addColumn('opted_out', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('scenario_notifications')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull().references('customers.id'))
    .addColumn('order_number', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    // One message per order milestone, however often the shop system repeats the update.
    .addColumn('dedupe_key', 'text', (column) => column.notNull().unique())
    .addColumn('text_zh', 'text', (column) => column.notNull())
    .addColumn('text_en', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('due_at', 'text', (column) => column.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('scenario_notifications_due')
    .on('scenario_notifications')
    .columns(['status', 'due_at'])
    .execute();
}
