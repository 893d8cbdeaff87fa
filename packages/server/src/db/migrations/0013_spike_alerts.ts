import type { Kysely } from 'kysely';

// Alerts on topics whose volume surges against their own baseline, or that appear for the first time. One row per
// alert; a topic detected again within the cool-down updates its row instead of raising a new alert.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_alerts')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('topic_kind', 'text', (column) => column.notNull())
    .addColumn('topic', 'text', (column) => column.notNull())
    .addColumn('related_topics', 'text', (column) => column.notNull().defaultTo('[]'))
    .addColumn('window_start', 'text', (column) => column.notNull())
    .addColumn('window_end', 'text', (column) => column.notNull())
    .addColumn('count', 'integer', (column) => column.notNull())
    .addColumn('expected', 'real', (column) => column.notNull())
    .addColumn('score', 'real', (column) => column.notNull())
    .addColumn('examples', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('detected_at', 'text', (column) => column.notNull())
    .addColumn('last_detected_at', 'text', (column) => column.notNull())
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .execute();
  await db.schema
    .createIndex('analytics_alerts_topic')
    .on('analytics_alerts')
    .columns(['topic_kind', 'topic', 'last_detected_at'])
    .execute();
  await db.schema
    .createIndex('analytics_alerts_detected')
    .on('analytics_alerts')
    .columns(['status', 'detected_at'])
    .execute();
}
