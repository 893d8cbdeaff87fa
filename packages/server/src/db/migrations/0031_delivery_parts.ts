import type { Kysely } from 'kysely';

// A message some platforms take in several calls (WeChat: the text, each photo, the card): how many of its
// parts the platform already accepted, so a retried delivery sends only the rest.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('message_deliveries')
    .addColumn('parts_sent', 'integer', (column) => column.notNull().defaultTo(0))
    .execute();
}
