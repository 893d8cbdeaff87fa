import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { z } from 'zod';
import { conversationSchema, messageSchema } from '../http/wireSchemas';
import { spikeAlertNoticeSchema } from '../modules/analytics';
import { channelKindSchema } from '../channelKinds';
import { handoffSummarySchema } from '../modules/handoff';
import { slaAlertSchema, ticketSchema } from '../modules/tickets';
import type { DomainEvent, EventCatalog, EventName } from './catalog';
import { isEventName } from './catalog';
import type { EventBus, EventHandler } from './eventBus';
import { LocalEventBus } from './eventBus';

const defaultEventChannel = 'kefu:events';

export interface EventBusLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface RedisEventBusOptions {
  url: string;
  /** One pub/sub channel per deployment; every process of the deployment must use the same one. */
  channel?: string;
  reportHandlerError: (error: unknown, event: DomainEvent) => void;
  logger: EventBusLogger;
}

/**
 * Fans events out to every server process through one Redis pub/sub channel. A process's own events
 * come back through its subscription too, so local handlers run once per event in every process.
 * Redis only fans out: the outbox already publishes each committed event once for the whole cluster.
 * Pub/sub is at-most-once: a process cut off from Redis misses what is published meanwhile, and nothing
 * replays it (the database stays the record; realtime pushes are a live view of it).
 */
