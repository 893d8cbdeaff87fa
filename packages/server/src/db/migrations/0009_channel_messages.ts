import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// The channel seam. Inbound messages are recorded under the platform's own message id, unique per channel
// account, so a platform's retry stores nothing twice; a shopper's message waits for the bot until
// `answered_at` is set by the job that answered it; every message to a channel has a delivery record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('answered_at', 'text').execute();
  // Messages stored before this migration were answered in the request that stored them.
  await sql`update messages set answered_at = created_at where sender = 'customer'`.execute(db);

  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('account_id', 'text', (column) => column.notNull())
    .addColumn('external_message_id', 'text', (column) => column.notNull())
    // Set in the transaction that claims the row, once the sender and their conversation are known.
    .addColumn('customer_id', 'text')
    .addColumn('conversation_id', 'text')
    .addColumn('message_id', 'text')
    // The sender as the platform names them (null for the visitor API, whose token names the customer).
    .addColumn('sender_external_id', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('received_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('inbound_messages_external', ['channel', 'account_id', 'external_message_id'])
    .execute();
  await db.schema
    .createIndex('inbound_messages_conversation')
    .on('inbound_messages')
    .columns(['conversation_id', 'received_at'])
    .execute();

  await db.schema
    .createTable('message_deliveries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('message_id', 'text', (column) => column.notNull())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('account_id', 'text')
    .addColumn('recipient_external_id', 'text')
    .addColumn('idempotency_key', 'text', (column) => column.notNull().unique())
    // pending → sent | failed
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('external_id', 'text')
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('message_deliveries_conversation')
    .on('message_deliveries')
    .columns(['conversation_id', 'id'])
    .execute();
  await db.schema
    .createIndex('message_deliveries_status')
    .on('message_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute();
}
