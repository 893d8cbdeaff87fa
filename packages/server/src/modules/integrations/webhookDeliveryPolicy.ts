import { retryDelayMs } from '../../jobs/jobQueue';

export interface WebhookDeliveryPolicy {
  /** Attempts of one delivery (one round: a redelivery starts a new one). */
  maxAttempts: number;
  /** The wait after the first failed attempt; doubled after each further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long one request may take before it counts as a network failure. */
  timeoutMs: number;
  /** Failed deliveries in a row after which the subscription is paused. */
  pauseAfterFailures: number;
}

export type AttemptVerdict = 'delivered' | 'retry' | 'failed';

/** 2xx is delivered; network errors, 408, 429 and 5xx are worth another try; any other answer is final. */
export function judgeAnswer(statusCode: number | null): AttemptVerdict {
  if (statusCode === null) return 'retry';
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) return 'retry';
  return 'failed';
}

/** The wait before the next attempt: the receiver's Retry-After (seconds or a date) when given, else back-off. */
export function nextAttemptDelayMs(
  policy: WebhookDeliveryPolicy,
  failuresInRound: number,
  retryAfter: string | null,
  now: Date,
): number {
  const asked = parseRetryAfterMs(retryAfter, now);
  if (asked !== null) return Math.min(asked, policy.maxDelayMs);
  return retryDelayMs(failuresInRound, { baseDelayMs: policy.baseDelayMs, maxDelayMs: policy.maxDelayMs });
}

export function parseRetryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now.getTime());
}
