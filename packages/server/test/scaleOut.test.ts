import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import type { Conversation, Message, VisitorSessionResponse } from '@kefu/sdk';
import type { DomainEvent } from '../src/events/catalog';
import type { EventOfName } from '../src/events/eventBus';
import type { EventBusLogger } from '../src/events/redisEventBus';
import { RedisEventBus } from '../src/events/redisEventBus';
import { encodeJobId } from '../src/jobs/redisJobQueue';
import { RecordingSocket, messageWithText, requestJson, toWebSocketUrl } from './helpers/http';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import { testRedisUrl } from './helpers/testRedis';
import type { TestServer, TestServerOptions } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const redisUrl = testRedisUrl();
const postgresTarget = testDatabaseTargets().find((target) => target.dialect === 'postgres');

describe('RedisEventBus', { skip: redisUrl === null && 'KEFU_TEST_REDIS_URL not set' }, () => {
  const openBuses: RedisEventBus[] = [];
  let rawClient: Redis;
  before(() => {
    rawClient = new Redis(requireRedisUrl());
  });
  after(async () => {
    for (const bus of openBuses) await bus.close();
    await rawClient.quit();
  });
  const connectBus = async (channel: string, logger: EventBusLogger, reported: DomainEvent[] = []) => {
    const bus = await RedisEventBus.connect({
      url: requireRedisUrl(),
      channel,
      logger,
      reportHandlerError: (_error, event) => reported.push(event),
    });
    openBuses.push(bus);
    return bus;
  };

  test('an event published on one bus reaches the handlers on both, once, in order', async () => {
    const channel = uniqueChannel();
    const reportedOnB: DomainEvent[] = [];
    const busA = await connectBus(channel, new RecordingLogger());
    const busB = await connectBus(channel, new RecordingLogger(), reportedOnB);
    const messagesOnA = new EventRecorder();
    const messagesOnB = new EventRecorder();
    const resolvedOnB = new EventRecorder();
    busA.subscribe('message.created', messagesOnA.record);
    busB.subscribe('message.created', messagesOnB.record);
    busB.subscribe('conversation.resolved', resolvedOnB.record);
    busB.subscribe('message.created', () => {
      throw new Error('a failing listener must not stop the others');
    });

    const first = messageCreatedEvent('first');
    const second = messageCreatedEvent('second');
    await busA.publish(first);
    await busB.publish(second);
    await Promise.all([messagesOnA.waitFor(second.id), messagesOnB.waitFor(second.id)]);

    assert.deepEqual(messagesOnA.received, [first, second]);
    assert.deepEqual(messagesOnB.received, [first, second]);
    assert.deepEqual(resolvedOnB.received, []);
    assert.deepEqual(
      reportedOnB.map((event) => event.id),
      [first.id, second.id],
    );
  });

  test('malformed frames and unknown events are logged and ignored; later events still arrive', async () => {
    const channel = uniqueChannel();
    const logger = new RecordingLogger();
    const bus = await connectBus(channel, logger);
    const received = new EventRecorder();
    bus.subscribe('message.created', received.record);
    bus.subscribe('customer.created', received.record);

    const valid = messageCreatedEvent('after the junk');
    const withoutConversation = {
      ...valid,
      id: 'evt_bad_payload',
      payload: { message: valid.payload.message },
    };
    const badSender = {
      ...valid,
      id: 'evt_bad_sender',
      payload: { ...valid.payload, message: { ...valid.payload.message, sender: 'hacker' } },
    };
    const junkFrames = [
      'not json {',
      '[1, 2, 3]',
      JSON.stringify({ ...valid, name: 'order.exploded' }),
      JSON.stringify(withoutConversation),
      JSON.stringify(badSender),
      JSON.stringify({ ...customerCreatedEvent(), occurredAt: 12 }),
    ];
    for (const frame of junkFrames) await rawClient.publish(channel, frame);
    await bus.publish(valid);

    await received.waitFor(valid.id);
    assert.deepEqual(received.received, [valid]);
    assert.equal(logger.warnings.length, junkFrames.length);
    assert.match(logger.warnings[0] ?? '', /not JSON/);
    assert.match(logger.warnings[1] ?? '', /no event name/);
    assert.match(logger.warnings[2] ?? '', /unknown event order\.exploded/);
    assert.match(logger.warnings[3] ?? '', /conversation/);
    assert.match(logger.warnings[4] ?? '', /sender/);
    assert.match(logger.warnings[5] ?? '', /occurredAt/);
  });

  test('close quits both connections and leaves the other process subscribed', async () => {
    const channel = uniqueChannel();
    const busA = await connectBus(channel, new RecordingLogger());
    const busB = await connectBus(channel, new RecordingLogger());
    const onA = new EventRecorder();
    const onB = new EventRecorder();
    busA.subscribe('customer.created', onA.record);
    busB.subscribe('customer.created', onB.record);
    assert.equal(await countConnections(rawClient, channel), 4);
    assert.equal(await countSubscribers(rawClient, channel), 2);

    await busA.close();
    await waitUntil(async () => (await countConnections(rawClient, channel)) === 2);
    assert.equal(await countSubscribers(rawClient, channel), 1);
    const event = customerCreatedEvent();
    await busB.publish(event);
    await busA.publish(customerCreatedEvent());
    await onB.waitFor(event.id);
    assert.deepEqual(onA.received, []);

    await busB.close();
    await waitUntil(async () => (await countConnections(rawClient, channel)) === 0);
    assert.equal(await countSubscribers(rawClient, channel), 0);
  });

  test('when Redis refuses a publish, the error is logged and this process still gets the event', async () => {
    // A Redis user that may subscribe but not publish makes the publish fail without breaking the connection.
    const username = `kefu_test_${randomBytes(4).toString('hex')}`;
    const password = randomBytes(12).toString('hex');
    await rawClient.call('ACL', 'SETUSER', username, 'on', `>${password}`, '~*', '&*', '+@all', '-publish');
    try {
      const url = new URL(requireRedisUrl());
      url.username = username;
      url.password = password;
      const logger = new RecordingLogger();
      const bus = await RedisEventBus.connect({
        url: url.toString(),
        channel: uniqueChannel(),
        logger,
        reportHandlerError: () => undefined,
      });
      openBuses.push(bus);
      const received = new EventRecorder();
      bus.subscribe('customer.created', received.record);
      const event = customerCreatedEvent();
      await bus.publish(event);
      assert.deepEqual(received.received, [event]);
      assert.equal(logger.errors.length, 1);
      assert.match(logger.errors[0] ?? '', /Redis publish failed.*NOPERM/);
    } finally {
      await rawClient.call('ACL', 'DELUSER', username);
    }
  });

  test('connecting fails fast when Redis is unreachable', async () => {
    const logger = new RecordingLogger();
    await assert.rejects(
      RedisEventBus.connect({
        url: 'redis://127.0.0.1:1',
        channel: uniqueChannel(),
        logger,
        reportHandlerError: () => undefined,
      }),
      /Could not connect to Redis \(REDIS_URL\)/,
    );
    assert.ok(
      logger.errors.some((entry) => entry.includes('ECONNREFUSED')),
      'the connection error was not logged',
    );
  });
});

