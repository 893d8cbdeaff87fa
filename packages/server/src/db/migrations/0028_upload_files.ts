import type { Kysely } from 'kysely';

// Files besides photos (PDF invoices, spreadsheets, short videos, zip archives shoppers send by e-mail): what
// kind of upload it is and the sender's file name, cleaned of anything a file system or header could misread.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('uploads')
    .addColumn('kind', 'text', (column) => column.notNull().defaultTo('photo'))
    .execute();
  await db.schema.alterTable('uploads').addColumn('file_name', 'text').execute();
}
