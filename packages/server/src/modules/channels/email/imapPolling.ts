import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../../../clock';
import { KefuError } from '../../../errors';
import type { JobQueue } from '../../../jobs/jobQueue';
import { retryDelayMs } from '../../../jobs/jobQueue';
import type { OpenedChannelAccount } from '../accounts/openChannelAccount';
import type { MailIntake } from './emailInbound';
import { takeInMail } from './emailInbound';
import type { MailboxCursor } from './imapMailbox';
import { describeImapError, ImapMailbox } from './imapMailbox';
import type { ImapMailboxStateRow } from './imapMailboxStatesRepo';
import {
  claimImapPoll,
  findImapMailboxState,
  passImapPoll,
  recordImapPollOutcome,
  saveImapCursor,
} from './imapMailboxStatesRepo';

export const imapPollJobName = 'channels.poll_imap_mailbox';
/** Waits out the interval before an account's next poll, outside the account's ordering (see ImapPolling). */
export const imapPollTimerJobName = 'channels.imap_poll_due';

const pollJobSchema = z.object({ accountId: z.string(), pollKey: z.string() });
type PollJob = z.infer<typeof pollJobSchema>;

/** The longest wait between polls of a failing mailbox. */
const maxBackOffMs = 30 * 60_000;

type EmailAccount = OpenedChannelAccount & { kind: 'email' };

export interface ImapPollingDependencies {
  jobs: JobQueue;
  clock: Clock;
  intake: MailIntake;
  logger: { warn(details: object, message: string): void };
}

/**
 * E-mail accounts that fetch their mail from an IMAP mailbox: each account's polls are a chain of durable jobs,
 * one at a time across all processes (one ordering key per account), each scheduling the next. The wait between
 * two polls is a timer job outside that ordering, which only then queues its poll: a poll named by a change of
 * the account (a fixed password) runs at once instead of behind a chain's waiting next poll. Only the poll
 * named in the account's state row is current: starting again (at start-up, after the account changed) names a
 * new one and the older chain ends when its job finds itself replaced. A poll takes in the mail above the last
 * UID through the same path as the SMTP listener, marks it read when the account says so, and records how it
 * went in the account's status; failed polls are tried again with growing waits.
 */
export class ImapPolling {
  private readonly db: MailIntake['ingest']['db'];

  constructor(private readonly dependencies: ImapPollingDependencies) {
    this.db = dependencies.intake.ingest.db;
  }

  register(): void {
    this.dependencies.jobs.register(imapPollJobName, {
      schema: pollJobSchema,
      run: (job) => this.poll(job),
    });
    this.dependencies.jobs.register(imapPollTimerJobName, {
      schema: pollJobSchema,
      run: async (job) => {
        const state = await findImapMailboxState(this.db, job.accountId);
        if (state?.poll_key === job.pollKey) await this.enqueue(job, this.dependencies.clock.now());
      },
    });
  }

  /** Polls every enabled IMAP account now, and from then on at its interval. */
  async sync(): Promise<void> {
    for (const view of await this.dependencies.intake.accounts.list())
      if (view.kind === 'email' && view.enabled && view.settings.inbound === 'imap')
        await this.pollSoon(view.id, this.dependencies.clock.now());
  }

  private async pollSoon(accountId: string, at: Date): Promise<void> {
    const pollKey = newPollKey(accountId);
    await claimImapPoll(this.db, accountId, pollKey, at.toISOString());
    await this.enqueue({ accountId, pollKey }, at);
  }

  private async enqueue(job: PollJob, runAt: Date): Promise<void> {
    await this.dependencies.jobs.enqueue({
      name: imapPollJobName,
      payload: job,
      idempotencyKey: job.pollKey,
      orderingKey: `imap:${job.accountId}`,
      runAt,
    });
  }

