import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { WeChatMessageCrypto } from '../src/modules/channels/wechat/wechatMessageCrypto';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { WeChatPlatform, createChannelAccount, signWeChatPush, weChatXml } from './helpers/wechatPlatform';

const corpId = 'ww5823bf96d3bd56c7';
const secret = 'kf-secret-that-stays-sealed';
const token = 'QDG6eK';
const encodingAesKey = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const openKfId = 'wkTESTkf0001';

for (const { dialect } of testDatabaseTargets()) {
  describe(`WeChat customer service (WeCom kf) against a loopback qyapi (${dialect})`, () => {
    const platform = new WeChatPlatform(corpId, secret);
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;
    const { messagesOf, settledDeliveriesOf } = conversationReads(() => ({
      baseUrl: server.baseUrl,
      token: adminToken,
    }));

    before(async () => {
      await platform.start();
      server = await startTestServer({
        dialect,
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
      account = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'wecom_kf',
        name: '微信客服',
        settings: { corpId, openKfId, apiBaseUrl: platform.baseUrl },
        credentials: { secret, token, encodingAesKey },
      });
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    const announce = async (
      syncToken: string,
      options: { token?: string; to?: { account: ChannelAccountView; openKfId: string } } = {},
    ) => {
      const target = options.to ?? { account, openKfId };
      const xml = weChatXml({
        ToUserName: corpId,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'event',
        Event: 'kf_msg_or_event',
        Token: syncToken,
        OpenKfId: target.openKfId,
      });
      const signed = signWeChatPush(xml, {
        token: options.token ?? token,
        encryption: { encodingAesKey, receiverId: corpId },
      });
      const response = await fetch(`${server.baseUrl}${target.account.callbackPath}?${signed.query}`, {
        method: 'POST',
        body: signed.body,
      });
      return { status: response.status, text: await response.text() };
    };
    const shopperMessage = (msgid: string, externalUserId: string, content: string, kfId = openKfId) => ({
      msgid,
      open_kfid: kfId,
      external_userid: externalUserId,
      send_time: Math.floor(Date.now() / 1000),
      origin: 3,
      msgtype: 'text',
      text: { content },
    });
    const db = () => server.kefu.services.database.db;
    const inboundOf = (externalUserId: string) =>
      db()
        .selectFrom('inbound_messages')
        .selectAll()
        .where('sender_external_id', '=', externalUserId)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
    const identitiesOf = async (customerId: string) => {
      const profile = await requestJson<{
        customer: { identities: { channel: string; externalId: string }[] };
      }>(server.baseUrl, 'GET', `/api/v1/agent/customers/${customerId}`, { token: adminToken });
      return profile.body.customer.identities.map((identity) => `${identity.channel}:${identity.externalId}`);
    };
    const syncCalls = () => platform.callsTo('/cgi-bin/kf/sync_msg');

    test('the callback URL check decrypts echostr when msg_signature holds, 401 otherwise', async () => {
      const crypto = new WeChatMessageCrypto(token, encodingAesKey, corpId);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const echostr = crypto.encrypt('8341905530171186418');
      const query = (signature: string) =>
        new URLSearchParams({ msg_signature: signature, timestamp, nonce: '263014780', echostr }).toString();
      const good = await fetch(
        `${server.baseUrl}${account.callbackPath}?${query(crypto.sign([timestamp, '263014780', echostr]))}`,
      );
      assert.equal(good.status, 200);
      assert.equal(await good.text(), '8341905530171186418');
      const bad = await fetch(`${server.baseUrl}${account.callbackPath}?${query('0'.repeat(40))}`);
      assert.equal(bad.status, 401);
    });

    test('an announcement is answered at once; the messages are pulled from the cursor, stored once and answered with send_msg', async () => {
      platform.kfMessages.push(shopperMessage('kf-msg-1', 'wm_shopper_1', '支持哪些付款方式？'), {
        msgid: 'kf-event-1',
        origin: 4,
        msgtype: 'event',
        event: { event_type: 'enter_session' },
      });
      assert.deepEqual(await announce('sync-token-1'), { status: 200, text: 'success' });
      await waitUntil(async () => (await inboundOf('wm_shopper_1')).length === 1, {
        description: 'the pulled message stored',
        timeoutMs: 60_000,
      });
      const [first] = syncCalls();
      assert.equal(first?.body.token, 'sync-token-1');
      assert.equal(first?.body.open_kfid, openKfId);
      assert.equal(first?.body.cursor, undefined, 'the first pull starts at the beginning');
      const [row] = await inboundOf('wm_shopper_1');
      const conversationId = row?.conversation_id ?? '';
      const [delivery] = await settledDeliveriesOf(conversationId, 1);
      assert.equal(delivery?.status, 'sent');
      assert.match(delivery?.externalId ?? '', /^kfmsg-/);
      const [sent] = platform.callsTo('/cgi-bin/kf/send_msg');
      assert.equal(sent?.body.touser, 'wm_shopper_1');
      assert.equal(sent?.body.open_kfid, openKfId);
      assert.equal(typeof sent?.body.msgid, 'string');
      assert.deepEqual(
        (await messagesOf(conversationId)).map((message) => message.sender),
        ['customer', 'bot'],
      );
      const stored = await db()
        .selectFrom('channel_accounts')
        .select('sync_cursor')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      assert.equal(stored.sync_cursor, '2');
    });

    test('the next pull continues from the stored cursor; nothing is stored twice', async () => {
      platform.kfMessages.push(shopperMessage('kf-msg-2', 'wm_shopper_1', '几天发货？'));
      assert.equal((await announce('sync-token-2')).status, 200);
      await waitUntil(async () => (await inboundOf('wm_shopper_1')).length === 2, {
        description: 'the second message stored',
        timeoutMs: 60_000,
      });
      const second = syncCalls().find((call) => call.body.token === 'sync-token-2');
      assert.equal(second?.body.cursor, '2');
      const rows = await inboundOf('wm_shopper_1');
      assert.deepEqual(
        rows.map((row) => row.external_message_id),
        ['kf-msg-1', 'kf-msg-2'],
      );
    });

    const transOf = (externalUserId: string) =>
      platform
        .callsTo('/cgi-bin/kf/service_state/trans')
        .filter((call) => call.body.external_userid === externalUserId);
    const agentAction = (conversationId: string, action: string, body?: unknown) =>
      requestJson(server.baseUrl, 'POST', `/api/v1/agent/conversations/${conversationId}/${action}`, {
        token: adminToken,
        ...(body !== undefined && { body }),
      });

    test('handed to Kefu’s agents, a new session is given to the assistant state (never WeChat’s pool), so agents’ replies still go out; handing back changes nothing more', async () => {
      platform.kfMessages.push(shopperMessage('kf-msg-3', 'wm_shopper_2', '转人工'));
      assert.equal((await announce('sync-token-3')).status, 200);
      await waitUntil(() => transOf('wm_shopper_2').length > 0, {
        description: 'the session state changed',
        timeoutMs: 60_000,
      });
      const [trans] = transOf('wm_shopper_2');
      assert.equal(trans?.body.open_kfid, openKfId);
      assert.equal(trans?.body.service_state, 1);
      assert.equal(trans?.errcode, 0, 'a documented change');
      const [row] = await inboundOf('wm_shopper_2');
      const conversationId = row?.conversation_id ?? '';
      assert.equal((await agentAction(conversationId, 'takeover')).status, 200);
      assert.equal(
        (await agentAction(conversationId, 'messages', { text: '您好，我是客服小王' })).status,
        201,
      );
      assert.equal((await agentAction(conversationId, 'handback')).status, 200);
      // The handoff notice, the agent joining, the reply and the hand-back notice, all accepted by WeCom.
      const deliveries = await settledDeliveriesOf(conversationId, 4);
      assert.ok(
        deliveries.every((delivery) => delivery.status === 'sent'),
        JSON.stringify(deliveries),
      );
      const gets = () =>
        platform
          .callsTo('/cgi-bin/kf/service_state/get')
          .filter((call) => call.body.external_userid === 'wm_shopper_2');
      await waitUntil(() => gets().length === 2, {
        description: 'the state read at the handoff and at the hand-back',
        timeoutMs: 60_000,
      });
      assert.equal(transOf('wm_shopper_2').length, 1, 'the assistant state needs no change back');
    });

    test('with a WeCom member named, the member takes the session (state 3) and handing back ends it (3 → 4)', async () => {
      const memberKfId = 'wkTESTkf0002';
      const withMember = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'wecom_kf',
        name: '微信客服（指定接待人员）',
        settings: {
          corpId,
          openKfId: memberKfId,
          apiBaseUrl: platform.baseUrl,
          handoffServicerUserId: 'zhangsan',
        },
        credentials: { secret, token, encodingAesKey },
      });
      platform.kfMessages.push(shopperMessage('kf-msg-m1', 'wm_member_1', '转人工', memberKfId));
      assert.equal(
        (await announce('sync-token-m1', { to: { account: withMember, openKfId: memberKfId } })).status,
        200,
      );
      await waitUntil(() => transOf('wm_member_1').length > 0, {
        description: 'the member takes the session',
        timeoutMs: 60_000,
      });
      assert.deepEqual(
        transOf('wm_member_1').map((call) => [
          call.body.service_state,
          call.body.servicer_userid,
          call.errcode,
        ]),
        [[3, 'zhangsan', 0]],
      );
      const [row] = await inboundOf('wm_member_1');
      const conversationId = row?.conversation_id ?? '';
      assert.equal((await agentAction(conversationId, 'takeover')).status, 200);
      assert.equal((await agentAction(conversationId, 'handback')).status, 200);
      await waitUntil(() => transOf('wm_member_1').length > 1, {
        description: 'the session ended',
        timeoutMs: 60_000,
      });
      assert.deepEqual(
        transOf('wm_member_1').map((call) => [call.body.service_state, call.errcode]),
        [
          [3, 0],
          [4, 0],
        ],
      );
    });

    test('a shopper known from the Official Account with unionid U who writes to WeChat customer service (batchget: U) is one customer with one timeline', async () => {
      const appId = 'wx5a1b2c3d4e5f6a7c';
      const appSecret = 'official-account-secret';
      const officialToken = 'officialaccounttoken';
      const official = new WeChatPlatform(appId, appSecret);
      await official.start();
      try {
        const unionId = 'oUnion_kf_shopper_0001';
        const openId = 'oOfficialFollower0001';
        official.unionIds.set(openId, unionId);
        const officialAccount = await createChannelAccount(server.baseUrl, adminToken, {
          kind: 'wechat',
          name: '官方公众号',
          settings: { appId, encryption: 'plain', apiBaseUrl: official.baseUrl },
          credentials: { appSecret, token: officialToken },
        });
        const xml = weChatXml({
          ToUserName: 'gh_shop',
          FromUserName: openId,
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'text',
          Content: '我的订单什么时候发货？',
          MsgId: '9200000000000000001',
        });
        const signed = signWeChatPush(xml, { token: officialToken });
        const pushed = await fetch(`${server.baseUrl}${officialAccount.callbackPath}?${signed.query}`, {
          method: 'POST',
          headers: { 'content-type': 'text/xml' },
          body: signed.body,
        });
        assert.equal(pushed.status, 200);
        const [wechatRow] = await inboundOf(openId);
        const customerId = wechatRow?.customer_id ?? '';
        await waitUntil(async () => (await identitiesOf(customerId)).includes(`wechat_unionid:${unionId}`), {
          description: "the follower's unionid looked up",
          timeoutMs: 60_000,
        });

        platform.kfUnionIds.set('wm_union_shopper', unionId);
        platform.kfMessages.push(shopperMessage('kf-msg-union-1', 'wm_union_shopper', '我想改地址'));
        assert.equal((await announce('sync-token-union')).status, 200);
        await waitUntil(async () => (await identitiesOf(customerId)).includes('wecom_kf:wm_union_shopper'), {
          description: 'the kf shopper joined to the Official Account customer',
          timeoutMs: 60_000,
        });
        const [lookup] = platform
          .callsTo('/cgi-bin/kf/customer/batchget')
          .filter((call) => JSON.stringify(call.body.external_userid_list) === '["wm_union_shopper"]');
        assert.equal(lookup?.body.need_enter_session_context, 0);
        const timeline = await requestJson<{
          items: { channel: string; message: { sender: string; text: string } }[];
        }>(server.baseUrl, 'GET', `/api/v1/agent/customers/${customerId}/timeline`, { token: adminToken });
        assert.deepEqual(
          timeline.body.items
            .filter((item) => item.message.sender === 'customer')
            .map((item) => [item.channel, item.message.text]),
          [
            ['wechat', '我的订单什么时候发货？'],
            ['wecom_kf', '我想改地址'],
          ],
        );
      } finally {
        await official.close();
      }
    });

    test('when batchget fails the message is still stored and answered; the shopper stays their own customer', async () => {
      platform.failKfCustomerLookups = true;
      try {
        platform.kfMessages.push(shopperMessage('kf-msg-nolookup-1', 'wm_lookup_fails', '在吗'));
        assert.equal((await announce('sync-token-nolookup')).status, 200);
        await waitUntil(async () => (await inboundOf('wm_lookup_fails')).length === 1, {
          description: 'the message stored',
          timeoutMs: 60_000,
        });
        const [row] = await inboundOf('wm_lookup_fails');
        const [delivery] = await settledDeliveriesOf(row?.conversation_id ?? '', 1);
        assert.equal(delivery?.status, 'sent', 'the bot answered although the look-up failed');
        await waitUntil(
          () =>
            platform
              .callsTo('/cgi-bin/kf/customer/batchget')
              .some((call) => JSON.stringify(call.body.external_userid_list) === '["wm_lookup_fails"]'),
          { description: 'the look-up tried', timeoutMs: 60_000 },
        );
        assert.deepEqual(await identitiesOf(row?.customer_id ?? ''), ['wecom_kf:wm_lookup_fails']);
      } finally {
        platform.failKfCustomerLookups = false;
      }
    });

    test('a wrongly signed or malformed callback is refused and pulls nothing', async () => {
      const pullsBefore = syncCalls().length;
      assert.equal((await announce('sync-token-forged', { token: 'otherToken' })).status, 401);
      const malformed = await fetch(`${server.baseUrl}${account.callbackPath}?timestamp=1&nonce=1`, {
        method: 'POST',
        body: '<xml><Encrypt>',
      });
      assert.equal(malformed.status, 400);
      assert.equal(syncCalls().length, pullsBefore);
    });
  });
}
