import type { Kysely } from 'kysely';

// Apps on `@kefu/sdk` register a push token for their signed-in shopper (sealed: it is personal data), and each
// message for a shopper whose app had no socket open becomes one push notification sent to the push gateway.
// Phone calls from a call-center system (or logged by an agent) are kept per customer, the caller's number
// sealed with its blind index beside it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('push_registrations')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('platform', 'text', (column) => column.notNull())
    .addColumn('token', 'text', (column) => column.notNull())
    .addColumn('token_hash', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('push_registrations_token', ['customer_id', 'token_hash'])
    .execute();
  await db.schema
    .createTable('push_notifications')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('registration_id', 'text', (column) => column.notNull())
    .addColumn('message_id', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('attempts', 'integer', (column) => column.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('push_notifications_once', ['message_id', 'registration_id'])
    .execute();
  await db.schema
    .createTable('call_records')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('webhook_id', 'text', (column) => column.unique())
    .addColumn('external_call_id', 'text')
    .addColumn('phone', 'text', (column) => column.notNull())
    .addColumn('phone_index', 'text')
    .addColumn('direction', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('duration_seconds', 'integer', (column) => column.notNull())
    .addColumn('recording_url', 'text')
    .addColumn('transcript', 'text')
    .addColumn('logged_by_agent_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('call_records_customer')
    .on('call_records')
    .columns(['customer_id', 'started_at'])
    .execute();
}
