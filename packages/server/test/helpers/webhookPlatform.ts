import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import {
  parseWebhookSecret,
  verifyWebhook,
  webhookHeaders,
} from '../../src/modules/channels/webhook/standardWebhookSignature';

export const platformSecret = `whsec_${randomBytes(32).toString('base64')}`;

/** One message Kefu delivered to the platform, as the platform received it (signature checked). */
export interface PlatformDelivery {
  webhookId: string;
  signatureValid: boolean;
  body: {
    type: string;
    account: string | null;
    to: string | null;
    conversationId: string;
    message: { id: string; sender: string; text: string; quickReplies: unknown[] };
  };
  /** The status the platform answered with. */
  status: number;
}

export interface InboundPost {
  account?: string;
  messages: { id: string; from: { id: string; name?: string }; text: string; sentAt?: string }[];
}

/**
 * A chat platform on loopback speaking the webhook channel's protocol (Standard Webhooks both ways): it posts
 * its users' messages to Kefu, signed, and receives Kefu's answers at `/messages`, answering with the statuses
 * a test scripts (200 with its own id unless told otherwise). A held answer waits until `release()`.
 */
export class WebhookPlatform {
  readonly deliveries: PlatformDelivery[] = [];
  /** Statuses for the next deliveries, first first; then `defaultStatus`. */
  readonly scriptedStatuses: number[] = [];
  defaultStatus = 200;
  private held: (() => void)[] = [];
  private holding = false;
  private server: Server | null = null;
  private baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.receive(request.headers, Buffer.concat(chunks), response));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('the platform did not bind');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
  }

  get deliveryUrl(): string {
    return `${this.baseUrl}/messages`;
  }

  /** Answers to deliveries wait until `release()` (to see what Kefu does while the platform is slow). */
  hold(): void {
    this.holding = true;
  }

  release(): void {
    this.holding = false;
    for (const answer of this.held.splice(0)) answer();
  }

  deliveriesTo(userId: string): PlatformDelivery[] {
    return this.deliveries.filter((delivery) => delivery.body.to === userId);
  }

  /** Posts the platform's users' messages to Kefu, signed as the platform signs (a fresh webhook id each time). */
  async post(
    kefuBaseUrl: string,
    body: InboundPost | string,
    options: { secret?: string; timestamp?: number; channel?: string } = {},
  ): Promise<{ status: number; body: unknown }> {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const key = parseWebhookSecret(options.secret ?? platformSecret);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const id = `msg_${randomBytes(8).toString('hex')}`;
    const response = await fetch(`${kefuBaseUrl}/api/v1/channels/${options.channel ?? 'webhook'}/inbound`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...webhookHeaders(key, { id, timestamp }, text) },
      body: text,
    });
    return { status: response.status, body: await response.json() };
  }

  async close(): Promise<void> {
    this.release();
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private receive(headers: IncomingHttpHeaders, rawBody: Buffer, response: ServerResponse): void {
    const status = this.scriptedStatuses.shift() ?? this.defaultStatus;
    this.deliveries.push({
      webhookId: String(headers['webhook-id']),
      signatureValid: isSignedByKefu(rawBody, headers),
      body: JSON.parse(rawBody.toString('utf8')),
      status,
    });
    const answer = () => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(status === 200 ? { id: `pm_${this.deliveries.length}` } : { error: 'nope' }),
      );
    };
    if (this.holding) this.held.push(answer);
    else answer();
  }
}

function isSignedByKefu(rawBody: Buffer, headers: IncomingHttpHeaders): boolean {
  try {
    verifyWebhook(parseWebhookSecret(platformSecret), rawBody, headers, new Date());
    return true;
  } catch {
    return false;
  }
}