describe('two Kefu instances sharing PostgreSQL and Redis', { skip: scaleOutSkipReason() }, () => {
  let database: TestDatabase;
  let serverA: TestServer;
  let serverB: TestServer;
  const sockets: RecordingSocket[] = [];
  before(async () => {
    if (!postgresTarget) throw new Error('KEFU_TEST_DATABASE_URL not set');
    database = await postgresTarget.create();
    // Instances of one deployment share the database, Redis and the secret key (visitor tokens).
    const options: TestServerOptions = {
      dialect: 'postgres',
      sharedDatabaseUrl: database.url,
      environment: { REDIS_URL: requireRedisUrl(), KEFU_SECRET_KEY: randomBytes(32).toString('base64url') },
    };
    serverA = await startTestServer(options);
    serverB = await startTestServer(options);
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    await serverA?.close();
    await serverB?.close();
    await database?.drop();
  });
  const connect = async (server: TestServer, path: string) => {
    const socket = await RecordingSocket.connect(toWebSocketUrl(server.baseUrl, path));
    sockets.push(socket);
    return socket;
  };

  test('shopper on instance A and agent on instance B see each other live', async () => {
    const adminToken = await serverB.loginAdmin();
    const agentSocketOnB = await connect(serverB, `/api/v1/agent/ws?token=${adminToken}`);
    await agentSocketOnB.waitFor((frame) => frame.type === 'ready');
    const session = await requestJson<VisitorSessionResponse>(
      serverA.baseUrl,
      'POST',
      '/api/v1/visitor/sessions',
      {
        body: {},
      },
    );
    assertSucceeded(session);
    const visitorSocketOnA = await connect(serverA, `/api/v1/visitor/ws?token=${session.body.token}`);

    const question = await requestJson(serverA.baseUrl, 'POST', '/api/v1/visitor/messages', {
      token: session.body.token,
      body: { text: '我的快递到哪了' },
    });
    assertSucceeded(question);
    const arrived = await agentSocketOnB.waitFor(messageWithText('我的快递到哪了'));
    assert.equal(conversationIdOf(arrived), session.body.conversationId);

    const path = `/api/v1/agent/conversations/${session.body.conversationId}`;
    const takeover = await requestJson(serverB.baseUrl, 'POST', `${path}/takeover`, { token: adminToken });
    assertSucceeded(takeover);
    await visitorSocketOnA.waitFor(
      (frame) => frame.type === 'conversation.updated' && frame.status === 'assigned',
    );
    for (const body of [{ text: 'internal: check SF', private: true }, { text: '帮您查一下，请稍等' }]) {
      const reply = await requestJson(serverB.baseUrl, 'POST', `${path}/messages`, {
        token: adminToken,
        body,
      });
      assertSucceeded(reply);
    }
    await visitorSocketOnA.waitFor(messageWithText('帮您查一下，请稍等'));
    await agentSocketOnB.waitFor(messageWithText('internal: check SF'));

    // Any instance serves any request: the shopper's next message goes through B and still reaches A's socket.
    // Redis delivers in publish order, so once it is there every earlier frame has arrived.
    const followUp = await requestJson(serverB.baseUrl, 'POST', '/api/v1/visitor/messages', {
      token: session.body.token,
      body: { text: '好的，谢谢' },
    });
    assertSucceeded(followUp);
    await visitorSocketOnA.waitFor(messageWithText('好的，谢谢'));
    await agentSocketOnB.waitFor(messageWithText('好的，谢谢'));
    assert.equal(visitorSocketOnA.frames.filter(messageWithText('帮您查一下，请稍等')).length, 1);
    assert.equal(agentSocketOnB.frames.filter(messageWithText('我的快递到哪了')).length, 1);
    assert.ok(
      !visitorSocketOnA.frames.some(messageWithText('internal: check SF')),
      'a private note reached the shopper',
    );
  });
  test('a handed-off conversation makes one ticket and one queue notice, whichever instance runs the jobs', async () => {
    const shopper = await requestJson<VisitorSessionResponse>(
      serverA.baseUrl,
      'POST',
      '/api/v1/visitor/sessions',
      {
        body: {},
      },
    );
    assertSucceeded(shopper);
    // The message goes through A, the handoff through B: both instances hear the events.
    for (const [server, text] of [
      [serverA, '我的订单KF202611010018一直没收到，快递显示已签收'],
      [serverB, '转人工'],
    ] as const) {
      const sent = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: shopper.body.token,
        body: { text },
      });
      assertSucceeded(sent);
    }
    const db = serverA.kefu.services.database.db;
    const conversationId = shopper.body.conversationId;
    const handedOff = await db
      .selectFrom('outbox_events')
      .select('id')
      .where('name', '=', 'conversation.handed_off')
      .where('payload', 'like', `%${conversationId}%`)
      .execute();
    assert.equal(handedOff.length, 1);
    const eventId = handedOff[0]?.id ?? '';
    // Every listener job of the event finished, each after a single run, on one of the two instances.
    for (const listener of [
      'routing.route_handed_off_conversation',
      'tickets.open_delivery_problem_ticket',
    ]) {
      const jobId = encodeJobId(`${eventId}:${listener}`);
      await waitUntil(
        async () => (await serverB.kefu.services.jobs.find(jobId))?.status === 'completed',
        15_000,
      );
      assert.equal((await serverA.kefu.services.jobs.find(jobId))?.attempts, 1);
    }
    const tickets = await db
      .selectFrom('ticket_links')
      .innerJoin('tickets', 'tickets.id', 'ticket_links.ticket_id')
      .select('tickets.id')
      .where('ticket_links.kind', '=', 'conversation')
      .where('ticket_links.target_id', '=', conversationId)
      .execute();
    assert.equal(tickets.length, 1, 'one ticket for the delivery problem');
    const comments = await db
      .selectFrom('ticket_comments')
      .select('id')
      .where('ticket_id', '=', tickets[0]?.id ?? '')
      .execute();
    assert.equal(comments.length, 0, 'no second run added the question again as a comment');
    const notices = await db
      .selectFrom('messages')
      .select('text')
      .where('conversation_id', '=', conversationId)
      .where('sender', '=', 'system')
      .execute();
    assert.equal(notices.filter((notice) => /第 \d+ 位/.test(notice.text)).length, 1, 'one queue notice');
  });
});

