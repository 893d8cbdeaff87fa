import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { KefuError } from '../../../errors';

/**
 * Standard Webhooks (https://www.standardwebhooks.com): `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature` (`v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, space-separated when a secret
 * is being rotated). Signing the id and the time with the body lets a receiver refuse replays.
 */
export interface SignedWebhookRequest {
  id: string;
  timestamp: number;
}

/** How far a request's timestamp may be from the receiver's clock, either way. */
export const webhookToleranceSeconds = 5 * 60;

/** The key of a `whsec_…` secret (base64 after the prefix, as the standard writes secrets). */
export function parseWebhookSecret(secret: string): Buffer {
  const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error('a webhook secret is whsec_ and base64');
  const key = Buffer.from(encoded, 'base64');
  if (key.length < 24) throw new Error('a webhook secret holds at least 24 bytes');
  return key;
}

/** Whether a configured value is a `whsec_…` secret this file can use. */
export function isWebhookSecret(value: string): boolean {
  try {
    parseWebhookSecret(value);
    return value.startsWith('whsec_');
  } catch {
    return false;
  }
}

export function signWebhook(key: Buffer, request: SignedWebhookRequest, body: Buffer | string): string {
  const signed = createHmac('sha256', key)
    .update(`${request.id}.${request.timestamp}.`)
    .update(body)
    .digest('base64');
  return `v1,${signed}`;
}

/** The headers of a request Kefu signs (the receiver checks them as this file does). */
export function webhookHeaders(
  key: Buffer,
  request: SignedWebhookRequest,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': request.id,
    'webhook-timestamp': String(request.timestamp),
    'webhook-signature': signWebhook(key, request, body),
  };
}

/**
 * Checks the signature over the raw bytes, in constant time, and that the timestamp is near `now`; throws
 * `webhook_signature_invalid` (401) otherwise. Returns the request's id and time.
 */
export function verifyWebhook(
  key: Buffer,
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
  now: Date,
): SignedWebhookRequest {
  const id = singleHeader(headers['webhook-id']);
  const timestampText = singleHeader(headers['webhook-timestamp']);
  const signatures = singleHeader(headers['webhook-signature']);
  if (!id || id.length > 200 || !timestampText || !/^\d{1,12}$/.test(timestampText) || !signatures)
    throw new KefuError('webhook_signature_invalid');
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > webhookToleranceSeconds)
    throw new KefuError('webhook_signature_invalid', 'The webhook timestamp is too far from now');
  const expected = Buffer.from(signWebhook(key, { id, timestamp }, rawBody));
  const matches = signatures
    .split(' ')
    .map((candidate) => Buffer.from(candidate))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
  if (!matches) throw new KefuError('webhook_signature_invalid');
  return { id, timestamp };
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}
