import type { IncomingHttpHeaders } from 'node:http';
import type { Clock } from '../../../clock';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  InboundMessage,
  OutboundMessage,
  VerifiedInbound,
} from '../channelAdapter';
import { DeliveryError } from '../channelAdapter';
import { parseWebhookSecret, verifyWebhook, webhookHeaders } from './standardWebhookSignature';
import { convertOutboundToWebhookBody, convertWebhookBodyToInbound } from './webhookChannelMessages';
import { parseJsonBody } from '../parseJsonBody';

export interface WebhookChannelSettings {
  /** `whsec_…`: signs both directions. */
  secret: string;
  /** Where Kefu posts the messages for the connected system's users. */
  deliveryUrl: string;
  timeoutMs: number;
  clock: Clock;
}

/** The connected system receives structured messages and renders them as it can. */
const webhookCapabilities: ChannelCapabilities = {
  cards: true,
  images: true,
  quickReplies: true,
  maxTextLength: 4000,
  replyWindowMs: null,
  replyDeadlineMs: 10_000,
};

/**
 * The webhook channel: any system (an app's backend, a bridge to a chat platform) posts its users' messages
 * to Kefu and receives the answers at its own URL, both ways signed as Standard Webhooks.
 */
export class WebhookChannelAdapter implements ChannelAdapter {
  readonly kind = 'webhook' as const;
  readonly capabilities = webhookCapabilities;
  private readonly key: Buffer;

  constructor(private readonly settings: WebhookChannelSettings) {
    this.key = parseWebhookSecret(settings.secret);
  }

  verify(rawBody: Buffer, headers: IncomingHttpHeaders): VerifiedInbound {
    verifyWebhook(this.key, rawBody, headers, this.settings.clock.now());
    return { customerId: null, body: parseJsonBody(rawBody) };
  }

  parse(inbound: VerifiedInbound): InboundMessage[] {
    return convertWebhookBodyToInbound(inbound.body);
  }

  async send(outbound: OutboundMessage): Promise<{ externalId: string | null }> {
    if (!outbound.recipient.externalId)
      throw new DeliveryError('the conversation has no webhook user to write to', false);
    const body = JSON.stringify(convertOutboundToWebhookBody(outbound));
    const timestamp = Math.floor(this.settings.clock.now().getTime() / 1000);
    const response = await postOrThrowRetryable(
      this.settings,
      {
        'content-type': 'application/json',
        // The same id on every attempt: the receiver drops what it already took (Standard Webhooks' idempotency).
        ...webhookHeaders(this.key, { id: outbound.idempotencyKey, timestamp }, body),
      },
      body,
    );
    if (!response.ok)
      throw new DeliveryError(
        `the webhook receiver answered ${response.status}`,
        isRetryableStatus(response.status),
      );
    return { externalId: await readExternalId(response) };
  }
}

async function postOrThrowRetryable(
  settings: WebhookChannelSettings,
  headers: Record<string, string>,
  body: string,
): Promise<Response> {
  try {
    return await fetch(settings.deliveryUrl, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'request failed';
    throw new DeliveryError(`the webhook receiver could not be reached: ${reason}`, true);
  }
}

/** Busy or broken now, maybe not later; any other refusal will not change by asking again. */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The receiver may name its own id of the message (`{ "id": "…" }`); anything else means none. */
async function readExternalId(response: Response): Promise<string | null> {
  const text = await response.text();
  if (text.length === 0) return null;
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'id' in body && typeof body.id === 'string')
      return body.id.slice(0, 200);
  } catch {
    // Not JSON: the message was still taken.
  }
  return null;
}
