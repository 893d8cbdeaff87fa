import type { Kysely } from 'kysely';

// Indexes the report queries asked for once measured over a million messages (`npm run bench`): the backlog
// reads conversations by status and by resolution time, and the top questions group the question log by text
// within a period (covered, so the grouping never visits the rows).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('analytics_conversations_status')
    .on('analytics_conversations')
    .column('status')
    .execute();
  await db.schema
    .createIndex('analytics_conversations_resolved')
    .on('analytics_conversations')
    .column('resolved_minute')
    .execute();
  await db.schema
    .createIndex('knowledge_queries_created_question')
    .on('knowledge_queries')
    .columns(['created_at', 'question', 'outcome'])
    .execute();
}
