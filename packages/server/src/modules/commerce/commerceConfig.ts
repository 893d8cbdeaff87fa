import { z } from 'zod';

const secretSchema = z.string().min(16, 'must be at least 16 characters');

/** The commerce variables, merged into the one environment schema in config.ts. */
export const commerceEnvironmentSchema = z.object({
  KEFU_COMMERCE: z.enum(['builtin', 'shopify', 'http']).default('builtin'),
  KEFU_COMMERCE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  KEFU_COMMERCE_WEBHOOK_SECRET: secretSchema.optional(),
  KEFU_SHOP_IDENTITY_SECRET: secretSchema.optional(),
  KEFU_SHOPIFY_SHOP_URL: z.string().url().optional(),
  KEFU_SHOPIFY_ACCESS_TOKEN: z.string().min(1).optional(),
  KEFU_SHOPIFY_API_VERSION: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .default('2024-07'),
  KEFU_COMMERCE_HTTP_BASE_URL: z.string().url().optional(),
  KEFU_COMMERCE_HTTP_TOKEN: z.string().min(1).optional(),
  /** JSON object: interface method → "METHOD /path/{param}", overriding the defaults. */
  KEFU_COMMERCE_HTTP_ENDPOINTS: z.string().optional(),
  /** Dot path of the payload inside the merchant's response envelope, e.g. `data`. */
  KEFU_COMMERCE_HTTP_RESPONSE_ROOT: z
    .string()
    .regex(/^[\w.]*$/)
    .default(''),
  KEFU_SCENARIO_MESSAGES: z.enum(['true', 'false']).default('true'),
  /** Local hours (start-end, 24 h) in which proactive messages wait, e.g. 22-8. */
  KEFU_QUIET_HOURS: z
    .string()
    .regex(/^\d{1,2}-\d{1,2}$/, 'KEFU_QUIET_HOURS looks like 22-8')
    .default('22-8'),
  KEFU_SHOP_UTC_OFFSET_HOURS: z.coerce.number().min(-12).max(14).default(8),
});

export type CommerceEnvironment = z.infer<typeof commerceEnvironmentSchema>;

export type CommerceConfig = {
  timeoutMs: number;
  webhookSecret: string | null;
  identitySecret: string | null;
  scenarioMessages: {
    enabled: boolean;
    quietStartHour: number;
    quietEndHour: number;
    utcOffsetHours: number;
  };
} & (
  | { connector: 'builtin' }
  | { connector: 'shopify'; shopUrl: string; accessToken: string; apiVersion: string }
  | {
      connector: 'http';
      baseUrl: string;
      token: string | null;
      endpoints: Record<string, string>;
      responseRoot: string;
    }
);

/** `configError` builds the boot error config.ts reports, naming the variable. */
export function toCommerceConfig(
  values: CommerceEnvironment,
  configError: (message: string) => Error,
): CommerceConfig {
  const [quietStartHour = 22, quietEndHour = 8] = values.KEFU_QUIET_HOURS.split('-').map(Number);
  const common = {
    timeoutMs: values.KEFU_COMMERCE_TIMEOUT_MS,
    webhookSecret: values.KEFU_COMMERCE_WEBHOOK_SECRET ?? null,
    identitySecret: values.KEFU_SHOP_IDENTITY_SECRET ?? null,
    scenarioMessages: {
      enabled: values.KEFU_SCENARIO_MESSAGES === 'true',
      quietStartHour,
      quietEndHour,
      utcOffsetHours: values.KEFU_SHOP_UTC_OFFSET_HOURS,
    },
  };
  if (values.KEFU_COMMERCE === 'shopify') {
    if (!values.KEFU_SHOPIFY_SHOP_URL || !values.KEFU_SHOPIFY_ACCESS_TOKEN)
      throw configError('KEFU_COMMERCE=shopify needs KEFU_SHOPIFY_SHOP_URL and KEFU_SHOPIFY_ACCESS_TOKEN');
    return {
      ...common,
      connector: 'shopify',
      shopUrl: values.KEFU_SHOPIFY_SHOP_URL.replace(/\/$/, ''),
      accessToken: values.KEFU_SHOPIFY_ACCESS_TOKEN,
      apiVersion: values.KEFU_SHOPIFY_API_VERSION,
    };
  }
  if (values.KEFU_COMMERCE === 'http') {
    if (!values.KEFU_COMMERCE_HTTP_BASE_URL)
      throw configError('KEFU_COMMERCE=http needs KEFU_COMMERCE_HTTP_BASE_URL');
    return {
      ...common,
      connector: 'http',
      baseUrl: values.KEFU_COMMERCE_HTTP_BASE_URL.replace(/\/$/, ''),
      token: values.KEFU_COMMERCE_HTTP_TOKEN ?? null,
      endpoints: parseEndpoints(values.KEFU_COMMERCE_HTTP_ENDPOINTS, configError),
      responseRoot: values.KEFU_COMMERCE_HTTP_RESPONSE_ROOT,
    };
  }
  return { ...common, connector: 'builtin' };
}

function parseEndpoints(
  text: string | undefined,
  configError: (message: string) => Error,
): Record<string, string> {
  if (!text) return {};
  const parsed = z
    .record(
      z.string(),
      z.string().regex(/^(GET|POST|PUT|PATCH) \/\S*$/, 'an endpoint looks like "GET /orders/{orderNumber}"'),
    )
    .safeParse(safeJson(text));
  if (!parsed.success)
    throw configError(`KEFU_COMMERCE_HTTP_ENDPOINTS: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
