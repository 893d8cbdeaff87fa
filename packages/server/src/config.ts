import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Every environment variable Kefu reads, validated once at boot. */
const environmentSchema = z.object({
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
  KEFU_WIDGET_ORIGINS: z.string().trim().min(1).default('*'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

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
  /** Sites allowed to embed the widget (CORS on the visitor API): `*` or exact origins. */
  widgetOrigins: '*' | string[];
  logLevel: string;
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
  mkdirSync(dataDir, { recursive: true });
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'kefu.sqlite')}`,
    redisUrl: values.REDIS_URL ?? null,
    redisChannel: values.KEFU_REDIS_CHANNEL,
    secretKey: values.KEFU_SECRET_KEY ?? readOrCreateSecretKey(dataDir),
    adminEmail: values.KEFU_ADMIN_EMAIL.toLowerCase(),
    adminPassword: values.KEFU_ADMIN_PASSWORD ?? null,
    seedDemo: values.KEFU_SEED_DEMO,
    publicUrl: values.KEFU_PUBLIC_URL ?? null,
    widgetOrigins: parseOrigins(values.KEFU_WIDGET_ORIGINS),
    logLevel: values.LOG_LEVEL,
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
  const origins = value.split(',').map((origin) => origin.trim().replace(/\/$/, ''));
  const invalid = origins.filter((origin) => !/^https?:\/\/[^/\s]+$/.test(origin));
  if (invalid.length > 0) throw new ConfigError(`KEFU_WIDGET_ORIGINS: not an origin: ${invalid.join(', ')}`);
  return origins;
}
