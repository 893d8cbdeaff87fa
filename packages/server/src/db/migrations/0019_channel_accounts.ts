import type { Kysely } from 'kysely';

// Channel accounts configured from the console (a WeChat Official Account, a WeChat customer-service
// account): settings in clear, credentials sealed with the server's secret, and the cursor of platforms
// whose messages are pulled (WeCom kf `sync_msg`).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('channel_accounts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('settings', 'text', (column) => column.notNull())
    .addColumn('credentials', 'text', (column) => column.notNull())
    .addColumn('enabled', 'integer', (column) => column.notNull())
    .addColumn('sync_cursor', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('channel_accounts_kind').on('channel_accounts').columns(['kind']).execute();
}
