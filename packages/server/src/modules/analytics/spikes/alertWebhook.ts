import { createHmac } from 'node:crypto';
import type { SpikeAlertNotice } from '@kefu/sdk';
import { z } from 'zod';

export const alertEnvironmentSchema = z.object({
  KEFU_ALERT_WEBHOOK_URL: z.string().url().optional(),
  KEFU_ALERT_WEBHOOK_SECRET: z
    .string()
    .min(16, 'KEFU_ALERT_WEBHOOK_SECRET must be at least 16 characters')
    .optional(),
});

/** Where new spike alerts are posted besides the console (a chat bot, an incident tool); null: nowhere. */
export interface AlertWebhookConfig {
  url: string;
  /** Signs each delivery (Standard Webhooks headers) when set. */
  secret: string | null;
}

export function toAlertWebhookConfig(
  values: z.infer<typeof alertEnvironmentSchema>,
): AlertWebhookConfig | null {
  if (!values.KEFU_ALERT_WEBHOOK_URL) return null;
  return { url: values.KEFU_ALERT_WEBHOOK_URL, secret: values.KEFU_ALERT_WEBHOOK_SECRET ?? null };
}

const deliveryTimeoutMs = 10_000;

/**
 * Posts one alert as JSON, with links to its conversations in the console. Signed like Standard Webhooks:
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">` with the secret's UTF-8 bytes.
 * Anything but a 2xx throws, so the job retries with back-off.
 */
export async function sendAlertWebhook(
  config: AlertWebhookConfig,
  delivery: { eventId: string; alert: SpikeAlertNotice; consoleUrl: string | null; now: Date },
): Promise<void> {
  const body = JSON.stringify({
    type: 'analytics.spike_detected',
    alert: delivery.alert,
    links: delivery.consoleUrl
      ? delivery.alert.conversationIds.map(
          (id) => `${delivery.consoleUrl}/console/inbox/${encodeURIComponent(id)}`,
        )
      : [],
  });
  const timestamp = String(Math.floor(delivery.now.getTime() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': delivery.eventId,
    'webhook-timestamp': timestamp,
  };
  if (config.secret)
    headers['webhook-signature'] = `v1,${createHmac('sha256', config.secret)
      .update(`${delivery.eventId}.${timestamp}.${body}`)
      .digest('base64')}`;
  const response = await fetch(config.url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(deliveryTimeoutMs),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`the alert webhook answered ${response.status}`);
}