export class RedisEventBus implements EventBus {
  private readonly localBus: LocalEventBus;
  /** Frames are dispatched one after another, in the order Redis delivered them. */
  private dispatching: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
    private readonly options: RedisEventBusOptions,
  ) {
    this.localBus = new LocalEventBus(options.reportHandlerError);
    subscriber.on('message', (receivedChannel: string, frame: string) => {
      if (receivedChannel === channel) this.receiveFrame(frame);
    });
  }

  /** Connects both connections and resolves once the subscription is active; rejects if Redis is unreachable. */
  static async connect(options: RedisEventBusOptions): Promise<RedisEventBus> {
    const channel = options.channel ?? defaultEventChannel;
    // A publish fails at once while Redis is unreachable instead of waiting in a queue (see `publish`).
    const publisher = openConnection(options, `${channel}:publisher`, { enableOfflineQueue: false });
    const subscriber = openConnection(options, `${channel}:subscriber`, {});
    // Built before subscribing so that its message listener is in place when the first frame arrives.
    const bus = new RedisEventBus(publisher, subscriber, channel, options);
    try {
      await Promise.all([publisher.connect(), subscriber.connect()]);
      await subscriber.subscribe(channel);
    } catch (error) {
      publisher.disconnect();
      subscriber.disconnect();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Could not connect to Redis (REDIS_URL) for event fan-out: ${reason}`, {
        cause: error,
      });
    }
    return bus;
  }

  subscribe<Name extends EventName>(name: Name, handler: EventHandler<Name>): () => void {
    return this.localBus.subscribe(name, handler);
  }

  async publish(event: DomainEvent): Promise<void> {
    if (this.closed) return;
    // Typed as what the schema accepts, so an event added to the catalogue without a schema does not compile.
    const frame: z.input<typeof domainEventSchema> = event;
    try {
      await this.publisher.publish(this.channel, JSON.stringify(frame));
    } catch (error) {
      this.options.logger.error(
        { err: error, event: event.name, eventId: event.id },
        'Redis publish failed; the event reaches this process only',
      );
      await this.localBus.publish(event);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([closeConnection(this.subscriber), closeConnection(this.publisher)]);
    await this.dispatching;
    await this.localBus.close();
  }

  private receiveFrame(frame: string): void {
    const parsed = parseEventFrame(frame);
    if (!parsed.ok) {
      // The frame itself is not logged: it may carry customers' messages.
      this.options.logger.warn(
        { channel: this.channel, reason: parsed.reason, frameLength: frame.length },
        'ignored an event frame from Redis',
      );
      return;
    }
    this.dispatching = this.dispatching.then(() => this.localBus.publish(parsed.event));
  }
}

const eventEnvelopeSchema = z.object({ name: z.string() });

/** Every catalogued event as it travels outside the process (Redis frames, job payloads): parsed, not trusted. */
export const domainEventSchema = z.discriminatedUnion('name', [
  eventSchema('customer.created', z.object({ customerId: z.string(), channel: z.string() })),
  eventSchema('conversation.created', z.object({ conversation: conversationSchema })),
  eventSchema(
    'conversation.assigned',
    z.object({
      conversation: conversationSchema,
      assigneeId: z.string(),
      previousAssigneeId: z.string().nullable(),
    }),
  ),
  eventSchema(
    'conversation.handed_off',
    z.object({
      conversation: conversationSchema,
      reason: z.string(),
      summary: handoffSummarySchema.nullable(),
    }),
  ),
  eventSchema(
    'conversation.handed_back',
    z.object({ conversation: conversationSchema, agentId: z.string() }),
  ),
  eventSchema(
    'conversation.resolved',
    z.object({ conversation: conversationSchema, resolvedBy: z.string().nullable() }),
  ),
  eventSchema(
    'conversation.reopened',
    z.object({ conversation: conversationSchema, reopenedBy: z.string().nullable() }),
  ),
  eventSchema('message.created', z.object({ message: messageSchema, conversation: conversationSchema })),
  eventSchema(
    'message.received',
    z.object({
      messageId: z.string(),
      conversationId: z.string(),
      customerId: z.string(),
      channel: channelKindSchema,
    }),
  ),
  eventSchema(
    'message.answered',
    z.object({
      messageId: z.string(),
      conversationId: z.string(),
      answeredBy: z.string().nullable(),
      replyIds: z.array(z.string()),
    }),
  ),
  eventSchema(
    'message.dispatched',
    z.object({ customerId: z.string(), conversationId: z.string(), message: messageSchema }),
  ),
  eventSchema(
    'conversation.classified',
    z.object({
      conversation: conversationSchema,
      category: z.string(),
      priority: z.string(),
      changedBy: z.string().nullable(),
    }),
  ),
  eventSchema(
    'conversation.transferred',
    z.object({
      conversation: conversationSchema,
      fromAgentId: z.string(),
      toAgentId: z.string().nullable(),
      toTeamId: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  eventSchema(
    'conversation.requeued',
    z.object({
      conversation: conversationSchema,
      previousAssigneeId: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  eventSchema('handoff.summary_refreshed', z.object({ conversation: conversationSchema })),
  eventSchema(
    'agent.presence_changed',
    z.object({ agentId: z.string(), presence: z.string(), previousPresence: z.string() }),
  ),
  eventSchema('ticket.created', z.object({ ticket: ticketSchema })),
  eventSchema('ticket.updated', z.object({ ticket: ticketSchema, action: z.string() })),
  eventSchema('ticket.sla_warning', slaAlertSchema),
  eventSchema('ticket.sla_breached', slaAlertSchema),
  eventSchema(
    'csat.submitted',
    z.object({
      conversationId: z.string(),
      surveyId: z.string(),
      rating: z.number(),
      agentId: z.string().nullable(),
    }),
  ),
  eventSchema('knowledge.entry_published', z.object({ entryId: z.string(), version: z.number() })),
  eventSchema('knowledge.entry_unpublished', z.object({ entryId: z.string() })),
  eventSchema('intents.model_promoted', z.object({ modelId: z.string().nullable() })),
  eventSchema(
    'order.action_taken',
    z.object({
      orderNumber: z.string(),
      action: z.string(),
      actorType: z.enum(['agent', 'bot']),
      agentId: z.string().nullable(),
      conversationId: z.string(),
      customerId: z.string(),
    }),
  ),
  eventSchema(
    'commerce.order_updated',
    z.object({
      orderNumber: z.string(),
      shopCustomerId: z.string(),
      status: z.string(),
      previousStatus: z.string().nullable(),
    }),
  ),
  eventSchema(
    'commerce.shipment_updated',
    z.object({
      orderNumber: z.string(),
      shopCustomerId: z.string(),
      trackingNumber: z.string(),
      carrierName: z.string(),
      carrierNameEn: z.string(),
      status: z.string(),
      previousStatus: z.string().nullable(),
    }),
  ),
  eventSchema('analytics.spike_detected', z.object({ alert: spikeAlertNoticeSchema })),
]);

type ParsedFrame = { ok: true; event: DomainEvent } | { ok: false; reason: string };

/** Frames come from the network: parse and narrow them, never trust them. */
function parseEventFrame(frame: string): ParsedFrame {
  let json: unknown;
  try {
    json = JSON.parse(frame);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: 'no event name' };
  // During a rolling deploy a newer process may publish events that this one does not know yet.
  if (!isEventName(envelope.data.name))
    return { ok: false, reason: `unknown event ${envelope.data.name.slice(0, 100)}` };
  const event = domainEventSchema.safeParse(json);
  if (!event.success) {
    const problems = event.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, reason: problems.join('; ') };
  }
  return { ok: true, event: event.data };
}

/** The payload schema must produce the catalogue's payload type for that name. */
function eventSchema<Name extends EventName, Payload extends z.ZodType<EventCatalog[Name]>>(
  name: Name,
  payload: Payload,
) {
  return z.object({ id: z.string(), name: z.literal(name), payload, occurredAt: z.string() });
}

function openConnection(
  options: RedisEventBusOptions,
  connectionName: string,
  overrides: RedisOptions,
): Redis {
  const connection = new Redis(options.url, { lazyConnect: true, connectionName, ...overrides });
  // Without a listener ioredis prints every failed reconnect attempt to stderr.
  connection.on('error', (error: unknown) =>
    options.logger.error({ err: error, connection: connectionName }, 'Redis connection error'),
  );
  return connection;
}

async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}
