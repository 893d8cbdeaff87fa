import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { signWeiboPush } from '../src/modules/channels/weibo/weiboPushes';
import { conversationReads, inboundRowsOf } from './helpers/conversationReads';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { createChannelAccount, testChannelAccount } from './helpers/wechatPlatform';
import { WeiboPlatform, signWeiboQuery } from './helpers/weiboPlatform';

const uid = '1902538057';
const appSecret = 'weibo-app-secret-that-stays-sealed';
const accessToken = '2.00kefuTestAccessToken0123456789';
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/weibo/${name}`, import.meta.url), 'utf8'));

/** A documented push with this case's sender, time and (for text) words. */
function push(name: string, senderId: number, changes: Record<string, unknown> = {}) {
  return { ...fixture(name), sender_id: senderId, created_at: new Date().toString(), ...changes };
}

describe('Weibo push signature', () => {
  test('the documentation’s example signs to its published value', () => {
    const vector = fixture('signatureVector.json');
    const signature = signWeiboPush(String(vector.appsecret), String(vector.timestamp), String(vector.nonce));
    assert.equal(signature, vector.signature);
  });
});

for (const { dialect } of testDatabaseTargets()) {
  describe(`Weibo private messages against a loopback Weibo API (${dialect})`, () => {
    const platform = new WeiboPlatform(uid, accessToken);
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
        kind: 'weibo',
        name: '官方微博',
        settings: { uid, apiBaseUrl: platform.baseUrl },
        credentials: { appSecret, accessToken },
      });
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    const send = async (body: string, query = signWeiboQuery(appSecret)) => {
      const response = await fetch(`${server.baseUrl}${account.callbackPath}?${query.toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return { status: response.status, text: await response.text() };
    };
    const inboundOf = (senderId: number) => inboundRowsOf(server, 'weibo', String(senderId));
    const repliesTo = (senderId: number) =>
      platform.replies.filter((reply) => reply.receiverId === String(senderId));

    test('the URL check answers echostr when the signature holds, 401 otherwise; test connection checks whose the token is', async () => {
      const query = signWeiboQuery(appSecret);
      query.set('echostr', 'dnPdpTZz85');
      const good = await fetch(`${server.baseUrl}${account.callbackPath}?${query.toString()}`);
      assert.equal(good.status, 200);
      assert.equal(await good.text(), 'dnPdpTZz85');
      const forged = signWeiboQuery('another-app-secret');
      forged.set('echostr', 'dnPdpTZz85');
      assert.equal(
        (await fetch(`${server.baseUrl}${account.callbackPath}?${forged.toString()}`)).status,
        401,
      );

      assert.deepEqual(await testChannelAccount(server.baseUrl, adminToken, account.id), {
        ok: true,
        reason: null,
        problem: null,
        messageCount: null,
      });
      const other = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'weibo',
        name: '另一个微博',
        settings: { uid: '5555555555', apiBaseUrl: platform.baseUrl },
        credentials: { appSecret, accessToken },
      });
      const failed = await testChannelAccount(server.baseUrl, adminToken, other.id);
      assert.equal(failed.ok, false);
      assert.match(failed.reason ?? '', /belongs to Weibo user 1902538057/);
    });

    test('a private message is answered with an empty body at once, stored once however often Weibo retries, and the reply is retried after a failure', async () => {
      platform.failNextReplies = 1;
      const body = JSON.stringify(push('textPush.json', 2489518277, { text: '支持哪些付款方式？' }));
      assert.deepEqual(await send(body), { status: 200, text: '' });
      assert.deepEqual(await send(body), { status: 200, text: '' });
      const inbound = await inboundOf(2489518277);
      assert.equal(inbound.length, 1, 'the retried push stored nothing');
      const conversationId = inbound[0]?.conversation_id ?? '';
      const [delivery] = await settledDeliveriesOf(conversationId, 1);
      assert.equal(delivery?.status, 'sent');
      assert.equal(delivery?.attempts, 2);
      const replies = repliesTo(2489518277);
      assert.deepEqual(
        replies.map((reply) => reply.status),
        [500, 200],
      );
      assert.equal(replies[1]?.type, 'text');
      assert.match(String(replies[1]?.data.text), /支付宝/, 'the FAQ answer of the demo shop');
      assert.ok(Array.from(String(replies[1]?.data.text)).length <= 300);
      assert.deepEqual(
        (await messagesOf(conversationId)).map((message) => message.sender),
        ['customer', 'bot'],
      );
    });

    test('following and unfollowing store nothing; a menu click is the item’s key, answered like typed words', async () => {
      const senderId = 2489518278;
      assert.equal((await send(JSON.stringify(push('followEventPush.json', senderId)))).status, 200);
      assert.equal((await send(JSON.stringify(push('unfollowEventPush.json', senderId)))).status, 200);
      assert.equal((await inboundOf(senderId)).length, 0);
      assert.equal((await send(JSON.stringify(push('menuClickEventPush.json', senderId)))).status, 200);
      await waitUntil(() => repliesTo(senderId).some((reply) => reply.status === 200), {
        description: 'the menu click answered',
        timeoutMs: 60_000,
      });
      const [row] = await inboundOf(senderId);
      const texts = (await messagesOf(row?.conversation_id ?? '')).map((message) => message.text);
      assert.equal(texts[0], '查订单');
      assert.ok(texts.length >= 2, 'the bot answered');
    });

    test('a wrong or stale signature is 401 and a malformed push 400; nothing is stored', async () => {
      const senderId = 2489518279;
      const body = JSON.stringify(push('textPush.json', senderId));
      assert.equal((await send(body, signWeiboQuery('another-app-secret'))).status, 401);
      assert.equal((await send(body, signWeiboQuery(appSecret, Date.now() - 60 * 60_000))).status, 401);
      assert.equal((await send(body, new URLSearchParams())).status, 401);
      assert.equal((await send('{"type": "text", ')).status, 400);
      assert.equal((await send(JSON.stringify({ type: 'text', text: 'no sender' }))).status, 400);
      assert.equal((await inboundOf(senderId)).length, 0);
      assert.equal(repliesTo(senderId).length, 0);
    });
  });
}