  private async poll(job: PollJob): Promise<void> {
    const state = await findImapMailboxState(this.db, job.accountId);
    // Replaced by a newer poll of the account: this chain ends here.
    if (!state || state.poll_key !== job.pollKey) return;
    const account = await this.dependencies.intake.accounts.emailAccount(job.accountId);
    // Disabled, or back to the SMTP listener: polling stops until the account changes again.
    if (!account || account.settings.inbound !== 'imap') return;
    const failures = await this.pollOnce(account, state);
    const intervalMs = account.settings.imapPollSeconds * 1_000;
    const delayMs =
      failures === 0
        ? intervalMs
        : retryDelayMs(failures, { baseDelayMs: intervalMs, maxDelayMs: Math.max(intervalMs, maxBackOffMs) });
    const next = { accountId: job.accountId, pollKey: newPollKey(job.accountId) };
    const runAt = new Date(this.dependencies.clock.now().getTime() + delayMs);
    const keys = { currentKey: job.pollKey, nextKey: next.pollKey };
    if (await passImapPoll(this.db, job.accountId, keys, runAt.toISOString()))
      await this.dependencies.jobs.enqueue({
        name: imapPollTimerJobName,
        payload: next,
        idempotencyKey: `${next.pollKey}:due`,
        runAt,
      });
  }

  /** One poll: the failures in a row afterwards (0 when it went well), recorded in the account's status. */
  private async pollOnce(account: EmailAccount, state: ImapMailboxStateRow): Promise<number> {
    const polledAt = this.dependencies.clock.now().toISOString();
    let mailbox: ImapMailbox | null = null;
    try {
      mailbox = await ImapMailbox.open(account.settings, account.credentials);
      await this.takeInNewMail(account, mailbox, readCursor(state));
      await recordImapPollOutcome(this.db, account.id, {
        failures: 0,
        problem: null,
        problem_detail: null,
        last_polled_at: polledAt,
        last_success_at: polledAt,
      });
      return 0;
    } catch (error) {
      const failure = describeImapError(error);
      const failures = state.failures + 1;
      await recordImapPollOutcome(this.db, account.id, {
        failures,
        problem: failure.problem,
        problem_detail: failure.message,
        last_polled_at: polledAt,
      });
      this.dependencies.logger.warn(
        { accountId: account.id, problem: failure.problem, failures },
        'the IMAP mailbox of an e-mail account could not be polled',
      );
      return failures;
    } finally {
      await mailbox?.close();
    }
  }

  private async takeInNewMail(
    account: EmailAccount,
    mailbox: ImapMailbox,
    cursor: MailboxCursor | null,
  ): Promise<void> {
    const batch = await mailbox.newUids(cursor);
    const renumbered = !cursor || cursor.uidValidity !== mailbox.uidValidity;
    let lastUid = renumbered ? 0 : cursor.lastUid;
    for (const uid of batch.uids) {
      const source = await mailbox.fetchSource(uid);
      if (source) await this.takeIn(account.id, uid, source);
      if (account.settings.imapMarkSeen) await mailbox.markSeen(uid);
      lastUid = Math.max(lastUid, uid);
      await saveImapCursor(this.db, account.id, { uidValidity: mailbox.uidValidity, lastUid });
    }
    // After a resync that took in every unread mail, the read ones below UIDNEXT are left where they are.
    if (renumbered && batch.complete) lastUid = Math.max(lastUid, mailbox.uidNext - 1);
    await saveImapCursor(this.db, account.id, { uidValidity: mailbox.uidValidity, lastUid });
  }

  /** A mail Kefu cannot read as a message (no sender, no Message-ID) is left in the mailbox and passed over. */
  private async takeIn(accountId: string, uid: number, source: Buffer): Promise<void> {
    try {
      await takeInMail(this.dependencies.intake, accountId, source, null);
    } catch (error) {
      if (!(error instanceof KefuError) || error.status >= 500) throw error;
      this.dependencies.logger.warn(
        { accountId, uid, reason: error.code },
        'a mail in an IMAP mailbox was passed over',
      );
    }
  }
}

function newPollKey(accountId: string): string {
  return `imap:${accountId}:${randomUUID()}`;
}

function readCursor(state: ImapMailboxStateRow): MailboxCursor | null {
  return state.uid_validity === null ? null : { uidValidity: state.uid_validity, lastUid: state.last_uid };
}
