import { z } from 'zod';
import { accountChannelKinds, mailboxProblems } from '@kefu/sdk';
import type { AccountChannelKind } from '@kefu/sdk';
import { isEncodingAesKey } from '../wechat/wechatMessageCrypto';

/** The kinds set up as accounts from the console (the list lives in `@kefu/sdk`). */
export type { AccountChannelKind };
export const accountChannelKindSchema = z.enum(accountChannelKinds);

const apiBaseUrlSchema = z
  .string()
  .trim()
  .url()
  .max(200)
  .transform((url) => url.replace(/\/+$/, ''));
const platformIdSchema = z.string().trim().min(1).max(64);
/** WeChat's callback Token: 3–32 letters and digits. */
const callbackTokenSchema = z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'the Token is 3–32 letters and digits');
const encodingAesKeySchema = z
  .string()
  .refine(isEncodingAesKey, 'the EncodingAESKey is 43 letters and digits');
const secretSchema = z.string().trim().min(1).max(200);

export const wechatSettingsSchema = z
  .object({
    appId: platformIdSchema,
    /** `plain` (明文模式) or `safe` (安全模式, AES with msg_signature); the account's choice in 公众平台. */
    encryption: z.enum(['plain', 'safe']).default('safe'),
    apiBaseUrl: apiBaseUrlSchema.default('https://api.weixin.qq.com'),
  })
  .strict();

/**
 * A mini program's settings: the Official Account's, and optionally the page a product card opens in the mini
 * program itself (`pages/goods/detail?id={productId}`), sent as a mini program card instead of a web link.
 */
export const miniProgramSettingsSchema = wechatSettingsSchema
  .extend({
    productPagePath: z
      .string()
      .trim()
      .max(512)
      .regex(
        /^[^\s/][^\s]*\{productId\}[^\s]*$/,
        'the page path names {productId}, e.g. pages/goods/detail?id={productId}',
      )
      .optional(),
  })
  .strict();

export const wechatCredentialsSchema = z
  .object({
    appSecret: secretSchema,
    token: callbackTokenSchema,
    encodingAesKey: encodingAesKeySchema.optional(),
  })
  .strict();

export const wecomKfSettingsSchema = z
  .object({
    corpId: platformIdSchema,
    /** The customer-service account (客服账号) this Kefu account serves: `wk…`. */
    openKfId: platformIdSchema,
    /** The WeCom member who takes shoppers handed to a person (service state 3); else they wait in the pool. */
    handoffServicerUserId: z.string().trim().min(1).max(64).optional(),
    apiBaseUrl: apiBaseUrlSchema.default('https://qyapi.weixin.qq.com'),
  })
  .strict();

export const wecomKfCredentialsSchema = z
  .object({ secret: secretSchema, token: callbackTokenSchema, encodingAesKey: encodingAesKeySchema })
  .strict();

/** A yes/no setting: a boolean, or the text `true`/`false` a form sends. */
const switchSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((text) => text === 'true')]);

/**
 * An e-mail account: the shop's address, how mail comes in (the built-in SMTP listener, or polling the shop's
 * IMAP mailbox at its mail provider) and the relay for replies.
 */
export const emailSettingsSchema = z
  .object({
    /** The shop's address: mail to it is taken in, replies go out from it. */
    address: z.string().trim().toLowerCase().email().max(200),
    /** The sender name shown with replies (the shop's name). */
    fromName: z.string().trim().min(1).max(100).optional(),
    /** `smtp`: the built-in listener takes the mail; `imap`: Kefu fetches it from the shop's mailbox. */
    inbound: z.enum(['smtp', 'imap']).default('smtp'),
    /** Where the built-in SMTP listener takes mail (the MX or a relay forwards to it). */
    listenHost: z.string().trim().min(1).max(200).default('0.0.0.0'),
    listenPort: z.coerce.number().int().min(0).max(65_535).default(2525),
    /** The IMAP mailbox (password apart): host, port, TLS from the first byte (993) or not (143). */
    imapHost: z.string().trim().min(1).max(200).optional(),
    imapPort: z.coerce.number().int().min(1).max(65_535).default(993),
    imapTls: switchSchema.default(true),
    imapUser: z.string().trim().min(1).max(200).optional(),
    imapFolder: z.string().trim().min(1).max(200).default('INBOX'),
    /** Seconds between polls when the last one went well. */
    imapPollSeconds: z.coerce.number().int().min(5).max(3_600).default(60),
    /** Whether fetched mail is marked read (\\Seen) in the mailbox. */
    imapMarkSeen: switchSchema.default(true),
    /** The relay replies go out through: `smtp://user@host:587` or `smtps://user@host:465` (password apart). */
    smtpUrl: z
      .string()
      .trim()
      .url()
      .max(200)
      .refine(isRelayUrl, 'an smtp:// or smtps:// address, with the password apart'),
  })
  .strict()
  .refine((settings) => settings.inbound !== 'imap' || settings.imapHost, {
    message: 'an IMAP mailbox needs its host',
    path: ['imapHost'],
  })
  .refine((settings) => settings.inbound !== 'imap' || settings.imapUser, {
    message: 'an IMAP mailbox needs its user name',
    path: ['imapUser'],
  });

function isRelayUrl(text: string): boolean {
  const url = new URL(text);
  return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.password === '';
}

export const emailCredentialsSchema = z
  .object({ smtpPassword: secretSchema.optional(), imapPassword: secretSchema.optional() })
  .strict();

