import type { Kysely } from 'kysely';

// Rich messages (a product or order card beside the text), photos shoppers upload, and the index the
// opening screen's "most asked" suggestions read (customer messages of the last 30 days).
export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON of a MessageCard, or null: the text stays the complete answer for channels without cards.
  await db.schema.alterTable('messages').addColumn('card', 'text').execute();
  await db.schema
    .createIndex('messages_sender_created')
    .on('messages')
    .columns(['sender', 'created_at'])
    .execute();

  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull().references('customers.id'))
    // Set when the photo is sent with a message; an upload belongs to at most one message.
    .addColumn('conversation_id', 'text', (column) => column.references('conversations.id'))
    .addColumn('message_id', 'text')
    .addColumn('content_type', 'text', (column) => column.notNull())
    .addColumn('size_bytes', 'integer', (column) => column.notNull())
    // A random name under the data directory's uploads folder; never derived from shopper input.
    .addColumn('storage_name', 'text', (column) => column.notNull().unique())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('uploads_customer').on('uploads').column('customer_id').execute();
}
