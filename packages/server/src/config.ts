import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AlertEmailConfig, AlertWebhookConfig } from './modules/analytics';
import {
  alertEmailEnvironmentSchema,
  alertEnvironmentSchema,
  toAlertEmailConfig,
  toAlertWebhookConfig,
} from './modules/analytics';
import type { ChannelConfig } from './modules/channels/channelConfig';
import { channelEnvironmentSchema, toChannelConfig } from './modules/channels/channelConfig';
import type { CallsConfig } from './modules/calls/callsConfig';
import { callsEnvironmentSchema, toCallsConfig } from './modules/calls/callsConfig';
import type { AbuseLimitsConfig } from './http/abuseLimitsConfig';
import { abuseLimitsEnvironmentSchema, toAbuseLimitsConfig } from './http/abuseLimitsConfig';
import type { CommerceConfig } from './modules/commerce/commerceConfig';
import { commerceEnvironmentSchema, toCommerceConfig } from './modules/commerce/commerceConfig';
import type { PrivacyConfig } from './modules/privacy/privacyConfig';
import { privacyEnvironmentSchema, toPrivacyConfig } from './modules/privacy/privacyConfig';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every environment variable Kefu reads, validated once at boot. */
const environmentSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    KEFU_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .refine(
        (value) =>
          value.startsWith('postgres://') || value.startsWith('postgresql://') || value.startsWith('sqlite:'),
        {
          message: 'DATABASE_URL must start with postgres://, postgresql:// or sqlite:',
        },
      )
      .optional(),
    REDIS_URL: z.string().startsWith('redis').optional(),
    KEFU_REDIS_CHANNEL: z
      .string()
      .regex(/^[\w:.-]{1,100}$/, 'KEFU_REDIS_CHANNEL may hold letters, digits and : . _ -')
      .default('kefu:events'),
    KEFU_SECRET_KEY: z.string().min(32, 'KEFU_SECRET_KEY must be at least 32 characters').optional(),
    KEFU_ADMIN_EMAIL: z.string().email().default('admin@kefu.local'),
    KEFU_ADMIN_PASSWORD: z.string().min(8, 'KEFU_ADMIN_PASSWORD must be at least 8 characters').optional(),
    KEFU_SEED_DEMO: booleanFromEnv.default(true),
    KEFU_PUBLIC_URL: z.string().url().optional(),
    KEFU_WIDGET_ORIGINS: z.string().trim().default(''),
    /** Behind a reverse proxy: `true` (any), a hop count, or the proxies' addresses/CIDRs, comma-separated. */
    KEFU_TRUST_PROXY: z.string().trim().min(1).default('false'),
    KEFU_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
    KEFU_REPLY_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
    /** Inside WeChat's 5 s: the push must be answered before WeChat gives up on it and retries. */
    KEFU_WECHAT_PASSIVE_WAIT_MS: z.coerce.number().int().min(0).max(4_500).default(4_000),
    KEFU_JOB_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
    KEFU_PRESENCE_GRACE_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KEFU_LLM_BASE_URL: z.string().url().optional(),
    KEFU_LLM_API_KEY: z.string().min(1).optional(),
    KEFU_LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
    KEFU_EMBEDDINGS_BASE_URL: z.string().url().optional(),
    KEFU_EMBEDDINGS_API_KEY: z.string().min(1).optional(),
    KEFU_EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small'),
    KEFU_UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024, 'KEFU_UPLOAD_MAX_BYTES must be at least 1024')
      .max(50 * 1024 * 1024, 'KEFU_UPLOAD_MAX_BYTES must be at most 50 MiB')
      .default(5 * 1024 * 1024),
    KEFU_ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024, 'KEFU_ATTACHMENT_MAX_BYTES must be at least 1024')
      .max(50 * 1024 * 1024, 'KEFU_ATTACHMENT_MAX_BYTES must be at most 50 MiB')
      .default(10 * 1024 * 1024),
    KEFU_ATTACHMENTS_MESSAGE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024, 'KEFU_ATTACHMENTS_MESSAGE_MAX_BYTES must be at least 1024')
      .max(100 * 1024 * 1024, 'KEFU_ATTACHMENTS_MESSAGE_MAX_BYTES must be at most 100 MiB')
      .default(20 * 1024 * 1024),
    KEFU_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    KEFU_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
    KEFU_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    KEFU_WEBHOOK_PAUSE_AFTER: z.coerce.number().int().min(1).max(1_000).default(10),
  })
  .extend(commerceEnvironmentSchema.shape)
  .extend(alertEnvironmentSchema.shape)
  .extend(alertEmailEnvironmentSchema.shape)
  .extend(channelEnvironmentSchema.shape)
  .extend(callsEnvironmentSchema.shape)
  .extend(abuseLimitsEnvironmentSchema.shape)
  .extend(privacyEnvironmentSchema.shape);