export const telegramSettingsSchema = z
  .object({
    /** The bot's @username, shown to admins (getMe names it). */
    botUsername: z.string().trim().min(1).max(64).optional(),
    apiBaseUrl: apiBaseUrlSchema.default('https://api.telegram.org'),
  })
  .strict();

export const telegramCredentialsSchema = z
  .object({
    /** From @BotFather: `123456:ABC-…`. */
    botToken: z
      .string()
      .trim()
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, 'the bot token is the one @BotFather gave, 123456:ABC…'),
    /** setWebhook's `secret_token`, sent back in X-Telegram-Bot-Api-Secret-Token: 1–256 of A-Z a-z 0-9 _ -. */
    secretToken: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'the secret token is 16–256 letters, digits, _ and -'),
  })
  .strict();

export const weiboSettingsSchema = z
  .object({
    /** The Weibo account's uid (the pushes' receiver_id). */
    uid: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'the uid is the account’s number'),
    /** The app key the fan-service platform's developer mode names (its App Secret signs the pushes). */
    appKey: z.string().trim().min(1).max(64).optional(),
    /** Another API address (a proxy, a test platform) serving both Weibo API hosts; Weibo's own when unset. */
    apiBaseUrl: apiBaseUrlSchema.optional(),
  })
  .strict();

export const weiboCredentialsSchema = z
  .object({ appSecret: secretSchema, accessToken: secretSchema })
  .strict();

/** An Official Account's or a mini program's settings (only mini programs name a product page). */
export type WeChatSettings = z.infer<typeof wechatSettingsSchema> & { productPagePath?: string | undefined };
export type WeChatCredentials = z.infer<typeof wechatCredentialsSchema>;
export type WeComKfSettings = z.infer<typeof wecomKfSettingsSchema>;
export type WeComKfCredentials = z.infer<typeof wecomKfCredentialsSchema>;
export type EmailSettings = z.infer<typeof emailSettingsSchema>;
export type EmailCredentials = z.infer<typeof emailCredentialsSchema>;
export type TelegramSettings = z.infer<typeof telegramSettingsSchema>;
export type TelegramCredentials = z.infer<typeof telegramCredentialsSchema>;
export type WeiboSettings = z.infer<typeof weiboSettingsSchema>;
export type WeiboCredentials = z.infer<typeof weiboCredentialsSchema>;

/** Each kind's settings and credentials: a kind added to the list does not compile until it has both. */
export const accountKindSchemas = {
  wechat: { settings: wechatSettingsSchema, credentials: wechatCredentialsSchema },
  wecom_kf: { settings: wecomKfSettingsSchema, credentials: wecomKfCredentialsSchema },
  // A mini program's customer-service messages: the same settings as an Official Account (JSON pushes).
  miniprogram: { settings: miniProgramSettingsSchema, credentials: wechatCredentialsSchema },
  email: { settings: emailSettingsSchema, credentials: emailCredentialsSchema },
  telegram: { settings: telegramSettingsSchema, credentials: telegramCredentialsSchema },
  weibo: { settings: weiboSettingsSchema, credentials: weiboCredentialsSchema },
} satisfies Record<AccountChannelKind, { settings: z.ZodType; credentials: z.ZodType }>;

const accountNameSchema = z.string().trim().min(1).max(100);
const looseRecordSchema = z.record(z.string(), z.unknown());

export const createChannelAccountBodySchema = z
  .object({
    kind: accountChannelKindSchema,
    name: accountNameSchema,
    settings: looseRecordSchema,
    credentials: z.record(z.string(), z.string()),
  })
  .strict();

/** Credentials named here replace the stored ones; those left out are kept (the console never reads them). */
export const updateChannelAccountBodySchema = z
  .object({
    name: accountNameSchema.optional(),
    settings: looseRecordSchema.optional(),
    credentials: z.record(z.string(), z.string()).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

/** How an IMAP mailbox's polling goes: the last poll's problem (null when it went well) and when it ran. */
export const mailboxStatusSchema = z.object({
  problem: z.enum(mailboxProblems).nullable(),
  /** For operators, in English: what the mail server said (never a credential). */
  detail: z.string().nullable(),
  /** Failed polls in a row; the next one waits longer after each. */
  failures: z.number().int(),
  lastPolledAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  nextPollAt: z.string().nullable(),
});

/** The console's "test connection": for an IMAP account, the folder's message count or the problem. */
export const connectionTestSchema = z.object({
  ok: z.boolean(),
  reason: z.string().nullable(),
  problem: z.enum(mailboxProblems).nullable(),
  messageCount: z.number().int().nullable(),
});

export const channelAccountViewSchema = z.object({
  id: z.string(),
  kind: accountChannelKindSchema,
  name: z.string(),
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  /** Which credentials are stored (never their values). */
  credentialsSet: z.array(z.string()),
  /** The path the platform calls; `callbackUrl` is it under KEFU_PUBLIC_URL when that is set. */
  callbackPath: z.string(),
  callbackUrl: z.string().nullable(),
  /** E-mail accounts fetching from an IMAP mailbox: how polling goes; null for the others and before a poll. */
  mailbox: mailboxStatusSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ChannelAccountView = z.infer<typeof channelAccountViewSchema>;
export type MailboxStatus = z.infer<typeof mailboxStatusSchema>;
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
export type CreateChannelAccountInput = z.infer<typeof createChannelAccountBodySchema>;
export type UpdateChannelAccountInput = z.infer<typeof updateChannelAccountBodySchema>;
