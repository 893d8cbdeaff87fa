import { randomUUID } from 'node:crypto';
import type { Clock } from '../../src/clock';
import { signStandardWebhook } from '../../src/modules/commerce/webhookSignature';
import { shopWebhookSecret } from './shopChat';

export interface WebhookDelivery {
  /** `webhook-id`; a new one per call unless given (a retry or a replay repeats it). */
  id?: string;
  /** When the shop signed it; the server's clock by default. */
  signedAt?: Date;
  secret?: string;
  /** Replaces the computed `webhook-signature`. */
  signature?: string;
}

/** Pushes a body to the commerce webhook as the shop's server does: signed with id and timestamp. */
export async function pushShopWebhook(
  baseUrl: string,
  clock: Clock,
  body: object | string,
  delivery: WebhookDelivery = {},
): Promise<{ status: number; body: unknown }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const id = delivery.id ?? `msg_${randomUUID()}`;
  const timestamp = Math.floor((delivery.signedAt ?? clock.now()).getTime() / 1000);
  const signature =
    delivery.signature ?? signStandardWebhook(delivery.secret ?? shopWebhookSecret, id, timestamp, raw);
  const response = await fetch(`${baseUrl}/api/v1/commerce/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signature,
    },
    body: raw,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
