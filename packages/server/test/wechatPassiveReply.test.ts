import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { claimDelivery, insertDeliveryOnce } from '../src/modules/channels/deliveries/deliveriesRepo';
import { WeChatMessageCrypto } from '../src/modules/channels/wechat/wechatMessageCrypto';
import { readWeChatXml } from '../src/modules/channels/wechat/wechatXml';
import { conversationReads, inboundRowsOf } from './helpers/conversationReads';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import { testRedisUrl } from './helpers/testRedis';
import type { TestServer, TestServerOptions } from './helpers/testServer';
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

function textPush(openId: string, content: string): string {
  nextMsgId += 1n;
  return weChatXml({
    ToUserName: 'gh_shop',
    FromUserName: openId,
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'text',
    Content: content,
    MsgId: String(nextMsgId),
  });
}

/** WeChat pushing signed XML to the account's callback URL: plain, or safe mode for a safe-mode account. */
async function pushWeChat(server: TestServer, account: ChannelAccountView | undefined, xml: string) {
  if (!account) throw new Error('no account');
  const signed = signWeChatPush(xml, {
    token,
    ...(account.settings.encryption === 'safe' && { encryption: { encodingAesKey, receiverId: appId } }),
  });
  const response = await fetch(`${server.baseUrl}${account.callbackPath}?${signed.query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: signed.body,
  });
  return { status: response.status, text: await response.text() };
}

/**
 * A fresh instance's first answer loads what the bot needs (its understanding, the knowledge base): one
 * message, answered either way, before the suites' pushes.
 */
async function warmUp(server: TestServer, account: ChannelAccountView | undefined, openId: string) {
  assert.equal((await pushWeChat(server, account, textPush(openId, '你好'))).status, 200);
  const [inbound] = await inboundRowsOf(server, 'wechat', openId);
  const adminToken = await server.loginAdmin();
  const reads = conversationReads(() => ({ baseUrl: server.baseUrl, token: adminToken }));
  await reads.settledDeliveriesOf(inbound?.conversation_id ?? '', 1);
}

/**
 * The delivery job of a message a push may answer runs again once the push stopped waiting; this waits until
 * that job has run, through the queue's own API (the same idempotency key finds the job, on either queue).
 */
async function deferredDeliveryDone(server: TestServer, message: Message): Promise<void> {
  const jobs = server.kefu.services.jobs;
  const jobId = await jobs.enqueue({
    name: 'channels.deliver_after_passive_wait',
    payload: { messageId: message.id, conversationId: message.conversationId },
    idempotencyKey: `channels.deliver_after_passive_wait:${message.id}`,
  });
  await waitUntil(async () => (await jobs.find(jobId))?.status === 'completed', {
    timeoutMs: 120_000,
    description: 'the deferred delivery job ran',
  });
}

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
    const push = (server: TestServer, mode: 'plain' | 'safe', xml: string) =>
      pushWeChat(server, accounts.get(server)?.[mode], xml);
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
      await deferredDeliveryDone(server, answer);
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
      await deferredDeliveryDone(server, answer);
      assert.equal(sentTo('o_passive_safe').length, 0);
    });

    test('the same MsgId pushed during and after the wait: the same passive reply each time, one answer in all', async () => {
      const server = serverOf('waiting');
      const xml = textPush('o_passive_retry', '怎么开发票？');
      const during = await Promise.all([push(server, 'plain', xml), push(server, 'plain', xml)]);
      const afterwards = await push(server, 'plain', xml);
      const { delivery, answer } = await answerOf(server, 'o_passive_retry');
      await deferredDeliveryDone(server, answer);
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

const redisUrl = testRedisUrl();
const postgresTarget = testDatabaseTargets().find((target) => target.dialect === 'postgres');

describe(
  'WeChat passive replies on two instances sharing PostgreSQL and Redis (BullMQ)',
  {
    skip:
      redisUrl === null ? 'KEFU_TEST_REDIS_URL not set' : !postgresTarget && 'KEFU_TEST_DATABASE_URL not set',
  },
  () => {
    const platform = new WeChatPlatform(appId, appSecret);
    let database: TestDatabase;
    const instances: TestServer[] = [];
    let account: ChannelAccountView | undefined;

    before(async () => {
      await platform.start();
      if (!postgresTarget || !redisUrl) throw new Error('PostgreSQL and Redis are needed');
      database = await postgresTarget.create();
      const options: TestServerOptions = {
        dialect: 'postgres',
        sharedDatabaseUrl: database.url,
        jobOptions,
        environment: {
          REDIS_URL: redisUrl,
          KEFU_SECRET_KEY: randomBytes(32).toString('base64url'),
          KEFU_WECHAT_PASSIVE_WAIT_MS: '4500',
        },
      };
      instances.push(await startTestServer(options), await startTestServer(options));
      const [first] = instances;
      if (!first) throw new Error('the instances did not start');
      account = await createChannelAccount(first.baseUrl, await first.loginAdmin(), {
        kind: 'wechat',
        name: '安全模式',
        settings: { appId, encryption: 'safe', apiBaseUrl: platform.baseUrl },
        credentials: { appSecret, token, encodingAesKey },
      });
      for (const [index, instance] of instances.entries()) await warmUp(instance, account, `o_warm_${index}`);
    });
    after(async () => {
      for (const instance of instances) await instance.close();
      await database?.drop();
      await platform.close();
    });

    test('whichever instance runs the bot’s job, the push’s response carries the answer; its repeat on the other instance the same one', async () => {
      const crypto = new WeChatMessageCrypto(token, encodingAesKey, appId);
      const [first, second] = instances;
      if (!first || !second) throw new Error('two instances');
      const rounds: [TestServer, TestServer][] = [
        [first, second],
        [second, first],
      ];
      for (const [index, [receiving, other]] of rounds.entries()) {
        const openId = `o_scale_${index}`;
        const xml = textPush(openId, '支持哪些付款方式？');
        const response = await pushWeChat(receiving, account, xml);
        const reply = readWeChatXml(crypto.decrypt(readWeChatXml(response.text).Encrypt ?? ''));
        const repeated = await pushWeChat(other, account, xml);
        const repeatedReply = readWeChatXml(crypto.decrypt(readWeChatXml(repeated.text).Encrypt ?? ''));
        assert.deepEqual(repeatedReply, reply, 'the same reply from the other instance');
        const [inbound] = await inboundRowsOf(receiving, 'wechat', openId);
        const token = await receiving.loginAdmin();
        const reads = conversationReads(() => ({ baseUrl: receiving.baseUrl, token }));
        const [delivery] = await reads.settledDeliveriesOf(inbound?.conversation_id ?? '', 1);
        const answer = (await reads.messagesOf(inbound?.conversation_id ?? '')).find(
          (message) => message.sender === 'bot',
        );
        assert.ok(answer);
        assert.equal(reply.Content, answer.text);
        assert.equal(delivery?.via, 'passive');
        await deferredDeliveryDone(receiving, answer);
        const sent = platform.callsTo('/cgi-bin/message/custom/send');
        assert.equal(sent.filter((call) => call.body.touser === openId).length, 0, 'nothing through the API');
      }
    });
  },
);
