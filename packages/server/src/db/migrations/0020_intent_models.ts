import type { Kysely } from 'kysely';

// Intent training (issue 13): model versions trained on the shipped corpus plus the shop's examples, their
// held-out accuracy, which one the bot uses and the one it replaced (for roll back).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('intent_models')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('progress', 'integer', (column) => column.notNull())
    .addColumn('training_slot', 'text')
    .addColumn('model', 'text')
    .addColumn('shop_example_count', 'integer', (column) => column.notNull())
    .addColumn('heldout_size', 'integer')
    .addColumn('accuracy_before', 'double precision')
    .addColumn('accuracy_after', 'double precision')
    .addColumn('baseline_model_id', 'text')
    .addColumn('is_active', 'integer', (column) => column.notNull())
    .addColumn('replaced_model_id', 'text')
    .addColumn('promoted_at', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  // One training at a time across all processes: the slot is set while a training is queued or running.
  await db.schema
    .createIndex('intent_models_training_slot')
    .on('intent_models')
    .column('training_slot')
    .unique()
    .execute();
  await db.schema
    .createIndex('intent_models_version')
    .on('intent_models')
    .column('version')
    .unique()
    .execute();
}
