import type { Kysely } from 'kysely';

// A product's own dispatch promise (made-to-order goods ship days after payment); null: the shop's default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('products').addColumn('ships_within_hours', 'integer').execute();
}
