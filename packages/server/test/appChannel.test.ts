// Apps on `@kefu/sdk` (channel `app`): their own sessions, a resend after a lost answer stored once, push
// tokens sealed at rest, and a signed push to the gateway (a loopback server) for a message the app has no
// socket open for.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, SendMessageResponse } from '@kefu/sdk';
import { verifyWebhook } from '../src/modules/channels/webhook/standardWebhookSignature';
import { requestJson, RecordingSocket, startVisitorSession, toWebSocketUrl } from './helpers/http';
import type { RecordedRequest } from './helpers/loopbackServer';
import { startLoopbackServer } from './helpers/loopbackServer';
import { readRaw } from './helpers/readRaw';
import { shopIdentitySecret, signShopCustomer } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const pushSecret = `whsec_${Buffer.from('push gateway secret of the test, 32 bytes').toString('base64')}`;

for (const { dialect } of testDatabaseTargets()) {
  describe(`app channel (${dialect})`, () => {
    let server: TestServer;
    let gateway: Awaited<ReturnType<typeof startLoopbackServer>>;
    let gatewayFailures = 0;
    let agentToken: string;

    before(async () => {
      gateway = await startLoopbackServer(() => {
        if (gatewayFailures === 0) return { status: 200, body: { ok: true } };
        gatewayFailures -= 1;
        return { status: 503 };
      });
      server = await startTestServer({
        dialect,
        environment: {
          KEFU_PUSH_GATEWAY_URL: `${gateway.baseUrl}/push`,
          KEFU_PUSH_GATEWAY_SECRET: pushSecret,
          KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret,
        },
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      agentToken = await server.loginAdmin();
    });
    after(async () => {
      await server.close();
      await gateway.close();
    });

    const startSession = (body: object, resumeToken?: string) =>
      startVisitorSession(server.baseUrl, body, resumeToken);
    const signedInApp = (shopCustomerId: string) =>
      startSession({
        channel: 'app',
        locale: 'zh-CN',
        identity: { shopCustomerId, signature: signShopCustomer(shopCustomerId) },
      });
    const agentMessages = async (conversationId: string) => {
      const response = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${conversationId}/messages`,
        { token: agentToken },
      );
      assert.equal(response.status, 200);
      return response.body.messages;
    };
    const agentSays = async (conversationId: string, text: string) => {
      await requestJson(server.baseUrl, 'POST', `/api/v1/agent/conversations/${conversationId}/takeover`, {
        token: agentToken,
        body: {},
      });
      const sent = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${conversationId}/messages`,
        { token: agentToken, body: { text } },
      );
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    };

    test('an app session is a conversation on channel app; a web token does not resume it', async () => {
      const app = await startSession({ channel: 'app' });
      const conversation = await requestJson<{ conversation: { channel: string } }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${app.conversationId}`,
        { token: agentToken },
      );
      assert.equal(conversation.body.conversation.channel, 'app');
      assert.equal((await startSession({ channel: 'app' }, app.token)).conversationId, app.conversationId);
      const web = await startSession({});
      const crossed = await startSession({ channel: 'app' }, web.token);
      assert.notEqual(crossed.visitorId, web.visitorId);
      const refused = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
        body: { channel: 'wechat' },
      });
      assert.equal(refused.status, 400);
    });

    test('a resend after a lost answer, even at the same moment, is stored once', async () => {
      const app = await startSession({ channel: 'app' });
      const body = { text: '离线时写的消息', clientMessageId: 'cmid_app_offline_1' };
      const send = () =>
        requestJson<SendMessageResponse>(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
          token: app.token,
          body,
        });
      const [first, second] = await Promise.all([send(), send()]);
      const third = await send();
      assert.deepEqual(
        [first.status, second.status, third.status],
        [201, 201, 201],
        JSON.stringify([first.body, second.body]),
      );
      assert.equal(second.body.message.id, first.body.message.id);
      assert.equal(third.body.message.id, first.body.message.id);
      const stored = (await agentMessages(app.conversationId)).filter(
        (message) => message.clientMessageId === body.clientMessageId,
      );
      assert.equal(stored.length, 1);
    });

    test('push tokens: apps only, checked, sealed at rest', async () => {
      const web = await startSession({});
      const register = (token: string, body: object) =>
        requestJson(server.baseUrl, 'POST', '/api/v1/visitor/push-registrations', { token, body });
      assert.equal((await register(web.token, { token: 'device-token-web-1', platform: 'ios' })).status, 403);
      const app = await startSession({ channel: 'app' });
      assert.equal((await register(app.token, { token: 'device-token-1', platform: 'symbian' })).status, 400);
      assert.equal((await register(app.token, { token: 'x' })).status, 400);
      assert.equal((await register('forged', { token: 'device-token-1', platform: 'ios' })).status, 401);
      const deviceToken = `apns-${Date.now()}-sealed-token`;
      assert.equal((await register(app.token, { token: deviceToken, platform: 'ios' })).status, 204);
      assert.equal((await register(app.token, { token: deviceToken, platform: 'ios' })).status, 204);
      const raw = await readRaw(
        dialect,
        server.kefu.services.config.databaseUrl,
        `SELECT token FROM push_registrations WHERE customer_id = '${app.customerId}'`,
      );
      assert.equal(raw.length, 1);
      assert.ok(raw[0]?.startsWith('enc:v1:') && !raw[0].includes(deviceToken));
    });

    test("an agent's reply is pushed, signed, only while the app has no socket open, and recorded", async () => {
      const app = await signedInApp('cus_demo_02');
      const deviceToken = `fcm-${dialect}-${Date.now()}`;
      const registered = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/push-registrations', {
        token: app.token,
        body: { token: deviceToken, platform: 'android' },
      });
      assert.equal(registered.status, 204);
      const pushesFor = (text: string): RecordedRequest[] =>
        gateway.requests.filter((request) => request.body.includes(text));

      const socket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/visitor/ws?token=${encodeURIComponent(app.token)}`),
      );
      const appConnected = () => server.kefu.services.channels.appConnections.isConnected(app.customerId);
      await waitUntil(appConnected, { description: 'the open app recorded' });
      const whileOpen = `在线时的回复 ${dialect}`;
      await agentSays(app.conversationId, whileOpen);
      await socket.waitFor((frame) => JSON.stringify(frame).includes(whileOpen));
      socket.close();
      await waitUntil(async () => !(await appConnected()), {
        description: 'the socket closed on the server',
      });

      gatewayFailures = 1; // the gateway is busy once: the job retries
      const whileClosed = `离线时的回复 ${dialect}`;
      await agentSays(app.conversationId, whileClosed);
      await waitUntil(() => pushesFor(whileClosed).length === 2, { description: 'the push was retried' });
      const push = pushesFor(whileClosed)[1];
      assert.ok(push);
      const verified = verifyWebhook(
        Buffer.from(pushSecret.slice('whsec_'.length), 'base64'),
        Buffer.from(push.body),
        push.headers,
        new Date(),
      );
      const body: unknown = JSON.parse(push.body);
      assert.deepEqual(body, {
        type: 'message',
        notificationId: verified.id,
        platform: 'android',
        token: deviceToken,
        conversationId: app.conversationId,
        messageId: (await agentMessages(app.conversationId)).find((m) => m.text === whileClosed)?.id,
        sender: 'agent',
        text: whileClosed,
      });
      assert.equal(pushesFor(whileOpen).length, 0);
      const recorded = () =>
        server.kefu.services.database.db
          .selectFrom('push_notifications')
          .select(['status', 'attempts', 'id'])
          .where('customer_id', '=', app.customerId)
          .execute();
      // The gateway has answered; the job records the answer just after.
      await waitUntil(async () => (await recorded()).some((row) => row.status !== 'pending'), {
        description: 'the push recorded as answered',
      });
      assert.deepEqual(await recorded(), [{ status: 'sent', attempts: 2, id: verified.id }]);
    });
  });
}
