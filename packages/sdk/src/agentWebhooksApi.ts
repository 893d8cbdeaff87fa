// Typed calls of the outbound-webhook admin API over an agent client's session:
// `new KefuWebhooksApi(agentClient).list()`.
import type { KefuAgentClient } from './agentClient';
import {
  readEnum,
  readField,
  readList,
  readNullableString,
  readNumber,
  readString,
  requireRecord,
} from './agentWire';

/** The events a CRM or ERP can subscribe to (the payload's `type`). */
export const webhookEventTypes = [
  'conversation.opened',
  'conversation.closed',
  'conversation.handed_off',
  'message.created',
  'ticket.created',
  'ticket.updated',
  'ticket.solved',
  'csat.submitted',
  'order.action_taken',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export interface Webhook {
  id: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  allowPrivateNetwork: boolean;
  /** Set when Kefu paused the webhook after failed deliveries in a row; enabling it resumes it. */
  pausedAt: string | null;
  failedInARow: number;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookInput {
  name: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  allowPrivateNetwork: boolean;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDelivery {
  id: string;
  /** A subscribed event type, or `webhook.test`. */
  eventType: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  statusCode: number | null;
  latencyMs: number | null;
  responseExcerpt: string | null;
  error: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
}

const webhooksPath = '/api/v1/admin/webhooks';

export class KefuWebhooksApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async list(): Promise<Webhook[]> {
    return readList(await this.client.requestJson('GET', webhooksPath), 'webhooks', parseWebhook);
  }

  /** The answer's `secret` is shown once: Kefu keeps it sealed and never sends it again. */
  async create(input: WebhookInput): Promise<{ webhook: Webhook; secret: string }> {
    const body = requireRecord(await this.client.requestJson('POST', webhooksPath, input));
    return { webhook: parseWebhook(body.webhook), secret: readString(body, 'secret') };
  }

  async update(webhookId: string, change: Partial<WebhookInput>): Promise<Webhook> {
    const body = await this.client.requestJson('PATCH', this.path(webhookId), change);
    return parseWebhook(readField(body, 'webhook'));
  }

  async remove(webhookId: string): Promise<void> {
    await this.client.requestJson('DELETE', this.path(webhookId));
  }

  async sendTest(webhookId: string): Promise<WebhookDelivery> {
    const body = await this.client.requestJson('POST', `${this.path(webhookId)}/test`);
    return parseDelivery(readField(body, 'delivery'));
  }

  async deliveries(webhookId: string): Promise<WebhookDelivery[]> {
    const body = await this.client.requestJson('GET', `${this.path(webhookId)}/deliveries`);
    return readList(body, 'deliveries', parseDelivery);
  }

  async redeliver(webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    const path = `${this.path(webhookId)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`;
    return parseDelivery(readField(await this.client.requestJson('POST', path), 'delivery'));
  }

  private path(webhookId: string): string {
    return `${webhooksPath}/${encodeURIComponent(webhookId)}`;
  }
}

function parseWebhook(value: unknown): Webhook {
  const record = requireRecord(value);
  const events = Array.isArray(record.events) ? record.events : [];
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    url: readString(record, 'url'),
    events: events.map((event) => readEnum(event, webhookEventTypes)),
    enabled: record.enabled === true,
    allowPrivateNetwork: record.allowPrivateNetwork === true,
    pausedAt: readNullableString(record, 'pausedAt'),
    failedInARow: readNumber(record, 'failedInARow'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

function parseDelivery(value: unknown): WebhookDelivery {
  const record = requireRecord(value);
  return {
    id: readString(record, 'id'),
    eventType: readString(record, 'eventType'),
    status: readEnum(record.status, ['pending', 'delivered', 'failed'] as const),
    attempts: readNumber(record, 'attempts'),
    statusCode: nullableNumber(record.statusCode),
    latencyMs: nullableNumber(record.latencyMs),
    responseExcerpt: readNullableString(record, 'responseExcerpt'),
    error: readNullableString(record, 'error'),
    nextAttemptAt: readNullableString(record, 'nextAttemptAt'),
    createdAt: readString(record, 'createdAt'),
    lastAttemptAt: readNullableString(record, 'lastAttemptAt'),
  };
}

function nullableNumber(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
