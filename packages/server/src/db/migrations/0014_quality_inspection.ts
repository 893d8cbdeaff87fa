import type { Kysely } from 'kysely';

// Automatic quality inspection: the rule sets (weights, limits, wording), one inspection per conversation with
// its score and the rules it was scored by, the flagged moments supervisors confirm or dismiss, and coaching notes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_rule_sets')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('rules', 'text', (column) => column.notNull())
    .addColumn('is_active', 'integer', (column) => column.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();

  await db.schema
    .createTable('qa_inspections')
    .addColumn('conversation_id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text')
    .addColumn('rule_set_id', 'text', (column) => column.notNull())
    .addColumn('rules', 'text', (column) => column.notNull())
    .addColumn('score', 'real', (column) => column.notNull())
    .addColumn('resolved_at', 'text', (column) => column.notNull())
    .addColumn('inspected_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('qa_inspections_resolved')
    .on('qa_inspections')
    .columns(['resolved_at', 'agent_id'])
    .execute();
  await db.schema.createIndex('qa_inspections_updated').on('qa_inspections').column('updated_at').execute();

  await db.schema
    .createTable('qa_flags')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('rule', 'text', (column) => column.notNull())
    .addColumn('message_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('detail', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.createIndex('qa_flags_conversation').on('qa_flags').column('conversation_id').execute();
  await db.schema.createIndex('qa_flags_status').on('qa_flags').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('qa_coaching_notes')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('agent_id', 'text', (column) => column.notNull())
    .addColumn('conversation_id', 'text')
    .addColumn('author_id', 'text', (column) => column.notNull())
    .addColumn('text', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('qa_coaching_notes_agent')
    .on('qa_coaching_notes')
    .columns(['agent_id', 'created_at'])
    .execute();
}
