// KefuAppClient against the real server (SQLite, demo data): the offline queue, its storages, a resend after
// a lost answer, and push-token registration.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../../server/test/helpers/testServer';
import type { KefuAppClientOptions } from './appClient';
import { KefuAppClient } from './appClient';
import type { StorageLike } from './offlineQueue';
import { LocalStorageQueueStorage } from './offlineQueue';
import { waitUntil } from './testWaits';
import type { FetchLike } from './transport';

let server: TestServer;
let agentToken: string;

before(async () => {
  server = await startTestServer();
  agentToken = await server.loginAdmin();
});

after(async () => {
  await server.close();
});

test('messages written offline are queued, then sent once each, in order, when the app is back', async () => {
  const client = createClient({ online: false });
  const session = await client.visitor.startSession();
  const sent: string[] = [];
  client.on('sent', ({ queued }) => sent.push(queued.text));
  await client.send('离线第一条');
  await client.send('离线第二条');
  assert.deepEqual(
    (await client.queued()).map((entry) => entry.text),
    ['离线第一条', '离线第二条'],
  );
  assert.deepEqual(await customerTexts(session.conversationId), []);

  await client.setOnline(true);
  await waitUntil(() => sent.length === 2);
  assert.deepEqual(sent, ['离线第一条', '离线第二条']);
  assert.deepEqual(await client.queued(), []);
  assert.deepEqual(await customerTexts(session.conversationId), ['离线第一条', '离线第二条']);
  client.disconnect();
});

test('a send whose answer was lost stays queued and is stored once when sent again', async () => {
  let loseNextAnswer = true;
  const losingFetch: FetchLike = async (url, init) => {
    const response = await globalThis.fetch(url, init);
    if (loseNextAnswer && url.endsWith('/api/v1/visitor/messages') && init.method === 'POST') {
      loseNextAnswer = false;
      throw new TypeError('network connection lost'); // the server stored it; the app never heard
    }
    return response;
  };
  const client = createClient({ fetch: losingFetch });
  const session = await client.visitor.startSession();
  const queued = await client.send('答复丢了的消息');
  await client.flush();
  assert.deepEqual(
    (await client.queued()).map((entry) => entry.clientMessageId),
    [queued.clientMessageId],
  );
  await client.flush();
  assert.deepEqual(await client.queued(), []);
  assert.deepEqual(await customerTexts(session.conversationId), ['答复丢了的消息']);
});

test('the localStorage queue survives a restart of the app and is sent by the next run', async () => {
  const storage = new MapStorage();
  const firstRun = createClient({ online: false, storage: new LocalStorageQueueStorage(storage) });
  const session = await firstRun.visitor.startSession();
  await firstRun.send('关掉应用前写的');
  assert.ok(storage.values.get('kefu.offlineQueue')?.includes('关掉应用前写的'));

  const nextRun = createClient({ token: session.token, storage: new LocalStorageQueueStorage(storage) });
  await nextRun.flush();
  assert.equal(storage.values.has('kefu.offlineQueue'), false);
  assert.deepEqual(await customerTexts(session.conversationId), ['关掉应用前写的']);
  storage.values.set('kefu.offlineQueue', 'not json');
  assert.deepEqual(await new LocalStorageQueueStorage(storage).load(), []);
});

test('a message Kefu refuses for good is dropped and reported; the rest are still sent', async () => {
  const client = createClient({ online: false });
  const session = await client.visitor.startSession();
  const failed: number[] = [];
  client.on('failed', ({ error }) => failed.push(error.status));
  await client.send('长'.repeat(4001));
  await client.send('正常的一条');
  await client.setOnline(true);
  assert.deepEqual(failed, [400]);
  assert.deepEqual(await client.queued(), []);
  assert.deepEqual(await customerTexts(session.conversationId), ['正常的一条']);
  client.disconnect();
});

test('the app registers and removes its push token; a malformed token is refused', async () => {
  const client = createClient();
  await client.registerPushToken('device-token-of-the-sdk-test', 'ios');
  await client.unregisterPushToken('device-token-of-the-sdk-test');
  await assert.rejects(client.registerPushToken('short', 'ios'), { status: 400 });
});

function createClient(overrides: Partial<KefuAppClientOptions> = {}): KefuAppClient {
  return new KefuAppClient({ baseUrl: server.baseUrl, locale: 'zh-CN', WebSocket, ...overrides });
}

async function customerTexts(conversationId: string): Promise<string[]> {
  const response = await fetch(`${server.baseUrl}/api/v1/agent/conversations/${conversationId}/messages`, {
    headers: { authorization: `Bearer ${agentToken}` },
  });
  assert.equal(response.status, 200);
  const body: unknown = await response.json();
  assert.ok(typeof body === 'object' && body !== null && 'messages' in body && Array.isArray(body.messages));
  return body.messages.flatMap((message: unknown) =>
    typeof message === 'object' &&
    message !== null &&
    'sender' in message &&
    message.sender === 'customer' &&
    'text' in message &&
    typeof message.text === 'string'
      ? [message.text]
      : [],
  );
}

class MapStorage implements StorageLike {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
}
