// KefuVisitorClient against the real server (SQLite, demo data) over HTTP and a real WebSocket.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../server/test/helpers/testServer';
import type { VisitorServerEvent } from './types';
import {
  createClientMessageId,
  KefuApiError,
  KefuVisitorClient,
  type FetchLike,
  type KefuVisitorClientEvents,
  type KefuVisitorClientOptions,
} from './visitorClient';
import { waitForClientEvent, waitUntil } from './testWaits';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server.close();
});

test('starts a session, sends a message and receives the bot reply', async () => {
  const client = createClient();
  const session = await client.startSession();
  assert.match(session.conversationId, /^conv_/);
  const { message, replies } = await client.sendMessage('你好');
  assert.equal(message.sender, 'customer');
  assert.equal(message.text, '你好');
  assert.ok(replies.length >= 1 && replies.every((reply) => reply.sender === 'bot'));
  const history = await client.listMessages();
  assert.deepEqual(
    history.slice(-1 - replies.length).map((entry) => entry.id),
    [message.id, ...replies.map((reply) => reply.id)],
  );
});

test('sending the same clientMessageId twice stores the message once', async () => {
  const client = createClient();
  const clientMessageId = createClientMessageId();
  const first = await client.sendMessage('订单什么时候发货？', clientMessageId);
  const second = await client.sendMessage('订单什么时候发货？', clientMessageId);
  assert.equal(second.message.id, first.message.id);
  const stored = (await client.listMessages()).filter(
    (message) => message.clientMessageId === clientMessageId,
  );
  assert.equal(stored.length, 1);
});

test('a returning visitor resumes the same conversation with the token it was given, and gets a new one', async () => {
  const firstClient = createClient();
  const firstSession = await firstClient.startSession();
  const { message } = await firstClient.sendMessage('你好');
  const returningClient = createClient({ token: firstSession.token });
  const returningSession = await returningClient.startSession();
  assert.equal(returningSession.visitorId, firstSession.visitorId);
  assert.equal(returningSession.conversationId, firstSession.conversationId);
  assert.notEqual(returningSession.token, firstSession.token);
  assert.ok((await returningClient.listMessages()).some((entry) => entry.id === message.id));
});

test('a visitor id without its token starts a new visitor with an empty conversation', async () => {
  const shopper = createClient();
  const shopperSession = await shopper.startSession();
  await shopper.sendMessage('我的电话是 13700000001');
  const stranger = createClient({ visitorId: shopperSession.visitorId, name: '改名' });
  const strangerSession = await stranger.startSession();
  assert.notEqual(strangerSession.visitorId, shopperSession.visitorId);
  assert.notEqual(strangerSession.customerId, shopperSession.customerId);
  assert.notEqual(strangerSession.conversationId, shopperSession.conversationId);
  assert.deepEqual(await stranger.listMessages(), []);
});

test('a rejected token is replaced by a new session for the same visitor', async () => {
  let corruptNextAuthorization = false;
  const corruptingFetch: FetchLike = (url, init) => {
    if (corruptNextAuthorization && init.headers.authorization) {
      corruptNextAuthorization = false;
      return globalThis.fetch(url, {
        ...init,
        headers: { ...init.headers, authorization: 'Bearer expired' },
      });
    }
    return globalThis.fetch(url, init);
  };
  const client = createClient({ fetch: corruptingFetch });
  const sessions: string[] = [];
  client.on('session', (session) => sessions.push(session.token));
  const firstSession = await client.startSession();
  corruptNextAuthorization = true;
  const { message } = await client.sendMessage('还在吗');
  assert.equal(message.text, '还在吗');
  assert.equal(sessions.length, 2);
  assert.equal(client.session?.visitorId, firstSession.visitorId);
  assert.equal(client.session?.conversationId, firstSession.conversationId);
});

test('bad input becomes a typed KefuApiError and stores nothing', async () => {
  const client = createClient();
  const before = (await client.listMessages()).length;
  await assert.rejects(client.sendMessage('长'.repeat(4001)), (error: unknown) => {
    assert.ok(error instanceof KefuApiError);
    assert.equal(error.status, 400);
    assert.ok(error.code.length > 0 && error.message.length > 0);
    return true;
  });
  assert.equal((await client.listMessages()).length, before);
});

test('the WebSocket pushes an agent reply live and reconnects after a drop', async () => {
  const client = createClient({ reconnectDelayMs: 50 });
  const events: VisitorServerEvent[] = [];
  client.on('event', (event) => events.push(event));
  const session = await client.startSession();
  await client.sendMessage('我要转人工');
  const opened = waitFor(client, 'connection', (state) => state === 'open');
  client.connect();
  await opened;

  const agentToken = await server.loginAdmin();
  const agentText = `人工客服在此 ${Date.now()}`;
  await postAsAgent(agentToken, `/api/v1/agent/conversations/${session.conversationId}/takeover`, {});
  await postAsAgent(agentToken, `/api/v1/agent/conversations/${session.conversationId}/messages`, {
    text: agentText,
  });
  await waitUntil(() =>
    events.some(
      (event) =>
        event.type === 'message.created' &&
        event.message.sender === 'agent' &&
        event.message.text === agentText,
    ),
  );
  assert.ok(events.some((event) => event.type === 'conversation.updated' && event.status === 'assigned'));

  const reconnected = waitFor(client, 'reconnected', () => true);
  server.kefu.services.gateway.closeAll();
  await reconnected;
  const secondText = `重连之后 ${Date.now()}`;
  await postAsAgent(agentToken, `/api/v1/agent/conversations/${session.conversationId}/messages`, {
    text: secondText,
  });
  await waitUntil(() =>
    events.some((event) => event.type === 'message.created' && event.message.text === secondText),
  );
  client.disconnect();
});

function createClient(overrides: Partial<KefuVisitorClientOptions> = {}): KefuVisitorClient {
  return new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN', WebSocket, ...overrides });
}

async function postAsAgent(token: string, path: string, payload: object): Promise<void> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  assert.ok(response.ok, `POST ${path} answered ${response.status}: ${await response.text()}`);
}

function waitFor<K extends keyof KefuVisitorClientEvents>(
  client: KefuVisitorClient,
  name: K,
  predicate: (payload: KefuVisitorClientEvents[K]) => boolean,
): Promise<void> {
  return waitForClientEvent<KefuVisitorClientEvents, K>(client, name, predicate);
}
