// Typed calls of the channel-account admin API over an agent client's session:
// `new KefuChannelAccountsApi(agentClient).list()`.
import type { KefuAgentClient } from './agentClient';
import type { ChannelKind } from './types';
import {
  readEnum,
  readField,
  readList,
  readNullableString,
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
  createdAt: string;
  updatedAt: string;
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

  /** Asks the platform for an access token with the stored credentials. */
  async testConnection(accountId: string): Promise<{ ok: boolean; reason: string | null }> {
    const body = requireRecord(
      await this.client.requestJson('POST', `${accountsPath}/${encodeURIComponent(accountId)}/test`),
    );
    return { ok: body.ok === true, reason: readNullableString(body, 'reason') };
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
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}