export interface KefuConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  redisUrl: string | null;
  /** Pub/sub channel of this deployment: deployments sharing one Redis need different channels. */
  redisChannel: string;
  secretKey: string;
  adminEmail: string;
  adminPassword: string | null;
  seedDemo: boolean;
  publicUrl: string | null;
  /** Sites allowed to embed the widget (CORS on the visitor API) besides those an admin adds: `*` or exact origins. */
  widgetOrigins: '*' | string[];
  logLevel: string;
  /** On SIGTERM, how long running jobs may finish before they are handed back to another process. */
  shutdownGraceMs: number;
  /** How long the visitor API waits for the bot's replies before it answers with what exists. */
  replyWaitMs: number;
  /** How long a WeChat push waits for the bot to answer it passively (0: never; always the send API). */
  wechatPassiveWaitMs: number;
  /** How long a job claimed by a process that died stays claimed before another process takes it over. */
  jobLeaseMs: number;
  /** How long an agent whose last console socket closed stays present (a reload reconnects within it). */
  presenceGraceMs: number;
  /** OpenAI-compatible chat endpoint that phrases knowledge answers; off (null) by default. */
  llm: { baseUrl: string; apiKey: string | null; model: string } | null;
  /** OpenAI-compatible embeddings endpoint for dense retrieval; off (null) by default. */
  embeddings: { baseUrl: string; apiKey: string | null; model: string } | null;
  /** The shop system (builtin tables, Shopify, a merchant's REST API), its secrets and scenario messages. */
  commerce: CommerceConfig;
  /** The channels connected besides the web widget and apps (their secrets and addresses). */
  channels: ChannelConfig;
  /** The call-center system's signed webhook of call records. */
  calls: CallsConfig;
  /** Largest photo a shopper may upload, in bytes. */
  uploadMaxBytes: number;
  /** Files a shopper sends by e-mail: the largest one kept, and the most kept from one message, in bytes. */
  attachmentLimits: { fileMaxBytes: number; messageMaxBytes: number };
  /** Where spike alerts are also posted; null: the console only. */
  alertWebhook: AlertWebhookConfig | null;
  /** Where spike alerts are also e-mailed (SMTP relay, sender, supervisors); null: not by e-mail. */
  alertEmail: AlertEmailConfig | null;
  /** Which proxies' X-Forwarded-For is believed, so limits count the shopper's address, not the proxy's. */
  trustProxy: boolean | string[] | { hops: number };
  abuseLimits: AbuseLimitsConfig;
  /** The keys personal data is encrypted under at rest (current first) and the blind-index key. */
  privacy: PrivacyConfig;
  /** Outbound webhooks: attempts per delivery, back-off, request timeout, failures in a row before a pause. */
  webhookDelivery: {
    maxAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    timeoutMs: number;
    pauseAfterFailures: number;
  };
}

export class ConfigError extends Error {}

