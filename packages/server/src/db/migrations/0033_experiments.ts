import type { Kysely } from 'kysely';
import { sql } from 'kysely';

// A/B tests of the bot's reply scripts. At most one running experiment per script (a partial unique index, so
// two admins starting at once cannot both win); one exposure per (experiment, conversation), carrying the
// outcomes the durable event jobs record (a handoff, the shopper's next message, the CSAT rating).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experiments')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('script_key', 'text', (column) => column.notNull())
    .addColumn('metric', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('variants', 'text', (column) => column.notNull())
    .addColumn('winner_key', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text')
    .addColumn('stopped_at', 'text')
    .addColumn('promoted_at', 'text')
    .execute();
  await db.schema
    .createIndex('experiments_one_running_per_script')
    .on('experiments')
    .column('script_key')
    .unique()
    .where(sql.ref('status'), '=', 'running')
    .execute();
  await db.schema
    .createTable('experiment_exposures')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('experiment_id', 'text', (column) => column.notNull())
    .addColumn('variant_key', 'text', (column) => column.notNull())
    .addColumn('customer_id', 'text', (column) => column.notNull())
    .addColumn('conversation_id', 'text', (column) => column.notNull())
    .addColumn('trigger_message_id', 'text')
    .addColumn('exposed_at', 'text', (column) => column.notNull())
    .addColumn('handed_off_at', 'text')
    .addColumn('replied_at', 'text')
    .addColumn('csat_rating', 'integer')
    .execute();
  await db.schema
    .createIndex('experiment_exposures_conversation')
    .on('experiment_exposures')
    .columns(['experiment_id', 'conversation_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('experiment_exposures_by_conversation')
    .on('experiment_exposures')
    .column('conversation_id')
    .execute();
}
