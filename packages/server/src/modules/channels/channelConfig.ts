import { z } from 'zod';
import { isWebhookSecret } from './webhook/standardWebhookSignature';

/** The channel variables, merged into the one environment schema in config.ts. */
export const channelEnvironmentSchema = z.object({
  /** `whsec_…` (Standard Webhooks): signs the webhook channel's requests both ways. */
  KEFU_WEBHOOK_CHANNEL_SECRET: z
    .string()
    .refine(isWebhookSecret, 'KEFU_WEBHOOK_CHANNEL_SECRET is whsec_ followed by at least 24 bytes in base64')
    .optional(),
  /** Where Kefu posts the answers for the webhook channel's users. */
  KEFU_WEBHOOK_CHANNEL_URL: z.string().url().optional(),
  KEFU_WEBHOOK_CHANNEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Where Kefu posts push notifications for apps with no socket open (a bridge to APNs, FCM, …). */
  KEFU_PUSH_GATEWAY_URL: z.string().url().optional(),
  /** `whsec_…`: signs the push gateway's requests. */
  KEFU_PUSH_GATEWAY_SECRET: z
    .string()
    .refine(isWebhookSecret, 'KEFU_PUSH_GATEWAY_SECRET is whsec_ followed by at least 24 bytes in base64')
    .optional(),
  KEFU_PUSH_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
});

export type ChannelEnvironment = z.infer<typeof channelEnvironmentSchema>;

export interface ChannelConfig {
  /** The webhook channel, connected when its secret and URL are set; null otherwise. */
  webhook: { secret: string; deliveryUrl: string; timeoutMs: number } | null;
  /** The push gateway of apps, set when its URL and secret are; null: no pushes are sent. */
  pushGateway: { url: string; secret: string; timeoutMs: number } | null;
}

/** `configError` builds the boot error config.ts reports, naming the variable. */
export function toChannelConfig(
  values: ChannelEnvironment,
  configError: (message: string) => Error,
): ChannelConfig {
  const secret = values.KEFU_WEBHOOK_CHANNEL_SECRET;
  const deliveryUrl = values.KEFU_WEBHOOK_CHANNEL_URL;
  if ((secret === undefined) !== (deliveryUrl === undefined))
    throw configError(
      'KEFU_WEBHOOK_CHANNEL_SECRET and KEFU_WEBHOOK_CHANNEL_URL connect the webhook channel together',
    );
  const pushUrl = values.KEFU_PUSH_GATEWAY_URL;
  const pushSecret = values.KEFU_PUSH_GATEWAY_SECRET;
  if ((pushUrl === undefined) !== (pushSecret === undefined))
    throw configError('KEFU_PUSH_GATEWAY_URL and KEFU_PUSH_GATEWAY_SECRET connect the push gateway together');
  return {
    pushGateway:
      pushUrl && pushSecret
        ? { url: pushUrl, secret: pushSecret, timeoutMs: values.KEFU_PUSH_GATEWAY_TIMEOUT_MS }
        : null,
    webhook:
      secret && deliveryUrl
        ? { secret, deliveryUrl, timeoutMs: values.KEFU_WEBHOOK_CHANNEL_TIMEOUT_MS }
        : null,
  };
}
