// Whether a reply is pushed to the shopper's app is decided from the app sockets of every instance: two Kefu
// instances on one database, the app connected to B, the reply handled by A.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import { RecordingSocket, requestJson, startVisitorSession, toWebSocketUrl } from './helpers/http';
import { startLoopbackServer } from './helpers/loopbackServer';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const pushSecret = `whsec_${Buffer.from('push gateway secret of the test, 32 bytes').toString('base64')}`;

for (const target of testDatabaseTargets()) {
  describe(`app push decided across instances (${target.dialect})`, () => {
    let database: TestDatabase;
    let gateway: Awaited<ReturnType<typeof startLoopbackServer>>;
    let instanceA: TestServer;
    let instanceB: TestServer | null = null;
    let agentToken: string;
    const sockets: RecordingSocket[] = [];

    const startInstance = (pollIntervalMs: number) =>
      startTestServer({
        dialect: target.dialect,
        sharedDatabaseUrl: database.url,
        environment: {
          KEFU_PUSH_GATEWAY_URL: `${gateway.baseUrl}/push`,
          KEFU_PUSH_GATEWAY_SECRET: pushSecret,
          KEFU_PRESENCE_GRACE_MS: '1500',
        },
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs },
      });

    before(async () => {
      database = await target.create();
      gateway = await startLoopbackServer(() => ({ status: 200, body: { ok: true } }));
      // A takes the jobs its own requests set off; B seldom looks for others, so A decides about the push.
      instanceA = await startInstance(20);
      instanceB = await startInstance(600_000);
      agentToken = await instanceA.loginAdmin();
    });
    after(async () => {
      for (const socket of sockets) socket.close();
      await instanceB?.close();
      await instanceA.close();
      await gateway.close();
      await database.drop();
    });

    const pushesFor = (text: string) => gateway.requests.filter((request) => request.body.includes(text));
    const replyOnA = async (conversationId: string, text: string): Promise<Message> => {
      const path = `/api/v1/agent/conversations/${conversationId}`;
      await requestJson(instanceA.baseUrl, 'POST', `${path}/takeover`, { token: agentToken, body: {} });
      const sent = await requestJson<{ message: Message }>(instanceA.baseUrl, 'POST', `${path}/messages`, {
        token: agentToken,
        body: { text },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      return sent.body.message;
    };
    const pushJobDone = async (messageId: string) => {
      const jobs = await instanceA.kefu.services.database.db
        .selectFrom('jobs')
        .select(['payload', 'status'])
        .where('name', '=', 'event:channels.push_app_message')
        .execute();
      return jobs.some((job) => job.payload.includes(messageId) && job.status === 'completed');
    };

    test('the app open on B: a reply handled by A is not pushed; once B is gone, after the grace, it is', async () => {
      const app = await startVisitorSession(instanceB?.baseUrl ?? '', { channel: 'app', locale: 'zh-CN' });
      const registered = await requestJson(
        instanceB?.baseUrl ?? '',
        'POST',
        '/api/v1/visitor/push-registrations',
        { token: app.token, body: { token: 'apns-device-token-of-the-shopper-0001', platform: 'ios' } },
      );
      assert.equal(registered.status, 204);
      const socket = await RecordingSocket.connect(
        toWebSocketUrl(instanceB?.baseUrl ?? '', `/api/v1/visitor/ws?token=${encodeURIComponent(app.token)}`),
      );
      sockets.push(socket);
      const connectedForA = () => instanceA.kefu.services.channels.appConnections.isConnected(app.customerId);
      await waitUntil(connectedForA, { description: 'A sees the app open on B' });
      assert.equal(instanceA.kefu.services.gateway.connectionCounts().visitors, 0, 'no socket on A itself');

      const whileOpen = `应用打开时的回复 ${target.dialect}`;
      const sentWhileOpen = await replyOnA(app.conversationId, whileOpen);
      await waitUntil(() => pushJobDone(sentWhileOpen.id), {
        description: 'the push job ran',
        timeoutMs: 60_000,
      });
      assert.equal(pushesFor(whileOpen).length, 0, 'the open app needs no push');

      // B stops without a word to the others: its app rows stay until the grace period has passed.
      await instanceB?.close();
      instanceB = null;
      await waitUntil(async () => !(await connectedForA()), {
        description: "B's app socket expired after the grace period",
        timeoutMs: 60_000,
      });
      const whileGone = `应用关闭后的回复 ${target.dialect}`;
      await replyOnA(app.conversationId, whileGone);
      await waitUntil(() => pushesFor(whileGone).length === 1, {
        description: 'the reply pushed',
        timeoutMs: 60_000,
      });
      const rowsLeft = async () =>
        (
          await instanceA.kefu.services.database.db
            .selectFrom('app_connections')
            .select('id')
            .where('customer_id', '=', app.customerId)
            .execute()
        ).length;
      await waitUntil(async () => (await rowsLeft()) === 0, {
        description: "A's sweep removed B's expired row",
      });
    });
  });
}
