import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { ImapMailboxStatesTable } from '../../../db/schema';
import type { MailboxStatus } from '../accounts/channelAccountSchemas';
import { mailboxProblems } from '@kefu/sdk';

export type ImapMailboxStateRow = Selectable<ImapMailboxStatesTable>;

export function findImapMailboxState(
  db: DbExecutor,
  accountId: string,
): Promise<ImapMailboxStateRow | undefined> {
  return db
    .selectFrom('imap_mailbox_states')
    .selectAll()
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

export function listImapMailboxStates(db: DbExecutor): Promise<ImapMailboxStateRow[]> {
  return db.selectFrom('imap_mailbox_states').selectAll().execute();
}

/** Makes `pollKey` the account's current poll (a row is created for an account's first poll). */
export async function claimImapPoll(
  db: DbExecutor,
  accountId: string,
  pollKey: string,
  nextPollAt: string,
): Promise<void> {
  await db
    .insertInto('imap_mailbox_states')
    .values({
      account_id: accountId,
      uid_validity: null,
      last_uid: 0,
      poll_key: pollKey,
      failures: 0,
      problem: null,
      problem_detail: null,
      last_polled_at: null,
      last_success_at: null,
      next_poll_at: nextPollAt,
    })
    .onConflict((conflict) =>
      conflict.column('account_id').doUpdateSet({ poll_key: pollKey, next_poll_at: nextPollAt }),
    )
    .execute();
}

/** Hands the current poll on to `nextKey`, only while `currentKey` is still the current one. */
export async function passImapPoll(
  db: DbExecutor,
  accountId: string,
  keys: { currentKey: string; nextKey: string },
  nextPollAt: string,
): Promise<boolean> {
  const result = await db
    .updateTable('imap_mailbox_states')
    .set({ poll_key: keys.nextKey, next_poll_at: nextPollAt })
    .where('account_id', '=', accountId)
    .where('poll_key', '=', keys.currentKey)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function saveImapCursor(
  db: DbExecutor,
  accountId: string,
  cursor: { uidValidity: string; lastUid: number },
): Promise<void> {
  await db
    .updateTable('imap_mailbox_states')
    .set({ uid_validity: cursor.uidValidity, last_uid: cursor.lastUid })
    .where('account_id', '=', accountId)
    .execute();
}

export async function recordImapPollOutcome(
  db: DbExecutor,
  accountId: string,
  outcome: Partial<
    Pick<
      ImapMailboxStateRow,
      'failures' | 'problem' | 'problem_detail' | 'last_polled_at' | 'last_success_at'
    >
  >,
): Promise<void> {
  await db.updateTable('imap_mailbox_states').set(outcome).where('account_id', '=', accountId).execute();
}

/** The status the console shows for an account's mailbox. */
export function toMailboxStatus(row: ImapMailboxStateRow): MailboxStatus {
  return {
    problem:
      row.problem === null ? null : (mailboxProblems.find((problem) => problem === row.problem) ?? 'failed'),
    detail: row.problem_detail,
    failures: row.failures,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    nextPollAt: row.next_poll_at,
  };
}
