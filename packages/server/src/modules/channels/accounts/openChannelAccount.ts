import { z } from 'zod';
import { parseJsonColumn } from '../../../db/json';
import { KefuError } from '../../../errors';
import type { AccountChannelKind } from './channelAccountSchemas';
import { accountChannelKindSchema, accountKindSchemas } from './channelAccountSchemas';
import type { WeChatAccount } from '../wechat/wechatOfficialAccountAdapter';
import type { EmailAccount } from '../email/emailChannelAdapter';
import type { WeComKfAccount } from '../wecom/wecomKfAdapter';
import type { TelegramAccount } from '../telegram/telegramBotAdapter';
import type { WeiboAccount } from '../weibo/weiboAdapter';
import type { ChannelAccountRow } from './channelAccountsRepo';
import type { ChannelCredentialSeal } from './channelCredentialSeal';

/** A stored account with its settings read and its credentials opened, typed by kind. */
export type OpenedChannelAccount = { name: string; enabled: boolean; syncCursor: string | null } & (
  | ({ kind: 'wechat' } & WeChatAccount)
  | ({ kind: 'wecom_kf' } & WeComKfAccount)
  | ({ kind: 'miniprogram' } & WeChatAccount)
  | ({ kind: 'email' } & EmailAccount)
  | ({ kind: 'telegram' } & Omit<TelegramAccount, 'callbackUrl'>)
  | ({ kind: 'weibo' } & WeiboAccount)
);

export function openChannelAccount(
  row: ChannelAccountRow,
  seal: ChannelCredentialSeal,
): OpenedChannelAccount {
  const kind = accountChannelKindSchema.parse(row.kind);
  const common = { id: row.id, name: row.name, enabled: row.enabled === 1, syncCursor: row.sync_cursor };
  const settings = parseJsonColumn(row.settings, z.record(z.string(), z.unknown()));
  const credentials = seal.open(row.id, row.credentials);
  switch (kind) {
    case 'wechat':
      return {
        ...common,
        kind,
        settings: accountKindSchemas.wechat.settings.parse(settings),
        credentials: accountKindSchemas.wechat.credentials.parse(credentials),
      };
    case 'miniprogram':
      return {
        ...common,
        kind,
        settings: accountKindSchemas.miniprogram.settings.parse(settings),
        credentials: accountKindSchemas.miniprogram.credentials.parse(credentials),
      };
    case 'wecom_kf':
      return {
        ...common,
        kind,
        settings: accountKindSchemas.wecom_kf.settings.parse(settings),
        credentials: accountKindSchemas.wecom_kf.credentials.parse(credentials),
      };
    case 'email':
      return {
        ...common,
        kind,
        settings: accountKindSchemas.email.settings.parse(settings),
        credentials: accountKindSchemas.email.credentials.parse(credentials),
      };
    case 'telegram':
      return {
        ...common,
        kind,
        settings: accountKindSchemas.telegram.settings.parse(settings),
        credentials: accountKindSchemas.telegram.credentials.parse(credentials),
      };
    case 'weibo':
      return {
        ...common,
        kind,
        settings: accountKindSchemas.weibo.settings.parse(settings),
        credentials: accountKindSchemas.weibo.credentials.parse(credentials),
      };
  }
}

/**
 * Checks an admin's settings and credentials for the kind: the stored shape (defaults applied), or a 400
 * naming the first problem (never echoing a credential's value).
 */
export function checkAccountFields(
  kind: AccountChannelKind,
  settings: Record<string, unknown>,
  credentials: Record<string, string>,
): { settings: Record<string, unknown>; credentials: Record<string, string> } {
  const schemas = accountKindSchemas[kind];
  const parsedSettings = schemas.settings.safeParse(settings);
  if (!parsedSettings.success) throw invalid('settings', parsedSettings.error);
  const parsedCredentials = schemas.credentials.safeParse(credentials);
  if (!parsedCredentials.success) throw invalid('credentials', parsedCredentials.error);
  if ('encryption' in parsedSettings.data && parsedSettings.data.encryption === 'safe')
    if (!('encodingAesKey' in parsedCredentials.data) || !parsedCredentials.data.encodingAesKey)
      throw new KefuError(
        'validation_failed',
        'credentials.encodingAesKey: safe mode needs the EncodingAESKey',
      );
  if ('inbound' in parsedSettings.data && parsedSettings.data.inbound === 'imap')
    if (!('imapPassword' in parsedCredentials.data) || !parsedCredentials.data.imapPassword)
      throw new KefuError(
        'validation_failed',
        'credentials.imapPassword: an IMAP mailbox needs its password',
      );
  return { settings: { ...parsedSettings.data }, credentials: dropEmpty(parsedCredentials.data) };
}

function invalid(part: string, error: z.ZodError): KefuError {
  const issue = error.issues[0];
  return new KefuError(
    'validation_failed',
    issue ? `${part}.${issue.path.join('.')}: ${issue.message}` : undefined,
  );
}

function dropEmpty(record: Record<string, string | undefined>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(record)) if (value !== undefined) kept[name] = value;
  return kept;
}
