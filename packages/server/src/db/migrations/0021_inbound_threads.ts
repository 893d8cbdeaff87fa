import type { Kysely } from 'kysely';

// What a reply on a threaded channel (e-mail) must carry back: the subject of the shopper's message and the
// thread it belongs to (its References), so the shopper's mail client keeps the answer in the same thread.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('inbound_messages').addColumn('thread_subject', 'text').execute();
  await db.schema.alterTable('inbound_messages').addColumn('thread_references', 'text').execute();
}
