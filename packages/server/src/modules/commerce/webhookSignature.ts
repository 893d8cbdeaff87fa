import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Deliveries signed longer ago than this (or this far in the future) are refused as replays. */
export const webhookToleranceSeconds = 5 * 60;

export interface SignedDelivery {
  /** `webhook-id`: the sender's id of this delivery, the same on its retries. */
  id: string;
  /** `webhook-timestamp`: when the sender signed it. */
  signedAt: Date;
}

export type WebhookVerification =
  { ok: true; delivery: SignedDelivery } | { ok: false; reason: 'signature_invalid' | 'stale' };

const deliveryIdPattern = /^[\x21-\x7e]{1,256}$/;
const timestampPattern = /^\d{1,12}$/;

/**
 * Verifies a delivery signed as Standard Webhooks does (https://www.standardwebhooks.com/): headers `webhook-id`,
 * `webhook-timestamp` (Unix seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * several separated by spaces during a key rotation). The id and the time are signed with the body, so neither
 * can be changed to slip a replay past the duplicate and freshness checks. Compared in constant time.
 */
export function verifyStandardWebhook(
  rawBody: Buffer,
  headers: IncomingHttpHeaders,
  secret: string,
  now: Date,
): WebhookVerification {
  const id = readHeader(headers, 'webhook-id');
  const timestamp = readHeader(headers, 'webhook-timestamp');
  const signatures = readHeader(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures || !deliveryIdPattern.test(id) || !timestampPattern.test(timestamp))
    return { ok: false, reason: 'signature_invalid' };
  const expected = computeDigest(secret, id, timestamp, rawBody);
  if (!signatures.split(' ').some((candidate) => matchesDigest(candidate, expected)))
    return { ok: false, reason: 'signature_invalid' };
  const signedAtSeconds = Number(timestamp);
  if (Math.abs(now.getTime() / 1000 - signedAtSeconds) > webhookToleranceSeconds)
    return { ok: false, reason: 'stale' };
  return { ok: true, delivery: { id, signedAt: new Date(signedAtSeconds * 1000) } };
}

/** The `webhook-signature` value for a delivery (what the shop's server computes; used by tests and tools). */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  rawBody: Buffer | string,
): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody) : rawBody;
  return `v1,${computeDigest(secret, id, String(timestampSeconds), body).toString('base64')}`;
}

/**
 * A `whsec_…` secret is base64, as Standard Webhooks libraries generate and expect; any other configured value
 * is used as its UTF-8 bytes.
 */
function secretBytes(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret, 'utf8');
}

function computeDigest(secret: string, id: string, timestamp: string, rawBody: Buffer): Buffer {
  return createHmac('sha256', secretBytes(secret)).update(`${id}.${timestamp}.`).update(rawBody).digest();
}

function matchesDigest(candidate: string, expected: Buffer): boolean {
  const [version, encoded] = candidate.split(',');
  if (version !== 'v1' || !encoded) return false;
  const received = Buffer.from(encoded, 'base64');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

function readHeader(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value.trim() : null;
}