function requireRedisUrl(): string {
  if (redisUrl === null) throw new Error('KEFU_TEST_REDIS_URL not set');
  return redisUrl;
}

function assertSucceeded(response: { status: number; body: unknown }): void {
  assert.ok(
    response.status >= 200 && response.status < 300,
    `HTTP ${response.status}: ${JSON.stringify(response.body)}`,
  );
}

function scaleOutSkipReason(): string | false {
  if (redisUrl === null) return 'KEFU_TEST_REDIS_URL not set';
  if (!postgresTarget) return 'KEFU_TEST_DATABASE_URL not set';
  return false;
}

function uniqueChannel(): string {
  return `kefu:test:${randomBytes(6).toString('hex')}`;
}

function conversationIdOf(frame: Record<string, unknown>): unknown {
  const conversation = frame.conversation;
  return typeof conversation === 'object' && conversation !== null && 'id' in conversation
    ? conversation.id
    : null;
}

class RecordingLogger implements EventBusLogger {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  warn(details: object, message: string): void {
    this.warnings.push(`${message} ${describeDetails(details)}`);
  }
  error(details: object, message: string): void {
    this.errors.push(`${message} ${describeDetails(details)}`);
  }
}

function describeDetails(details: object): string {
  return JSON.stringify(details, (_key, value: unknown) => (value instanceof Error ? value.message : value));
}