/** Parses the environment; creates the data directory and the secret key on first start. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): KefuConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const values = parsed.data;
  const dataDir = path.resolve(values.KEFU_DATA_DIR);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secretKey = values.KEFU_SECRET_KEY ?? readOrCreateSecretKey(dataDir);
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'kefu.sqlite')}`,
    redisUrl: values.REDIS_URL ?? null,
    redisChannel: values.KEFU_REDIS_CHANNEL,
    secretKey,
    adminEmail: values.KEFU_ADMIN_EMAIL.toLowerCase(),
    adminPassword: values.KEFU_ADMIN_PASSWORD ?? null,
    seedDemo: values.KEFU_SEED_DEMO,
    publicUrl: values.KEFU_PUBLIC_URL ?? null,
    widgetOrigins: parseOrigins(values.KEFU_WIDGET_ORIGINS),
    logLevel: values.LOG_LEVEL,
    shutdownGraceMs: values.KEFU_SHUTDOWN_GRACE_MS,
    replyWaitMs: values.KEFU_REPLY_WAIT_MS,
    wechatPassiveWaitMs: values.KEFU_WECHAT_PASSIVE_WAIT_MS,
    jobLeaseMs: values.KEFU_JOB_LEASE_MS,
    presenceGraceMs: values.KEFU_PRESENCE_GRACE_MS,
    llm: values.KEFU_LLM_BASE_URL
      ? {
          baseUrl: values.KEFU_LLM_BASE_URL,
          apiKey: values.KEFU_LLM_API_KEY ?? null,
          model: values.KEFU_LLM_MODEL,
        }
      : null,
    embeddings: values.KEFU_EMBEDDINGS_BASE_URL
      ? {
          baseUrl: values.KEFU_EMBEDDINGS_BASE_URL,
          apiKey: values.KEFU_EMBEDDINGS_API_KEY ?? null,
          model: values.KEFU_EMBEDDINGS_MODEL,
        }
      : null,
    commerce: toCommerceConfig(values, (message) => new ConfigError(message)),
    channels: toChannelConfig(values, (message) => new ConfigError(message)),
    calls: toCallsConfig(values),
    uploadMaxBytes: values.KEFU_UPLOAD_MAX_BYTES,
    attachmentLimits: {
      fileMaxBytes: values.KEFU_ATTACHMENT_MAX_BYTES,
      messageMaxBytes: values.KEFU_ATTACHMENTS_MESSAGE_MAX_BYTES,
    },
    alertWebhook: toAlertWebhookConfig(values),
    alertEmail: toAlertEmailConfig(values, (message) => new ConfigError(message)),
    trustProxy: parseTrustProxy(values.KEFU_TRUST_PROXY),
    abuseLimits: toAbuseLimitsConfig(values),
    privacy: toPrivacyConfig(values, secretKey, (message) => new ConfigError(message)),
    webhookDelivery: {
      maxAttempts: values.KEFU_WEBHOOK_MAX_ATTEMPTS,
      baseDelayMs: values.KEFU_WEBHOOK_RETRY_BASE_MS,
      maxDelayMs: 60 * 60_000,
      timeoutMs: values.KEFU_WEBHOOK_TIMEOUT_MS,
      pauseAfterFailures: values.KEFU_WEBHOOK_PAUSE_AFTER,
    },
  };
}

function readOrCreateSecretKey(dataDir: string): string {
  const keyPath = path.join(dataDir, 'secret.key');
  if (existsSync(keyPath)) {
    const stored = readFileSync(keyPath, 'utf8').trim();
    if (stored.length >= 32) return stored;
    throw new ConfigError(`${keyPath} is shorter than 32 characters; delete it to generate a new key`);
  }
  const generated = randomBytes(32).toString('base64url');
  writeFileSync(keyPath, `${generated}\n`, { mode: 0o600 });
  return generated;
}

function parseOrigins(value: string): '*' | string[] {
  if (value === '*') return '*';
  if (value === '') return [];
  const origins = value.split(',').map((origin) => origin.trim().replace(/\/$/, '').toLowerCase());
  const invalid = origins.filter((origin) => !/^https?:\/\/[^/\s]+$/.test(origin));
  if (invalid.length > 0) throw new ConfigError(`KEFU_WIDGET_ORIGINS: not an origin: ${invalid.join(', ')}`);
  return origins;
}

function parseTrustProxy(value: string): boolean | string[] | { hops: number } {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d{1,2}$/.test(value)) return { hops: Number(value) };
  const addresses = value.split(',').map((address) => address.trim());
  const invalid = addresses.filter((address) => !/^[\d.:a-fA-F]+(\/\d{1,3})?$/.test(address));
  if (invalid.length > 0)
    throw new ConfigError(`KEFU_TRUST_PROXY: not an address or CIDR: ${invalid.join(', ')}`);
  return addresses;
}
