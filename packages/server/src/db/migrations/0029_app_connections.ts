import type { Kysely } from 'kysely';

// The open WebSockets of shoppers' apps in every process, renewed while open: whether a reply needs a push
// notification is decided from them, whichever process handles the reply.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_connections')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('connected_at', 'text', (column) => column.notNull())
    .addColumn('seen_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('app_connections_customer')
    .on('app_connections')
    .columns(['customer_id', 'seen_at'])
    .execute();
}
