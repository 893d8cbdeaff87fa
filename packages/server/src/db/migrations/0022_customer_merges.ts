import type { Kysely } from 'kysely';

// One shopper across channels: each message records the channel it came on or went out on (a conversation may
// continue on another channel), and a merge of two customers is recorded with what it moved, so it can be undone.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('messages').addColumn('channel', 'text').execute();
  await db.schema
    .createTable('customer_merges')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('surviving_customer_id', 'text', (column) => column.notNull())
    .addColumn('merged_customer_id', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('key_kind', 'text')
    .addColumn('moved_identity_ids', 'text', (column) => column.notNull())
    .addColumn('moved_conversation_ids', 'text', (column) => column.notNull())
    .addColumn('copied_fields', 'text', (column) => column.notNull())
    .addColumn('merged_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema
    .createIndex('customer_merges_surviving')
    .on('customer_merges')
    .columns(['surviving_customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_merges_merged')
    .on('customer_merges')
    .columns(['merged_customer_id'])
    .execute();
}