/** Records the events a handler received and waits for one by id (already received or coming). */
class EventRecorder {
  readonly received: DomainEvent[] = [];
  private waiters: { eventId: string; resolve: () => void }[] = [];

  readonly record = (event: DomainEvent): void => {
    this.received.push(event);
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.eventId !== event.id) return true;
      waiter.resolve();
      return false;
    });
  };

  waitFor(eventId: string, timeoutMs = 5_000): Promise<void> {
    if (this.received.some((event) => event.id === eventId)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`event ${eventId} did not arrive`)), timeoutMs);
      this.waiters.push({
        eventId,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

/** Connections the buses on `channel` hold, found by the names they give themselves. */
async function countConnections(client: Redis, channel: string): Promise<number> {
  const list = await client.call('CLIENT', 'LIST');
  if (typeof list !== 'string') throw new Error('CLIENT LIST did not answer text');
  return list.split('\n').filter((line) => line.includes(` name=${channel}:`)).length;
}

async function countSubscribers(client: Redis, channel: string): Promise<number> {
  const reply = await client.call('PUBSUB', 'NUMSUB', channel);
  if (!Array.isArray(reply) || typeof reply[1] !== 'number') throw new Error('unexpected PUBSUB reply');
  return reply[1];
}

/** Redis frees a client just after answering its QUIT, so the count is checked until it settles. */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let eventCounter = 0;

function nextEventId(): string {
  eventCounter += 1;
  return `evt_test_${String(eventCounter).padStart(4, '0')}`;
}

function messageCreatedEvent(text: string): EventOfName<'message.created'> {
  const id = nextEventId();
  const occurredAt = new Date().toISOString();
  const conversation: Conversation = {
    id: 'conv_scale_out',
    customerId: 'cus_scale_out',
    channel: 'web',
    status: 'bot',
    priority: 'normal',
    category: null,
    assigneeId: null,
    teamId: null,
    subject: null,
    locale: 'zh-CN',
    lastMessageAt: occurredAt,
    createdAt: occurredAt,
    updatedAt: occurredAt,
    resolvedAt: null,
  };
  const message: Message = {
    id: `msg_of_${id}`,
    conversationId: conversation.id,
    sender: 'customer',
    senderName: null,
    text,
    attachments: [{ name: 'receipt.png', url: 'https://shop.example/receipt.png', contentType: 'image/png' }],
    quickReplies: [],
    card: null,
    isPrivate: false,
    clientMessageId: null,
    createdAt: occurredAt,
  };
  return { id, name: 'message.created', payload: { message, conversation }, occurredAt };
}

function customerCreatedEvent(): DomainEvent {
  return {
    id: nextEventId(),
    name: 'customer.created',
    payload: { customerId: 'cus_scale_out', channel: 'web' },
    occurredAt: new Date().toISOString(),
  };
}
