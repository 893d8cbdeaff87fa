import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { ShiftedClock } from './helpers/shiftedClock';
import type { SignedPush } from './helpers/wechatPlatform';
import { WeChatPlatform, createChannelAccount, signWeChatPush, weChatXml } from './helpers/wechatPlatform';
import { waitUntil } from './helpers/waitUntil';

const appId = 'wx2c2769f8efd9abc2';
const appSecret = 'app-secret-that-stays-sealed';
const token = 'spamtest';
const encodingAesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const hourMs = 60 * 60 * 1000;

for (const { dialect } of testDatabaseTargets()) {
  describe(`the WeChat Official Account channel against a loopback WeChat (${dialect})`, () => {
    const platform = new WeChatPlatform(appId, appSecret);
    const clock = new ShiftedClock();
    let server: TestServer;
    let adminToken: string;
    let plain: ChannelAccountView;
    let safe: ChannelAccountView;
    let nextMsgId = 7_000_000_000_000_000_000n;

    before(async () => {
      await platform.start();
      server = await startTestServer({
        dialect,
        clock,
        // The customer-service API path: pushes are answered `success` without waiting for the bot (passive
        // replies have their own suite, wechatPassiveReply.test.ts).
        environment: { KEFU_WECHAT_PASSIVE_WAIT_MS: '0' },
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
      plain = await createAccount('公众号（明文）', 'plain', { appSecret, token });
      safe = await createAccount('公众号（安全模式）', 'safe', { appSecret, token, encodingAesKey });
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    async function createAccount(name: string, encryption: string, credentials: Record<string, string>) {
      return createChannelAccount(server.baseUrl, adminToken, {
        kind: 'wechat',
        name,
        settings: { appId, encryption, apiBaseUrl: platform.baseUrl },
        credentials,
      });
    }
    const push = async (account: ChannelAccountView, xml: string, options: Partial<SignedPush> = {}) => {
      const signed = signWeChatPush(xml, {
        token,
        timestamp: Math.floor(clock.now().getTime() / 1000),
        ...(account.id === safe.id && { encryption: { encodingAesKey, receiverId: appId } }),
        ...options,
      });
      const response = await fetch(`${server.baseUrl}${account.callbackPath}?${signed.query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: signed.body,
      });
      return { status: response.status, text: await response.text() };
    };
    const textMessage = (
      openId: string,
      content: string,
      createTime = Math.floor(clock.now().getTime() / 1000),
    ) => {
      nextMsgId += 1n;
      return weChatXml({
        ToUserName: 'gh_shop',
        FromUserName: openId,
        CreateTime: createTime,
        MsgType: 'text',
        Content: content,
        MsgId: String(nextMsgId),
      });
    };
    /** A follower's message of any type, with a fresh MsgId. */
    const followerMessage = (openId: string, fields: Record<string, string>) => {
      nextMsgId += 1n;
      return weChatXml({
        ToUserName: 'gh_shop',
        FromUserName: openId,
        CreateTime: Math.floor(clock.now().getTime() / 1000),
        ...fields,
        MsgId: String(nextMsgId),
      });
    };
    const db = () => server.kefu.services.database.db;
    const inboundOf = (openId: string) =>
      db()
        .selectFrom('inbound_messages')
        .selectAll()
        .where('sender_external_id', '=', openId)
        .orderBy('received_at')
        .orderBy('id')
        .execute();
    const { messagesOf, settledDeliveriesOf } = conversationReads(() => ({
      baseUrl: server.baseUrl,
      token: adminToken,
    }));
    const sentTo = (openId: string) =>
      platform
        .callsTo('/cgi-bin/message/custom/send')
        .filter((call) => call.body.touser === openId && call.errcode === 0);

    test('the account lists its callback URL and which credentials are set, never their values; changes are audited', async () => {
      const listed = await requestJson<{ accounts: ChannelAccountView[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/admin/channel-accounts',
        { token: adminToken },
      );
      const shown = listed.body.accounts.find((account) => account.id === plain.id);
      assert.equal(shown?.callbackPath, `/api/v1/channels/wechat/accounts/${plain.id}/inbound`);
      assert.deepEqual(shown?.credentialsSet, ['appSecret', 'token']);
      assert.ok(!JSON.stringify(listed.body).includes(appSecret));
      const row = await db()
        .selectFrom('channel_accounts')
        .selectAll()
        .where('id', '=', plain.id)
        .executeTakeFirstOrThrow();
      assert.ok(!row.credentials.includes(appSecret), 'stored sealed');
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', plain.id)
        .execute();
      assert.deepEqual(
        audit.map((entry) => entry.action),
        ['channel_account.created'],
      );
      assert.ok(!audit.some((entry) => entry.data.includes(appSecret)));
      const refused = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/channel-accounts', {
        token: adminToken,
        body: {
          kind: 'wechat',
          name: 'x',
          settings: { appId, encryption: 'safe' },
          credentials: { appSecret, token },
        },
      });
      assert.equal(refused.status, 400, 'safe mode without its key');
    });

    test('test connection fetches a token with the stored secret; a wrong secret is named as such', async () => {
      const tested = await requestJson<{ ok: boolean; reason: string | null }>(
        server.baseUrl,
        'POST',
        `/api/v1/admin/channel-accounts/${plain.id}/test`,
        { token: adminToken },
      );
      assert.deepEqual(tested.body, { ok: true, reason: null, problem: null, messageCount: null });
      const wrong = await createAccount('错误密钥', 'plain', { appSecret: 'wrong', token });
      const failed = await requestJson<{ ok: boolean; reason: string | null }>(
        server.baseUrl,
        'POST',
        `/api/v1/admin/channel-accounts/${wrong.id}/test`,
        { token: adminToken },
      );
      assert.equal(failed.body.ok, false);
      assert.match(failed.body.reason ?? '', /credentials \(40125/);
    });

    test('the URL check answers echostr when the signature holds, 401 otherwise', async () => {
      const signed = signWeChatPush('', { token, timestamp: Math.floor(clock.now().getTime() / 1000) });
      const good = await fetch(`${server.baseUrl}${plain.callbackPath}?${signed.query}&echostr=check-123`);
      assert.equal(good.status, 200);
      assert.equal(await good.text(), 'check-123');
      const forged = signWeChatPush('', {
        token: 'otherToken',
        timestamp: Math.floor(clock.now().getTime() / 1000),
      });
      const bad = await fetch(`${server.baseUrl}${plain.callbackPath}?${forged.query}&echostr=check-123`);
      assert.equal(bad.status, 401);
      const unknown = await fetch(
        `${server.baseUrl}/api/v1/channels/wechat/accounts/chn_missing/inbound?${signed.query}&echostr=x`,
      );
      assert.equal(unknown.status, 404);
    });

    test('a text message is answered "success" at once, stored once however often WeChat retries, and the bot replies through the customer-service API', async () => {
      const xml = textMessage('o_shopper_1', '支持哪些付款方式？');
      const first = await push(plain, xml);
      assert.deepEqual(first, { status: 200, text: 'success' });
      const retried = await push(plain, xml);
      assert.deepEqual(retried, { status: 200, text: 'success' });
      const inbound = await inboundOf('o_shopper_1');
      assert.equal(inbound.length, 1, 'the retry stored nothing');
      const conversationId = inbound[0]?.conversation_id ?? '';
      const [delivery] = await settledDeliveriesOf(conversationId, 1);
      assert.equal(delivery?.status, 'sent');
      const messages = await messagesOf(conversationId);
      assert.deepEqual(
        messages.map((message) => message.sender),
        ['customer', 'bot'],
      );
      const [sent] = sentTo('o_shopper_1');
      assert.equal(sent?.body.msgtype, 'text');
      assert.equal(typeof sent?.body.text, 'object');
      assert.ok(JSON.stringify(sent?.body.text).length > 20, 'the bot’s answer as text');
    });

    test('the bot’s choices go out as numbered lines and a follower answering with a number picks that choice', async () => {
      await push(plain, textMessage('o_menu', '你好'));
      const [row] = await inboundOf('o_menu');
      const conversationId = row?.conversation_id ?? '';
      await settledDeliveriesOf(conversationId, 1);
      const offer = (await messagesOf(conversationId)).find((message) => message.sender === 'bot');
      const choices = offer?.quickReplies ?? [];
      assert.ok(choices.length >= 2, 'the greeting offers choices');
      const [shown] = sentTo('o_menu');
      assert.match(JSON.stringify(shown?.body.text), new RegExp(`2\\. ${choices[1]?.label ?? ''}`));
      await push(plain, textMessage('o_menu', '２'));
      await settledDeliveriesOf(conversationId, 2);
      const texts = (await messagesOf(conversationId))
        .filter((message) => message.sender === 'customer')
        .map((message) => message.text);
      assert.deepEqual(texts, ['你好', choices[1]?.text]);
      await push(plain, textMessage('o_menu', '我要买 2 件'));
      await settledDeliveriesOf(conversationId, 3);
      const last = (await messagesOf(conversationId))
        .filter((message) => message.sender === 'customer')
        .at(-1);
      assert.equal(last?.text, '我要买 2 件', 'a sentence with a number is not a pick');
    });

    test('a new follower is greeted with the shop’s welcome once, however often WeChat repeats the subscribe event', async () => {
      const subscribe = weChatXml({
        ToUserName: 'gh_shop',
        FromUserName: 'o_follower',
        CreateTime: Math.floor(clock.now().getTime() / 1000),
        MsgType: 'event',
        Event: 'subscribe',
      });
      assert.deepEqual(await push(plain, subscribe), { status: 200, text: 'success' });
      assert.deepEqual(await push(plain, subscribe), { status: 200, text: 'success' });
      const inbound = await inboundOf('o_follower');
      assert.equal(inbound.length, 1);
      const conversationId = inbound[0]?.conversation_id ?? '';
      const [delivery] = await settledDeliveriesOf(conversationId, 1);
      assert.equal(delivery?.status, 'sent');
      const messages = await messagesOf(conversationId);
      assert.deepEqual(
        messages.map((message) => [message.sender, message.text]),
        [['bot', '您好，欢迎光临！我是智能客服，商品、订单、物流、退换货都可以问我。']],
        'the widget’s greeting, and no words of the shopper',
      );
      const sent = sentTo('o_follower');
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0]?.body.text, { content: messages[0]?.text });
      const unsubscribe = weChatXml({
        ToUserName: 'gh_shop',
        FromUserName: 'o_follower',
        CreateTime: Math.floor(clock.now().getTime() / 1000) + 1,
        MsgType: 'event',
        Event: 'unsubscribe',
      });
      assert.equal((await push(plain, unsubscribe)).status, 200);
      assert.equal((await inboundOf('o_follower')).length, 1, 'leaving stores nothing');
    });

    test('a photo is kept as an attachment agents see (PicUrl, MediaId) and the bot asks about it; voice brings its recognition text', async () => {
      const photo = followerMessage('o_photo', {
        MsgType: 'image',
        PicUrl: 'http://mmbiz.qpic.cn/mmbiz_jpg/broken-parcel/0',
        MediaId: 'media_broken_parcel',
      });
      assert.deepEqual(await push(plain, photo), { status: 200, text: 'success' });
      const [row] = await inboundOf('o_photo');
      const conversationId = row?.conversation_id ?? '';
      await settledDeliveriesOf(conversationId, 1);
      const [shopperPhoto, answer] = await messagesOf(conversationId);
      assert.deepEqual(shopperPhoto?.attachments, [
        {
          name: 'wechat-media_broken_parcel.jpg',
          url: 'http://mmbiz.qpic.cn/mmbiz_jpg/broken-parcel/0',
          contentType: 'image/jpeg',
        },
      ]);
      assert.equal(answer?.sender, 'bot');
      assert.match(answer?.text ?? '', /照片/, 'the bot answers the photo as it does in the widget');
      const voice = followerMessage('o_photo', {
        MsgType: 'voice',
        MediaId: 'media_voice',
        Format: 'amr',
        Recognition: '包裹破了',
      });
      await push(plain, voice);
      await settledDeliveriesOf(conversationId, 2);
      const texts = (await messagesOf(conversationId)).map((message) => message.text);
      assert.ok(texts.includes('包裹破了'));
    });

    test('messages arriving out of order are each stored once, in the conversation', async () => {
      const now = Math.floor(clock.now().getTime() / 1000);
      const later = textMessage('o_shopper_2', '还有一个问题', now);
      const earlier = textMessage('o_shopper_2', '你好', now - 3);
      assert.equal((await push(plain, later)).status, 200);
      assert.equal((await push(plain, earlier)).status, 200);
      assert.equal((await push(plain, later)).status, 200);
      const inbound = await inboundOf('o_shopper_2');
      assert.deepEqual(
        inbound.map((row) => row.sent_at),
        [new Date(now * 1000).toISOString(), new Date((now - 3) * 1000).toISOString()],
      );
      assert.equal(new Set(inbound.map((row) => row.conversation_id)).size, 1);
    });

    test('a bad signature is 401 and malformed XML is 400; neither stores anything', async () => {
      const forged = await push(plain, textMessage('o_forger', '假消息'), { token: 'notTheToken' });
      assert.equal(forged.status, 401);
      const stale = await push(plain, textMessage('o_forger', '旧消息'), {
        timestamp: Math.floor(clock.now().getTime() / 1000) - 3600,
      });
      assert.equal(stale.status, 401);
      const malformed = await push(
        plain,
        '<xml><FromUserName><![CDATA[o_forger]]></FromUserName><Content>half',
      );
      assert.equal(malformed.status, 400);
      const notMessage = await push(
        plain,
        weChatXml({ FromUserName: 'o_forger', CreateTime: 1, MsgType: 'text' }),
      );
      assert.equal(notMessage.status, 400);
      assert.equal((await inboundOf('o_forger')).length, 0);
    });

    test('safe mode: an encrypted message is decrypted and answered; plain or wrongly signed pushes are refused', async () => {
      const accepted = await push(safe, textMessage('o_safe', '你们几点发货？'));
      assert.deepEqual(accepted, { status: 200, text: 'success' });
      const plainToSafe = await push(safe, textMessage('o_safe_plain', '明文'), { encryption: undefined });
      assert.equal(plainToSafe.status, 401);
      const otherKey = await push(safe, textMessage('o_safe_plain', '别的密钥'), {
        encryption: { encodingAesKey: 'A'.repeat(43), receiverId: appId },
      });
      assert.equal(otherKey.status, 401);
      assert.equal((await inboundOf('o_safe_plain')).length, 0);
      const [row] = await inboundOf('o_safe');
      await settledDeliveriesOf(row?.conversation_id ?? '', 1);
      assert.equal(sentTo('o_safe').length, 1);
    });

    test('an expired access token is refreshed once and the message sent', async () => {
      const issuedBefore = platform.tokensIssued;
      for (let issued = 1; issued <= platform.tokensIssued; issued += 1)
        platform.expiredTokens.add(`token-${issued}`);
      await push(plain, textMessage('o_token', '发票怎么开？'));
      const [row] = await inboundOf('o_token');
      const [delivery] = await settledDeliveriesOf(row?.conversation_id ?? '', 1);
      assert.equal(delivery?.status, 'sent');
      assert.equal(delivery?.attempts, 1, 'refreshed within the attempt');
      assert.equal(platform.tokensIssued, issuedBefore + 1);
      // The send and the follower's unionid look-up run side by side: either (or both) may meet the expired
      // token; one new token is fetched for both, and each call that met it succeeds on its one retry.
      const sends = platform
        .callsTo('/cgi-bin/message/custom/send')
        .filter((call) => call.body.touser === 'o_token');
      const lookUpsOfFollower = () =>
        platform.callsTo('/cgi-bin/user/info').filter((call) => call.query.get('openid') === 'o_token');
      await waitUntil(async () => lookUpsOfFollower().some((call) => call.errcode === 0), {
        timeoutMs: 60_000,
        description: "the follower's unionid looked up",
      });
      const lookUps = lookUpsOfFollower();
      assert.ok(
        [...sends, ...lookUps].some((call) => call.errcode === 42001),
        'the expired token was met',
      );
      for (const calls of [sends, lookUps]) {
        const codes = calls.map((call) => call.errcode);
        assert.ok(codes.length <= 2 && codes.at(-1) === 0, `retried once: ${codes.join(', ')}`);
        if (codes.length === 2) assert.equal(codes[0], 42001);
      }
      assert.equal(sends.length > 0, true);
    });

    test('after 48 hours without a message from the shopper, an agent reply is refused with the reason and nothing is sent', async () => {
      await push(plain, textMessage('o_window', '在吗'));
      const [row] = await inboundOf('o_window');
      const conversationId = row?.conversation_id ?? '';
      await settledDeliveriesOf(conversationId, 1);
      const reply = (text: string, isPrivate = false) =>
        requestJson<{ error: { code: string; message: string } }>(
          server.baseUrl,
          'POST',
          `/api/v1/agent/conversations/${conversationId}/messages`,
          { token: adminToken, body: { text, private: isPrivate } },
        );
      clock.offsetMs += 47 * hourMs;
      assert.equal((await reply('还在窗口内')).status, 201, 'inside the window');
      clock.offsetMs += 2 * hourMs;
      const refused = await reply('抱歉久等了');
      assert.equal(refused.status, 409, JSON.stringify(refused.body));
      assert.equal(refused.body.error.code, 'reply_window_closed');
      assert.match(refused.body.error.message, /within 48 hours/);
      assert.equal((await reply('跟进备注', true)).status, 201, 'a private note is not for WeChat');
      const texts = (await messagesOf(conversationId)).map((message) => message.text);
      assert.ok(!texts.includes('抱歉久等了'), 'the refused reply is not stored');
      // The bot's answer, the notice that an agent joined, and the reply inside the window.
      const deliveries = await settledDeliveriesOf(conversationId, 3);
      assert.ok(deliveries.every((delivery) => delivery.status === 'sent'));
      const sentTexts = JSON.stringify(sentTo('o_window').map((call) => call.body.text));
      assert.ok(sentTexts.includes('还在窗口内') && !sentTexts.includes('抱歉久等了'));
      await push(plain, textMessage('o_window', '我又来了'));
      assert.equal((await reply('欢迎回来')).status, 201, 'the shopper wrote again: the window is open');
    });

    test('a disabled account takes no pushes', async () => {
      const disabled = await requestJson(
        server.baseUrl,
        'PATCH',
        `/api/v1/admin/channel-accounts/${plain.id}`,
        {
          token: adminToken,
          body: { enabled: false },
        },
      );
      assert.equal(disabled.status, 200);
      assert.equal((await push(plain, textMessage('o_after_disable', '你好'))).status, 404);
      const audit = await db()
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', '=', plain.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((entry) => entry.action),
        ['channel_account.created', 'channel_account.disabled'],
      );
    });
  });
}
