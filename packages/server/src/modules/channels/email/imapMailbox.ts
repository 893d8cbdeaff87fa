import type { MailboxProblem } from '@kefu/sdk';
import { ImapFlow } from 'imapflow';
import type { ConnectionTest, EmailCredentials, EmailSettings } from '../accounts/channelAccountSchemas';

/** A failure of the mailbox: its kind and a short description for operators (never a credential). */
export class ImapMailboxError extends Error {
  constructor(
    readonly problem: MailboxProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ImapMailboxError';
  }
}

/** Where the last poll stopped: the folder's UIDVALIDITY and the last UID taken in. */
export interface MailboxCursor {
  uidValidity: string | null;
  lastUid: number;
}

export interface FetchedMail {
  uid: number;
  source: Buffer;
}

/** Larger mail is left in the mailbox (the SMTP listener refuses it too). */
export const maxFetchedMailBytes = 15 * 1024 * 1024;
/** Mail taken in per poll; a longer backlog continues with the next poll. */
const maxMailsPerPoll = 100;
const connectionTimeoutMs = 20_000;

/** An open IMAP mailbox folder of an e-mail account. */
export class ImapMailbox {
  private constructor(
    private readonly client: ImapFlow,
    readonly uidValidity: string,
    readonly uidNext: number,
    readonly messageCount: number,
  ) {}

  /** Logs in and opens the account's folder; throws an ImapMailboxError saying what went wrong. */
  static async open(settings: EmailSettings, credentials: EmailCredentials): Promise<ImapMailbox> {
    const client = new ImapFlow({
      host: settings.imapHost ?? '',
      port: settings.imapPort,
      secure: settings.imapTls,
      auth: { user: settings.imapUser ?? '', pass: credentials.imapPassword ?? '' },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: connectionTimeoutMs,
      greetingTimeout: connectionTimeoutMs,
    });
    // A dropped connection is reported by the command that was waiting on it.
    client.on('error', () => undefined);
    try {
      await client.connect();
    } catch (error) {
      client.close();
      throw describeImapError(error);
    }
    try {
      const folder = await client.mailboxOpen(settings.imapFolder);
      return new ImapMailbox(client, String(folder.uidValidity), folder.uidNext, folder.exists);
    } catch (error) {
      await closeQuietly(client);
      throw new ImapMailboxError('folder_missing', `the folder could not be opened: ${errorText(error)}`);
    }
  }

  /**
   * The UIDs of the mail to take in after `cursor`, oldest first (at most one poll's worth): those above the
   * last UID while the folder's UIDVALIDITY is unchanged; otherwise (first poll, or the folder renumbered) the
   * unread ones, as the already stored ones among them are recognised by their Message-ID. `complete` is
   * false when more are waiting than one poll takes.
   */
  async newUids(cursor: MailboxCursor | null): Promise<{ uids: number[]; complete: boolean }> {
    const resync = !cursor || cursor.uidValidity !== this.uidValidity;
    const found = resync
      ? await this.client.search({ seen: false }, { uid: true })
      : await this.uidsAbove(cursor.lastUid);
    const uids = (found || []).filter((uid) => resync || uid > cursor.lastUid).sort((a, b) => a - b);
    return { uids: uids.slice(0, maxMailsPerPoll), complete: uids.length <= maxMailsPerPoll };
  }

  /** The raw RFC 822 source of one mail; null when it is gone or too large to take in. */
  async fetchSource(uid: number): Promise<Buffer | null> {
    const found = await this.client.fetchOne(
      String(uid),
      { uid: true, size: true, source: true },
      { uid: true },
    );
    if (!found || !found.source || (found.size ?? 0) > maxFetchedMailBytes) return null;
    return found.source;
  }

  async markSeen(uid: number): Promise<void> {
    await this.client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
  }

  async close(): Promise<void> {
    await closeQuietly(this.client);
  }

  private async uidsAbove(lastUid: number): Promise<number[]> {
    if (this.messageCount === 0 || (this.uidNext > 0 && this.uidNext <= lastUid + 1)) return [];
    const uids: number[] = [];
    // `N:*` also names the newest mail when every UID is below N (RFC 3501), hence the filter by the caller.
    for await (const message of this.client.fetch(`${lastUid + 1}:*`, { uid: true }, { uid: true }))
      uids.push(message.uid);
    return uids;
  }
}

/** The console's test of an IMAP account: logs in and opens the folder; its message count, or what went wrong. */
export async function testImapMailbox(
  settings: EmailSettings,
  credentials: EmailCredentials,
): Promise<ConnectionTest> {
  try {
    const mailbox = await ImapMailbox.open(settings, credentials);
    await mailbox.close();
    return { ok: true, reason: null, problem: null, messageCount: mailbox.messageCount };
  } catch (error) {
    const failure = describeImapError(error);
    return { ok: false, reason: failure.message, problem: failure.problem, messageCount: null };
  }
}

async function closeQuietly(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}

const tlsCodes = /^(ERR_SSL|ERR_TLS|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH|ERR_OSSL)/;
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ETIMEOUT',
  'CONNECT_TIMEOUT',
  'GREETING_TIMEOUT',
  'EConnectionClosed',
  'NoConnection',
]);

/** What a failed login means for the admin: wrong credentials, a TLS mismatch, an unreachable host … */
export function describeImapError(error: unknown): ImapMailboxError {
  if (error instanceof ImapMailboxError) return error;
  const code = readString(error, 'code');
  if (readBoolean(error, 'authenticationFailed'))
    return new ImapMailboxError('auth_failed', `the mail server refused the login: ${serverText(error)}`);
  if (tlsCodes.test(code))
    return new ImapMailboxError('tls_failed', `the TLS connection failed: ${errorText(error)}`);
  if (networkCodes.has(code))
    return new ImapMailboxError('unreachable', `the mail server could not be reached: ${errorText(error)}`);
  return new ImapMailboxError('failed', `the mailbox could not be read: ${errorText(error)}`);
}

function serverText(error: unknown): string {
  return readString(error, 'responseText') || errorText(error);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : 'unknown error';
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

function readString(value: unknown, key: string): string {
  if (!value || typeof value !== 'object' || !(key in value)) return '';
  const field: unknown = Reflect.get(value, key);
  return typeof field === 'string' ? field : '';
}

function readBoolean(value: unknown, key: string): boolean {
  return !!value && typeof value === 'object' && key in value && Reflect.get(value, key) === true;
}
