import type { Kysely } from 'kysely';

// Access (issue 12): roles an admin defines from named permissions, held by agents beside the built-in ones.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('custom_roles')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('permissions', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute();
  await db.schema.alterTable('agents').addColumn('custom_role_id', 'text').execute();
}
