import type { Kysely } from 'kysely';

// E-mail accounts that fetch mail from an IMAP mailbox: per account, where the last poll stopped (the folder's
// UIDVALIDITY and the last UID taken in), which scheduled poll is the current one, and how the last poll went.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('imap_mailbox_states')
    .addColumn('account_id', 'text', (column) => column.primaryKey())
    .addColumn('uid_validity', 'text')
    .addColumn('last_uid', 'integer', (column) => column.notNull())
    .addColumn('poll_key', 'text', (column) => column.notNull())
    .addColumn('failures', 'integer', (column) => column.notNull())
    .addColumn('problem', 'text')
    .addColumn('problem_detail', 'text')
    .addColumn('last_polled_at', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('next_poll_at', 'text')
    .execute();
}
