import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { claimDelivery, insertDeliveryOnce } from '../src/modules/channels/deliveries/deliveriesRepo';
import { WeChatMessageCrypto } from '../src/modules/channels/wechat/wechatMessageCrypto';
import { readWeChatXml } from '../src/modules/channels/wechat/wechatXml';
import { conversationReads, inboundRowsOf } from './helpers/conversationReads';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { WeChatPlatform, createChannelAccount, signWeChatPush, weChatXml } from './helpers/wechatPlatform';
import { waitUntil } from './helpers/waitUntil';

/** Tencent's official Official Account sample: its token, EncodingAESKey and app id, and one encrypted push. */
const vector: { token: string; encodingAesKey: string; appId: string; encrypt: string; plaintext: string } =
  JSON.parse(
    readFileSync(new URL('./fixtures/wechat/officialAccountEncryption.json', import.meta.url), 'utf8'),
  );
const { token, encodingAesKey, appId } = vector;
const appSecret = 'passive-app-secret';
const jobOptions = { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 };
let nextMsgId = 8_100_000_000_000_000_000n;

for (const { dialect } of testDatabaseTargets()) {
  describe(`WeChat passive replies: the bot's answer in the response to the push (${dialect})`, () => {
    const platform = new WeChatPlatform(appId, appSecret);
    /** A server that waits for the bot's answer, and one that never waits: for it, every bot is too slow. */
    const servers: { waiting?: TestServer; notWaiting?: TestServer } = {};
    const accounts = new Map<TestServer, { plain: ChannelAccountView; safe: ChannelAccountView }>();
    const tokens = new Map<TestServer, string>();

    before(async () => {
      await platform.start();
      // The longest wait the configuration takes: the bot answers well within it even on a loaded machine.
      servers.waiting = await startTestServer({
        dialect,
        jobOptions,
        environment: { KEFU_WECHAT_PASSIVE_WAIT_MS: '4500' },
      });
      servers.notWaiting = await startTestServer({
        dialect,
        jobOptions,
        environment: { KEFU_WECHAT_PASSIVE_WAIT_MS: '0' },
      });
      for (const server of [servers.waiting, servers.notWaiting]) {
        const adminToken = await server.loginAdmin();
        tokens.set(server, adminToken);
        const create = (name: string, encryption: string) =>
          createChannelAccount(server.baseUrl, adminToken, {
            kind: 'wechat',
            name,
            settings: { appId, encryption, apiBaseUrl: platform.baseUrl },
            credentials: { appSecret, token, encodingAesKey },
          });
        accounts.set(server, {
          plain: await create('明文', 'plain'),
          safe: await create('安全模式', 'safe'),
        });
      }
    });
    after(async () => {
      await servers.waiting?.close();
      await servers.notWaiting?.close();
      await platform.close();
    });

    const serverOf = (which: keyof typeof servers): TestServer => {
      const server = servers[which];
      if (!server) throw new Error('the server did not start');
      return server;
    };
    const textPush = (openId: string, content: string) => {
      nextMsgId += 1n;
      return weChatXml({
        ToUserName: 'gh_shop',
        FromUserName: openId,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'text',
        Content: content,
        MsgId: String(nextMsgId),
      });
    };
    const push = async (server: TestServer, mode: 'plain' | 'safe', xml: string) => {
      const account = accounts.get(server)?.[mode];
      const signed = signWeChatPush(xml, {
        token,
        ...(mode === 'safe' && { encryption: { encodingAesKey, receiverId: appId } }),
      });
      const response = await fetch(`${server.baseUrl}${account?.callbackPath ?? ''}?${signed.query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: signed.body,
      });
      return { status: response.status, text: await response.text() };
    };
    const sentTo = (openId: string) =>
      platform.callsTo('/cgi-bin/message/custom/send').filter((call) => call.body.touser === openId);
    const readsOf = (server: TestServer) =>
      conversationReads(() => ({ baseUrl: server.baseUrl, token: tokens.get(server) ?? '' }));

    /** The shopper's conversation and the bot's one answer, once its delivery is settled. */
    async function answerOf(server: TestServer, openId: string) {
      const [inbound, ...more] = await inboundRowsOf(server, 'wechat', openId);
      assert.equal(more.length, 0, 'the push is stored once');
      const conversationId = inbound?.conversation_id ?? '';
      const { messagesOf, settledDeliveriesOf } = readsOf(server);
      const [delivery, ...others] = await settledDeliveriesOf(conversationId, 1);
      assert.equal(others.length, 0, 'one answer');
      const answer = (await messagesOf(conversationId)).find((message) => message.sender === 'bot');
      assert.ok(answer && delivery);
      return { delivery, answer };
    }

    /** The delivery job of a message a push may answer waits for the push; this waits for that job to end. */
    async function deferredDeliveryDone(server: TestServer, messageId: string): Promise<void> {
      await waitUntil(
        async () => {
          const job = await server.kefu.services.database.db
            .selectFrom('jobs')
            .select('status')
            .where('idempotency_key', '=', `channels.deliver_after_passive_wait:${messageId}`)
            .executeTakeFirst();
          return job?.status === 'completed';
        },
        { timeoutMs: 120_000, description: 'the deferred delivery job ran' },
      );
    }

    test('plain mode: the response IS the passive reply with the bot’s answer, and the customer-service API gets nothing', async () => {
      const server = serverOf('waiting');
      const response = await push(server, 'plain', textPush('o_passive_plain', '支持哪些付款方式？'));
      assert.equal(response.status, 200);
      const reply = readWeChatXml(response.text);
      const { delivery, answer } = await answerOf(server, 'o_passive_plain');
      assert.deepEqual(
        { ...reply, CreateTime: undefined },
        {
          ToUserName: 'o_passive_plain',
          FromUserName: 'gh_shop',
          CreateTime: undefined,
          MsgType: 'text',
          Content: answer.text,
        },
      );
      assert.ok(answer.text.length > 10, 'the bot’s real answer');
      assert.equal(delivery.status, 'sent');
      assert.equal(delivery.via, 'passive', 'the delivery log names the passive reply');
      await deferredDeliveryDone(server, answer.id);
      assert.equal(sentTo('o_passive_plain').length, 0, 'nothing through the API');
    });

    test('safe mode: the passive reply is encrypted for the account and its msg_signature verifies', async () => {
      const crypto = new WeChatMessageCrypto(token, encodingAesKey, appId);
      assert.equal(crypto.decrypt(vector.encrypt), vector.plaintext, 'the official sample decrypts');
      const server = serverOf('waiting');
      const response = await push(server, 'safe', textPush('o_passive_safe', '多久发货？'));
      assert.equal(response.status, 200);
      const envelope = readWeChatXml(response.text);
      const { Encrypt: encrypted = '', MsgSignature: signature = '' } = envelope;
      const parts = [envelope.TimeStamp ?? '', envelope.Nonce ?? '', encrypted];
      assert.ok(
        crypto.verifySignature(signature, parts),
        'MsgSignature over token, TimeStamp, Nonce, Encrypt',
      );
      assert.ok(!response.text.includes('<Content>'), 'nothing in clear');
      const reply = readWeChatXml(crypto.decrypt(encrypted));
      const { delivery, answer } = await answerOf(server, 'o_passive_safe');
      assert.equal(reply.ToUserName, 'o_passive_safe');
      assert.equal(reply.MsgType, 'text');
      assert.equal(reply.Content, answer.text);
      assert.equal(delivery.via, 'passive');
      await deferredDeliveryDone(server, answer.id);
      assert.equal(sentTo('o_passive_safe').length, 0);
    });

    test('the same MsgId pushed during and after the wait: the same passive reply each time, one answer in all', async () => {
      const server = serverOf('waiting');
      const xml = textPush('o_passive_retry', '怎么开发票？');
      const during = await Promise.all([push(server, 'plain', xml), push(server, 'plain', xml)]);
      const afterwards = await push(server, 'plain', xml);
      const { delivery, answer } = await answerOf(server, 'o_passive_retry');
      await deferredDeliveryDone(server, answer.id);
      const again = await push(server, 'plain', xml);
      const replies = [...during, afterwards, again].map((response) => readWeChatXml(response.text));
      for (const reply of replies) assert.deepEqual(reply, replies[0], 'the same reply, the same CreateTime');
      assert.equal(replies[0]?.Content, answer.text);
      assert.equal(delivery.via, 'passive');
      assert.equal(delivery.attempts, 1, 'claimed once');
      assert.equal(sentTo('o_passive_retry').length, 0, 'never also through the API');
    });

    test('a bot too slow for the wait (none configured): `success`, exactly one send through the API, retries add none', async () => {
      const server = serverOf('notWaiting');
      const xml = textPush('o_passive_slow', '运费怎么算');
      assert.deepEqual(await push(server, 'plain', xml), { status: 200, text: 'success' });
      const { delivery, answer } = await answerOf(server, 'o_passive_slow');
      assert.equal(delivery.status, 'sent');
      assert.equal(delivery.via, 'api');
      assert.deepEqual(await push(server, 'plain', xml), { status: 200, text: 'success' });
      const sent = sentTo('o_passive_slow');
      assert.equal(sent.length, 1);
      assert.deepEqual(sent[0]?.body.text, { content: answer.text });
    });

    test('the passive reply and the API sender claim a delivery with one conditional update: exactly one wins', async () => {
      const db = serverOf('waiting').kefu.services.database.db;
      for (let round = 0; round < 8; round += 1) {
        const delivery = await insertDeliveryOnce(
          db,
          {
            messageId: `msg_race_${dialect}_${round}`,
            conversationId: 'cnv_race',
            channel: 'wechat',
            accountId: 'chn_race',
            recipientExternalId: 'o_race',
            idempotencyKey: `race:${dialect}:${round}`,
          },
          new Date(),
        );
        const claims = Array.from({ length: 24 }, (_, index) =>
          claimDelivery(
            db,
            delivery.id,
            index % 2 === 0 ? { via: 'passive' } : { via: 'api', attempt: 1 },
            new Date(),
          ).then((won) => ({ won, via: index % 2 === 0 ? 'passive' : 'api' })),
        );
        const winners = (await Promise.all(claims)).filter((claim) => claim.won);
        assert.equal(winners.length, 1, `round ${round}: ${JSON.stringify(winners)}`);
        const stored = await db
          .selectFrom('message_deliveries')
          .selectAll()
          .where('id', '=', delivery.id)
          .executeTakeFirstOrThrow();
        assert.equal(stored.sent_via, winners[0]?.via);
        assert.equal(stored.status, winners[0]?.via === 'passive' ? 'sent' : 'sending');
      }
    });
  });
}
