import type { Kysely } from 'kysely';

// Knowledge base: entries (FAQ or article) with versions under review, import jobs, and the questions the
// bot was asked (answered, suggested or not), which feed feedback, corrections and knowledge gaps.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('knowledge_entries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('latest_version', 'integer', (column) => column.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('knowledge_versions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('entry_id', 'text', (column) => column.notNull().references('knowledge_entries.id'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('content', 'text', (column) => column.notNull())
    .addColumn('author_id', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addUniqueConstraint('knowledge_versions_entry_version', ['entry_id', 'version'])
    .execute();
  await db.schema
    .createIndex('knowledge_versions_status')
    .on('knowledge_versions')
    .columns(['status', 'entry_id'])
    .execute();

  await db.schema
    .createTable('knowledge_import_jobs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('format', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .addColumn('submit_for_review', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('total_rows', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('processed_rows', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('imported_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('errors', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('entry_ids', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('knowledge_queries')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('message_id', 'text', (column) => column.notNull().unique())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('question', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('entry_id', 'text')
    .addColumn('score', 'real', (column) => column.notNull().defaultTo(0))
    .addColumn('candidates', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('product_id', 'text')
    .addColumn('feedback', 'text')
    .addColumn('feedback_at', 'text')
    .addColumn('correction', 'text')
    .addColumn('corrected_by', 'text')
    .addColumn('corrected_at', 'text')
    .addColumn('drafted_entry_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('knowledge_queries_conversation')
    .on('knowledge_queries')
    .columns(['conversation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('knowledge_queries_created')
    .on('knowledge_queries')
    .column('created_at')
    .execute();
}
