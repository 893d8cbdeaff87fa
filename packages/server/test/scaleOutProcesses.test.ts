import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import type { KefuDatabase } from '../src/db/database';
import { openDatabase } from '../src/db/database';
import type { ChildServer } from './helpers/childServer';
import { spawnServer } from './helpers/childServer';
import { queueNoticePattern, readHandoffOutcome } from './helpers/handoffOutcome';
import { RecordingSocket, messageWithText, requestJson, toWebSocketUrl } from './helpers/http';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import { testRedisUrl } from './helpers/testRedis';
import { testAdminEmail, testAdminPassword } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const redisUrl = testRedisUrl();
const postgresTarget = testDatabaseTargets().find((target) => target.dialect === 'postgres');
const skipReason =
  redisUrl === null ? 'KEFU_TEST_REDIS_URL not set' : !postgresTarget && 'KEFU_TEST_DATABASE_URL not set';

// Two boots of the whole server on a loaded machine, and every job of a handoff: waits are long.
const slowMachineMs = 120_000;

describe('two Kefu processes sharing PostgreSQL and Redis', { skip: skipReason }, () => {
  let database: TestDatabase | undefined;
  let store: KefuDatabase | undefined;
  const processes: ChildServer[] = [];
  const sockets: RecordingSocket[] = [];
  const directories: string[] = [];
  before(async () => {
    if (!postgresTarget || redisUrl === null) throw new Error('PostgreSQL and Redis are needed');
    database = await postgresTarget.create();
    // One deployment: the same database, Redis keys and secret key; each process has its own data directory.
    const deployment = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      KEFU_REDIS_CHANNEL: `kefu:test:${randomBytes(6).toString('hex')}`,
      KEFU_SECRET_KEY: randomBytes(32).toString('base64url'),
      KEFU_ADMIN_EMAIL: testAdminEmail,
      KEFU_ADMIN_PASSWORD: testAdminPassword,
    };
    // One after the other, so the first has seeded the demo shop when the second starts.
    for (let index = 0; index < 2; index += 1) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-scale-out-'));
      directories.push(dataDir);
      processes.push(await spawnServer({ ...deployment, KEFU_DATA_DIR: dataDir }));
    }
    store = await openDatabase(database.url);
  });
  after(async () => {
    for (const socket of sockets) socket.close();
    for (const server of processes) {
      if (server.child.exitCode !== null) continue;
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await store?.close();
    await database?.drop();
    for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  });

  test(
    'a handed-off conversation makes one ticket and one notification, though both processes hear it',
    { timeout: 600_000 },
    async () => {
      const [first, second] = processes;
      if (!first || !second || !store) throw new Error('the processes did not start');
      const db = store.db;
      const login = await requestJson<{ token: string }>(first.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: testAdminEmail, password: testAdminPassword },
      });
      assert.equal(login.status, 200);
      const agentSockets = [];
      for (const server of processes)
        agentSockets.push(await connect(server, `/api/v1/agent/ws?token=${login.body.token}`));
      for (const socket of agentSockets)
        await socket.waitFor((frame) => frame.type === 'ready', slowMachineMs);

      const shopper = await requestJson<VisitorSessionResponse>(
        first.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body: {},
        },
      );
      assert.equal(shopper.status, 201);
      const conversationId = shopper.body.conversationId;
      const shopperSocket = await connect(first, `/api/v1/visitor/ws?token=${shopper.body.token}`);
      // The message goes through the first process, the handoff through the second.
      for (const [server, text] of [
        [first, '我的订单KF202611010018一直没收到，快递显示已签收'],
        [second, '转人工'],
      ] as const) {
        const sent = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
          token: shopper.body.token,
          body: { text },
        });
        assert.equal(sent.status, 201, JSON.stringify(sent.body));
      }

      // The notification: the shopper is told their place in the queue, over the WebSocket.
      const notice = await shopperSocket.waitFor(
        (frame) =>
          frame.type === 'message.created' &&
          typeof frame.message === 'object' &&
          frame.message !== null &&
          'text' in frame.message &&
          typeof frame.message.text === 'string' &&
          queueNoticePattern.test(frame.message.text),
        slowMachineMs,
      );
      const handedOff = (frame: Record<string, unknown>) =>
        frame.type === 'conversation.updated' &&
        frame.event === 'conversation.handed_off' &&
        typeof frame.conversation === 'object' &&
        frame.conversation !== null &&
        'id' in frame.conversation &&
        frame.conversation.id === conversationId;
      for (const socket of agentSockets) await socket.waitFor(handedOff, slowMachineMs);
      await waitUntil(async () => (await readHandoffOutcome(db, conversationId)).ticketIds.length > 0, {
        timeoutMs: slowMachineMs,
        description: 'the ticket of the handed-off conversation',
      });

      // A later message through the other process: its frames come after any repeat of the earlier ones
      // (one Redis channel, deliveries in order per conversation), so counting then is final.
      const followUp = await requestJson(second.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: shopper.body.token,
        body: { text: '好的，我等一下' },
      });
      assert.equal(followUp.status, 201);
      await shopperSocket.waitFor(messageWithText('好的，我等一下'), slowMachineMs);
      for (const socket of agentSockets)
        await socket.waitFor(messageWithText('好的，我等一下'), slowMachineMs);

      const outcome = await readHandoffOutcome(db, conversationId);
      assert.equal(outcome.ticketIds.length, 1, 'one ticket for the delivery problem');
      assert.equal(outcome.commentCount, 0, 'no second run added the question again as a comment');
      assert.equal(outcome.queueNotices.length, 1, 'one queue notice');
      const noticeId = outcome.queueNotices[0]?.id ?? '';
      assert.ok(
        typeof notice.message === 'object' && notice.message !== null && 'id' in notice.message,
        'the frame carries the message',
      );
      assert.equal(notice.message.id, noticeId);
      const deliveries = () =>
        db
          .selectFrom('message_deliveries')
          .select(['status', 'attempts'])
          .where('message_id', '=', noticeId)
          .execute();
      // The notice's frame went out when its message was stored; its delivery job runs after that, on either
      // process (BullMQ runs nothing in the request), and nothing above waited for it.
      await waitUntil(
        async () => {
          const rows = await deliveries();
          return rows.length > 0 && rows.every((row) => row.status === 'sent' || row.status === 'failed');
        },
        { timeoutMs: slowMachineMs, description: 'the notice’s delivery settled' },
      );
      assert.deepEqual(
        await deliveries(),
        [{ status: 'sent', attempts: 1 }],
        'the notice was delivered once',
      );
      const noticeFrames = shopperSocket.frames.filter(
        (frame) =>
          frame.type === 'message.created' &&
          typeof frame.message === 'object' &&
          frame.message !== null &&
          'id' in frame.message &&
          frame.message.id === noticeId,
      );
      assert.equal(noticeFrames.length, 1, 'the shopper saw the notice once');
      for (const socket of agentSockets)
        assert.equal(socket.frames.filter(handedOff).length, 1, 'each console heard of the handoff once');
      const handoffEvents = await db
        .selectFrom('outbox_events')
        .select('id')
        .where('name', '=', 'conversation.handed_off')
        .where('payload', 'like', `%${conversationId}%`)
        .execute();
      assert.equal(handoffEvents.length, 1, 'one handoff event');
      for (const server of processes) assert.equal(server.child.exitCode, null, server.output());
    },
  );

  async function connect(server: ChildServer, socketPath: string): Promise<RecordingSocket> {
    const socket = await RecordingSocket.connect(toWebSocketUrl(server.baseUrl, socketPath));
    sockets.push(socket);
    return socket;
  }
});
