import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, VisitorSessionResponse } from '@kefu/sdk';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads } from './helpers/conversationReads';
import type { ErrorBody } from './helpers/http';
import { RecordingSocket, messageWithText, requestJson, toWebSocketUrl } from './helpers/http';
import {
  crossChannelServerOptions,
  pushWeChatText as pushToAccount,
  setUpOfficialAccount,
  signShopLogin,
  wechatCustomerOf,
} from './helpers/crossChannelShopper';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { ShiftedClock } from './helpers/shiftedClock';
import { waitUntil } from './helpers/waitUntil';
import { WeChatPlatform } from './helpers/wechatPlatform';

const appId = 'wx5a1b2c3d4e5f6a7b';
const appSecret = 'official-account-secret';
const token = 'crosschanneltoken';
const hourMs = 60 * 60 * 1000;

interface TimelineItem {
  conversationId: string;
  channel: string;
  message: Message;
}
interface Profile {
  id: string;
  identities: { channel: string; externalId: string }[];
}
interface Merge {
  id: string;
  survivingCustomerId: string;
  mergedCustomerId: string;
  reason: string;
  undoneAt: string | null;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`one shopper across channels (${dialect})`, () => {
    const platform = new WeChatPlatform(appId, appSecret);
    const clock = new ShiftedClock();
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;
    const sockets: RecordingSocket[] = [];

    before(async () => {
      await platform.start();
      server = await startTestServer({ dialect, ...crossChannelServerOptions(clock) });
      adminToken = await server.loginAdmin();
      account = await setUpOfficialAccount(server, adminToken, platform, {
        name: '官方公众号',
        appId,
        appSecret,
        token,
      });
    });
    after(async () => {
      for (const socket of sockets) socket.close();
      await server.close();
      await platform.close();
    });

    const api = <Body = ErrorBody>(method: string, path: string, body?: unknown, as = adminToken) =>
      requestJson<Body>(server.baseUrl, method, path, { token: as, ...(body !== undefined && { body }) });
    const { settledDeliveriesOf } = conversationReads(() => ({ baseUrl: server.baseUrl, token: adminToken }));
    const pushWeChatText = (openId: string, content: string) =>
      pushToAccount({ baseUrl: server.baseUrl, account, token, clock }, openId, content);
    const startSession = async (body: Record<string, unknown>) => {
      const started = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body,
        },
      );
      assert.equal(started.status, 201, JSON.stringify(started.body));
      return started.body;
    };
    const say = async (session: VisitorSessionResponse, text: string) => {
      const sent = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.token,
        body: { text },
      });
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
    };
    const profileOf = async (customerId: string) => {
      const response = await api<{ customer: Profile }>('GET', `/api/v1/agent/customers/${customerId}`);
      assert.equal(response.status, 200);
      return response.body.customer;
    };
    const timelineOf = async (customerId: string) => {
      const response = await api<{ items: TimelineItem[] }>(
        'GET',
        `/api/v1/agent/customers/${customerId}/timeline`,
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body.items;
    };
    const auditActions = async (customerId: string) => {
      const response = await api<{ entries: { action: string; data: Record<string, unknown> }[] }>(
        'GET',
        `/api/v1/admin/audit?targetId=${customerId}`,
      );
      assert.equal(response.status, 200);
      return response.body.entries;
    };
    test('a WeChat follower who signs in to the app is one customer with one timeline; the reply goes to the app, not WeChat', async () => {
      const openId = 'oCrossChannelFollower0001';
      const unionId = 'oUnion_shopper_0001';
      platform.unionIds.set(openId, unionId);
      await pushWeChatText(openId, '我的订单什么时候发货？');
      const wechat = await wechatCustomerOf(server, openId);
      // WeChat names the follower's unionid (user/info); Kefu records it as a verified key of the customer.
      await waitUntil(
        async () =>
          (await profileOf(wechat.customerId)).identities.some(
            (identity) => identity.channel === 'wechat_unionid' && identity.externalId === unionId,
          ),
        { description: 'the unionid looked up', timeoutMs: 60_000 },
      );

      // The shopper opens the shop's app and signs in with WeChat: the shop's server signs the unionid it knows.
      const claim = { shopCustomerId: 'shop-cu-8801', wechatUnionId: unionId };
      const app = await startSession({
        channel: 'app',
        identity: { ...claim, signature: signShopLogin(claim) },
      });
      assert.equal(app.customerId, wechat.customerId, 'the app session is the WeChat customer');
      assert.equal(app.conversationId, wechat.conversationId, 'the open conversation continues');
      const socket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/visitor/ws?token=${encodeURIComponent(app.token)}`),
      );
      sockets.push(socket);
      await say(app, '我想改一下收货地址');

      const timeline = await timelineOf(wechat.customerId);
      const shopperLines = timeline.filter((item) => item.message.sender === 'customer');
      assert.deepEqual(
        shopperLines.map((item) => [item.channel, item.message.text]),
        [
          ['wechat', '我的订单什么时候发货？'],
          ['app', '我想改一下收货地址'],
        ],
      );
      const times = timeline.map((item) => item.message.createdAt);
      assert.deepEqual(times, [...times].sort());
      const merges = await api<{ merges: Merge[] }>(
        'GET',
        `/api/v1/agent/customers/${wechat.customerId}/merges`,
      );
      assert.equal(merges.body.merges.length, 1);
      assert.equal(merges.body.merges[0]?.reason, 'verified_key');
      assert.ok((await auditActions(wechat.customerId)).some((entry) => entry.action === 'customer.merged'));

      const replyText = '好的，已为您修改收货地址。';
      const reply = await api<{ message: Message }>(
        'POST',
        `/api/v1/agent/conversations/${wechat.conversationId}/messages`,
        { text: replyText },
      );
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      assert.equal(reply.body.message.channel, 'app');
      await socket.waitFor(messageWithText(replyText), 60_000);
      let replyDelivery: { channel: string; status: string } | undefined;
      await waitUntil(
        async () => {
          const deliveries = await settledDeliveriesOf(wechat.conversationId, 1);
          replyDelivery = deliveries.find((delivery) => delivery.messageId === reply.body.message.id);
          return replyDelivery !== undefined && replyDelivery.status !== 'pending';
        },
        { description: "the agent's reply delivered", timeoutMs: 60_000 },
      );
      assert.deepEqual(replyDelivery, { ...replyDelivery, channel: 'app', status: 'sent' });
      const sentToWeChat = platform
        .callsTo('/cgi-bin/message/custom/send')
        .map((call) => JSON.stringify(call.body));
      assert.ok(!sentToWeChat.some((body) => body.includes(replyText)), 'the reply was not sent to WeChat');

      // The agent may still pick WeChat while its 48-hour window is open…
      const viaWeChat = '也可以在公众号里继续联系我们。';
      const picked = await api<{ message: Message }>(
        'POST',
        `/api/v1/agent/conversations/${wechat.conversationId}/messages`,
        { text: viaWeChat, channel: 'wechat' },
      );
      assert.equal(picked.status, 201, JSON.stringify(picked.body));
      assert.equal(picked.body.message.channel, 'wechat');
      await waitUntil(
        () =>
          platform
            .callsTo('/cgi-bin/message/custom/send')
            .some((call) => call.body.touser === openId && JSON.stringify(call.body).includes(viaWeChat)),
        { description: 'the picked channel used', timeoutMs: 60_000 },
      );
      // …a channel the shopper never wrote on in it is refused, and so is WeChat once its window has closed.
      const neverUsed = await api('POST', `/api/v1/agent/conversations/${wechat.conversationId}/messages`, {
        text: 'hello',
        channel: 'email',
      });
      assert.equal(neverUsed.status, 422);
      assert.equal(neverUsed.body.error.code, 'reply_channel_unavailable');
      const unknownChannel = await api(
        'POST',
        `/api/v1/agent/conversations/${wechat.conversationId}/messages`,
        {
          text: 'hello',
          channel: 'carrier-pigeon',
        },
      );
      assert.equal(unknownChannel.status, 400);
      clock.offsetMs = 49 * hourMs;
      try {
        const closed = await api('POST', `/api/v1/agent/conversations/${wechat.conversationId}/messages`, {
          text: '您好？',
          channel: 'wechat',
        });
        assert.equal(closed.status, 409);
        assert.equal(closed.body.error.code, 'reply_window_closed');
      } finally {
        clock.offsetMs = 0;
      }
    });

    test('only a verified key joins customers: the same display name does not, the same verified phone does', async () => {
      const phone = '+8613800138011';
      const claimA = { shopCustomerId: 'shop-cu-phone-a', phone };
      const first = await startSession({
        name: '陈女士',
        identity: { ...claimA, signature: signShopLogin(claimA) },
      });
      const namesake = await startSession({ name: '陈女士' });
      assert.notEqual(namesake.customerId, first.customerId, 'a display name links nothing');
      await say(namesake, '你好');
      const claimB = { shopCustomerId: 'shop-cu-phone-b', phone };
      const samePhone = await startSession({
        channel: 'app',
        identity: { ...claimB, signature: signShopLogin(claimB) },
      });
      assert.equal(samePhone.customerId, first.customerId, 'the verified phone joins them');
      assert.notEqual(namesake.customerId, first.customerId);
      // A key the shop did not sign is refused, and links nothing.
      const forged = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
        body: {
          identity: {
            shopCustomerId: 'shop-cu-phone-c',
            phone,
            signature: signShopLogin({ shopCustomerId: 'shop-cu-phone-c' }),
          },
        },
      });
      assert.equal(forged.status, 401);
    });

    test('an agent merges two customers and undoes it: identities and conversations go back; both audited', async () => {
      const left = await startSession({ name: 'Ms Lin' });
      const right = await startSession({ channel: 'app', name: 'Lin' });
      await say(left, 'Where is my parcel?');
      await say(right, 'I ordered a kettle');
      const merged = await api<{ merge: Merge }>('POST', `/api/v1/agent/customers/${left.customerId}/merge`, {
        customerId: right.customerId,
      });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal(merged.body.merge.reason, 'manual');
      const joined = await timelineOf(left.customerId);
      assert.deepEqual(
        joined
          .filter((item) => item.message.sender === 'customer')
          .map((item) => [item.channel, item.message.text]),
        [
          ['web', 'Where is my parcel?'],
          ['app', 'I ordered a kettle'],
        ],
      );
      assert.equal((await profileOf(left.customerId)).identities.length, 2);
      const again = await api('POST', `/api/v1/agent/customers/${right.customerId}/merge`, {
        customerId: left.customerId,
      });
      assert.equal(again.status, 409, 'a merged-away customer cannot take another in');
      assert.equal(again.body.error.code, 'customer_merged_away');

      const undone = await api<{ merge: Merge }>(
        'POST',
        `/api/v1/agent/customer-merges/${merged.body.merge.id}/undo`,
      );
      assert.equal(undone.status, 200);
      assert.ok(undone.body.merge.undoneAt);
      assert.deepEqual(
        (await timelineOf(left.customerId))
          .filter((item) => item.message.sender === 'customer')
          .map((item) => item.message.text),
        ['Where is my parcel?'],
      );
      assert.deepEqual(
        (await timelineOf(right.customerId))
          .filter((item) => item.message.sender === 'customer')
          .map((item) => item.message.text),
        ['I ordered a kettle'],
      );
      assert.deepEqual(
        (await profileOf(right.customerId)).identities.map((identity) => identity.channel),
        ['app'],
      );
      const actions = (await auditActions(left.customerId)).map((entry) => entry.action);
      assert.ok(actions.includes('customer.merged') && actions.includes('customer.unmerged'));
      const twice = await api('POST', `/api/v1/agent/customer-merges/${merged.body.merge.id}/undo`);
      assert.equal(twice.status, 409);
    });

    test('merging needs the permission, and bad input gets a clear 4xx', async () => {
      const email = `plain-agent-${dialect}@kefu.test`;
      const created = await api('POST', '/api/v1/admin/agents', {
        email,
        displayName: 'Plain Agent',
        password: 'password-123',
        role: 'agent',
      });
      assert.equal(created.status, 201);
      const agentToken = await server.login(email, 'password-123');
      const one = await startSession({ name: 'Zhao' });
      const two = await startSession({ name: 'Zhao' });
      const refused = await api(
        'POST',
        `/api/v1/agent/customers/${one.customerId}/merge`,
        { customerId: two.customerId },
        agentToken,
      );
      assert.equal(refused.status, 403);
      const refusedUndo = await api(
        'POST',
        '/api/v1/agent/customer-merges/cmg_unknown/undo',
        undefined,
        agentToken,
      );
      assert.equal(refusedUndo.status, 403);

      const self = await api('POST', `/api/v1/agent/customers/${one.customerId}/merge`, {
        customerId: one.customerId,
      });
      assert.equal(self.status, 400);
      assert.equal(self.body.error.code, 'customer_merge_same');
      const unknown = await api('POST', `/api/v1/agent/customers/${one.customerId}/merge`, {
        customerId: 'cus_nobody',
      });
      assert.equal(unknown.status, 404);
      const noBody = await api('POST', `/api/v1/agent/customers/${one.customerId}/merge`, {});
      assert.equal(noBody.status, 400);
      const unknownUndo = await api('POST', '/api/v1/agent/customer-merges/cmg_nothing/undo');
      assert.equal(unknownUndo.status, 404);
      assert.equal((await profileOf(one.customerId)).identities.length, 1, 'nothing changed');
      assert.equal((await profileOf(two.customerId)).identities.length, 1);
    });
  });
}
