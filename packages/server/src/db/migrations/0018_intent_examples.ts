import type { Kysely } from 'kysely';

// Intent training (issue 13): a merchant's own example sentences per intent, beside the shipped corpus.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intent_examples')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('intent', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('source', 'text', (column) => column.notNull())
    .addColumn('message_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('intent_examples_intent_text')
    .on('intent_examples')
    .columns(['intent', 'text'])
    .unique()
    .execute();
}
