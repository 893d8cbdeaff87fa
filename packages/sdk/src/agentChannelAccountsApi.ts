// Typed calls of the channel-account admin API over an agent client's session:
// `new KefuChannelAccountsApi(agentClient).list()`.
import type { KefuAgentClient } from './agentClient';
import type { ChannelKind } from './types';
import {
  readEnum,
  readField,
  readList,
  readNullableString,
  readNumber,
  readString,
  readStringArray,
  requireRecord,
} from './agentWire';

/** The kinds set up as accounts in the console; the others are the widget, apps and environment-set ones. */
export const accountChannelKinds = [
  'wechat',
  'wecom_kf',
  'miniprogram',
  'email',
  'telegram',
  'weibo',
] as const satisfies readonly ChannelKind[];
export type AccountChannelKind = (typeof accountChannelKinds)[number];

export interface ChannelAccount {
  id: string;
  kind: AccountChannelKind;
  name: string;
  enabled: boolean;
  /** The kind's settings (no secrets): `appId`, `encryption`, `corpId`, `openKfId`, `apiBaseUrl` … */
  settings: Record<string, unknown>;
  /** Which credentials are stored; their values are never sent back. */
  credentialsSet: string[];
  /** The path the platform calls; `callbackUrl` is the full address when the server knows its public URL. */
  callbackPath: string;
  callbackUrl: string | null;
  /** E-mail accounts fetching from an IMAP mailbox: how polling goes (null for others and before a poll). */
  mailbox: MailboxStatus | null;
  createdAt: string;
  updatedAt: string;
}

/** Why an IMAP mailbox could not be read. */
export const mailboxProblems = [
  'auth_failed',
  'tls_failed',
  'unreachable',
  'folder_missing',
  'failed',
] as const;
export type MailboxProblem = (typeof mailboxProblems)[number];

export interface MailboxStatus {
  /** The last poll's problem; null when it went well. */
  problem: MailboxProblem | null;
  /** What the mail server said, in English, for operators. */
  detail: string | null;
  failures: number;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  nextPollAt: string | null;
}

export interface ConnectionTestResult {
  ok: boolean;
  reason: string | null;
  /** An IMAP mailbox's problem, when that is what failed. */
  problem: MailboxProblem | null;
  /** The IMAP folder's message count, when it was opened. */
  messageCount: number | null;
}

export interface ChannelAccountInput {
  kind: AccountChannelKind;
  name: string;
  settings: Record<string, unknown>;
  credentials: Record<string, string>;
}

export interface ChannelAccountChange {
  name?: string;
  settings?: Record<string, unknown>;
  /** Only the credentials named are replaced. */
  credentials?: Record<string, string>;
  enabled?: boolean;
}

const accountsPath = '/api/v1/admin/channel-accounts';

export class KefuChannelAccountsApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async list(): Promise<ChannelAccount[]> {
    return readList(await this.client.requestJson('GET', accountsPath), 'accounts', parseChannelAccount);
  }

  async create(input: ChannelAccountInput): Promise<ChannelAccount> {
    return parseChannelAccount(
      readField(await this.client.requestJson('POST', accountsPath, input), 'account'),
    );
  }

  async update(accountId: string, change: ChannelAccountChange): Promise<ChannelAccount> {
    const body = await this.client.requestJson(
      'PATCH',
      `${accountsPath}/${encodeURIComponent(accountId)}`,
      change,
    );
    return parseChannelAccount(readField(body, 'account'));
  }

  /** Asks the platform for an access token with the stored credentials (an IMAP mailbox: logs in). */
  async testConnection(accountId: string): Promise<ConnectionTestResult> {
    const body = requireRecord(
      await this.client.requestJson('POST', `${accountsPath}/${encodeURIComponent(accountId)}/test`),
    );
    return {
      ok: body.ok === true,
      reason: readNullableString(body, 'reason'),
      problem: readProblem(body.problem),
      messageCount: typeof body.messageCount === 'number' ? body.messageCount : null,
    };
  }
}

function parseChannelAccount(value: unknown): ChannelAccount {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    kind: readEnum(record.kind, accountChannelKinds),
    name: readString(record, 'name'),
    enabled: record.enabled === true,
    settings: requireRecord(record.settings),
    credentialsSet: readStringArray(record, 'credentialsSet'),
    callbackPath: readString(record, 'callbackPath'),
    callbackUrl: readNullableString(record, 'callbackUrl'),
    mailbox: record.mailbox ? parseMailboxStatus(record.mailbox) : null,
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

function parseMailboxStatus(value: unknown): MailboxStatus {
  const record = requireRecord(value);
  return {
    problem: readProblem(record.problem),
    detail: readNullableString(record, 'detail'),
    failures: readNumber(record, 'failures'),
    lastPolledAt: readNullableString(record, 'lastPolledAt'),
    lastSuccessAt: readNullableString(record, 'lastSuccessAt'),
    nextPollAt: readNullableString(record, 'nextPollAt'),
  };
}

function readProblem(value: unknown): MailboxProblem | null {
  return value === null || value === undefined ? null : readEnum(value, mailboxProblems);
}
