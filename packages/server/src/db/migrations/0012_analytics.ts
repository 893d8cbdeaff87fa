import type { Kysely } from 'kysely';

// Reports read one row per conversation with its metrics already worked out (a read model the analytics
// module keeps up to date from the conversation records), so a dashboard aggregates thousands of rows instead
// of scanning millions of messages. Times are whole minutes since the epoch (UTC) so that buckets in any time
// zone are integer arithmetic on both SQLite and PostgreSQL.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_conversations')
    .addColumn('conversation_id', 'text', (column) => column.primaryKey())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('channel', 'text', (column) => column.notNull())
    .addColumn('locale', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('category', 'text', (column) => column.notNull())
    .addColumn('intent', 'text')
    .addColumn('product_id', 'text')
    .addColumn('issue_reason', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_minute', 'integer', (column) => column.notNull())
    .addColumn('customer_messages', 'integer', (column) => column.notNull())
    .addColumn('bot_messages', 'integer', (column) => column.notNull())
    .addColumn('agent_messages', 'integer', (column) => column.notNull())
    .addColumn('bot_contained', 'integer', (column) => column.notNull())
    .addColumn('handed_off', 'integer', (column) => column.notNull())
    .addColumn('handoff_reason', 'text')
    .addColumn('human_start_minute', 'integer')
    .addColumn('resolved_minute', 'integer')
    .addColumn('first_response_seconds', 'integer')
    .addColumn('handling_seconds', 'integer')
    .addColumn('resolution_seconds', 'integer')
    .addColumn('csat_requested', 'integer', (column) => column.notNull())
    .addColumn('csat_rating', 'integer')
    .addColumn('qa_score', 'real')
    .addColumn('last_sentiment', 'text')
    .addColumn('refreshed_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('analytics_conversations_created')
    .on('analytics_conversations')
    .column('created_minute')
    .execute();
  await db.schema
    .createIndex('analytics_conversations_agent_created')
    .on('analytics_conversations')
    .columns(['agent_id', 'created_minute'])
    .execute();
  await db.schema
    .createIndex('analytics_conversations_customer_created')
    .on('analytics_conversations')
    .columns(['customer_id', 'created_minute'])
    .execute();
  await db.schema
    .createIndex('analytics_conversations_human_start')
    .on('analytics_conversations')
    .column('human_start_minute')
    .execute();

  // Keywords and product keywords of a conversation, for spotting topics that surge.
  await db.schema
    .createTable('analytics_conversation_topics')
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('created_minute', 'integer', (column) => column.notNull())
    .addPrimaryKeyConstraint('analytics_conversation_topics_pk', ['conversation_id', 'kind', 'topic'])
    .execute();
  await db.schema
    .createIndex('analytics_conversation_topics_created')
    .on('analytics_conversation_topics')
    .columns(['created_minute', 'kind'])
    .execute();

  await db.schema
    .createTable('analytics_state')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  // The read model is refreshed from conversations changed since the last refresh, and ratings given since.
  await db.schema.createIndex('conversations_updated_at').on('conversations').column('updated_at').execute();
  await db.schema.createIndex('csat_surveys_responded').on('csat_surveys').column('responded_at').execute();
}
