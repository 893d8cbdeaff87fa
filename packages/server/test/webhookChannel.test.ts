import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import {
  parseWebhookSecret,
  signWebhook,
  verifyWebhook,
} from '../src/modules/channels/webhook/standardWebhookSignature';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { WebhookPlatform, platformSecret } from './helpers/webhookPlatform';

interface SignatureVector {
  secret: string;
  id: string;
  timestamp: number;
  payload: string;
  signature: string;
}

interface InboundAnswer {
  received: number;
  duplicates: number;
  messages: { id: string; duplicate: boolean; messageId: string; conversationId: string }[];
}

const vector: SignatureVector = JSON.parse(
  readFileSync(new URL('./fixtures/standardWebhooks/signature.json', import.meta.url), 'utf8'),
);

describe('Standard Webhooks signatures', () => {
  test('the official test vector signs and verifies; a changed byte, id or time does not', () => {
    const key = parseWebhookSecret(vector.secret);
    const request = { id: vector.id, timestamp: vector.timestamp };
    assert.equal(signWebhook(key, request, vector.payload), vector.signature);
    const headers = {
      'webhook-id': vector.id,
      'webhook-timestamp': String(vector.timestamp),
      'webhook-signature': `v1,bm90IGl0 ${vector.signature}`,
    };
    const then = new Date(vector.timestamp * 1000);
    assert.deepEqual(verifyWebhook(key, Buffer.from(vector.payload), headers, then), request);
    const refused = (body: string, changed: Record<string, string>, now = then) =>
      assert.throws(() => verifyWebhook(key, Buffer.from(body), { ...headers, ...changed }, now), {
        code: 'webhook_signature_invalid',
      });
    refused(vector.payload.replace('2432232314', '2432232315'), {});
    refused(vector.payload, { 'webhook-id': 'msg_other' });
    refused(vector.payload, { 'webhook-timestamp': String(vector.timestamp + 1) });
    refused(vector.payload, { 'webhook-signature': vector.signature.slice(0, 20) });
    refused(vector.payload, {}, new Date((vector.timestamp + 301) * 1000));
    assert.throws(() => parseWebhookSecret('whsec_c2hvcnQ='), /24 bytes/);
  });
});

for (const { dialect } of testDatabaseTargets()) {
  describe(`the webhook channel against a loopback platform (${dialect})`, () => {
    const platform = new WebhookPlatform();
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      await platform.start();
      server = await startTestServer({
        dialect,
        environment: {
          KEFU_WEBHOOK_CHANNEL_SECRET: platformSecret,
          KEFU_WEBHOOK_CHANNEL_URL: platform.deliveryUrl,
        },
        // Back-off in milliseconds, so retries are seen without long waits.
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    const post = async (body: Parameters<WebhookPlatform['post']>[1]) => {
      const response = await platform.post(server.baseUrl, body);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const answer: InboundAnswer = JSON.parse(JSON.stringify(response.body));
      return answer;
    };
    const { messagesOf, settledDeliveriesOf } = conversationReads(() => ({
      baseUrl: server.baseUrl,
      token: adminToken,
    }));

    test('a message is stored once however often it is posted, answered by the bot and delivered, signed', async () => {
      platform.hold();
      const first = await post({
        messages: [{ id: 'wx-1', from: { id: 'user-1', name: '小林' }, text: '支持哪些付款方式？' }],
      });
      // Answered at commit, while the bot's answer is still on its way to the platform.
      assert.deepEqual([first.received, first.duplicates], [1, 0]);
      const retry = await post({
        messages: [{ id: 'wx-1', from: { id: 'user-1' }, text: '支持哪些付款方式？' }],
      });
      assert.deepEqual([retry.received, retry.duplicates], [0, 1]);
      const stored = first.messages[0];
      assert.ok(stored);
      assert.deepEqual(retry.messages[0], { ...stored, duplicate: true });
      platform.release();

      const [delivery] = await settledDeliveriesOf(stored.conversationId, 1);
      const messages = await messagesOf(stored.conversationId);
      assert.deepEqual(
        messages.map((message) => message.sender),
        ['customer', 'bot'],
        'one message, answered once',
      );
      const answer = messages[1];
      assert.equal(delivery?.messageId, answer?.id, 'only the answer goes out: the shopper is not echoed');
      assert.equal(delivery?.status, 'sent');
      assert.equal(delivery?.attempts, 1);
      const [received] = platform.deliveriesTo('user-1');
      assert.match(delivery?.externalId ?? '', /^pm_\d+$/, "the platform's own id of the message");
      assert.equal(received?.signatureValid, true);
      assert.equal(received?.body.type, 'message.created');
      assert.equal(received?.body.account, 'default');
      assert.equal(received?.body.message.text, answer?.text);
      assert.match(answer?.text ?? '', /支付宝/);
      assert.equal(platform.deliveriesTo('user-1').length, 1);
    });

    test('unsigned, wrongly signed, stale or malformed requests get a 4xx and store nothing', async () => {
      const countConversations = async () =>
        (
          await requestJson<{ conversations: unknown[] }>(
            server.baseUrl,
            'GET',
            '/api/v1/agent/conversations?channel=webhook&limit=200',
            { token: adminToken },
          )
        ).body.conversations.length;
      const before = await countConversations();
      const message = { messages: [{ id: 'wx-bad', from: { id: 'user-bad' }, text: '你好' }] };
      const unsigned = await fetch(`${server.baseUrl}/api/v1/channels/webhook/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message),
      });
      assert.equal(unsigned.status, 401);
      const otherSecret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      assert.equal((await platform.post(server.baseUrl, message, { secret: otherSecret })).status, 401);
      const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
      assert.equal((await platform.post(server.baseUrl, message, { timestamp: tenMinutesAgo })).status, 401);
      assert.equal((await platform.post(server.baseUrl, '{"messages": [')).status, 400);
      const missingSender = await platform.post(
        server.baseUrl,
        '{"messages":[{"id":"wx-bad","text":"你好"}]}',
      );
      assert.equal(missingSender.status, 400);
      assert.match(JSON.stringify(missingSender.body), /messages\.0\.from/);
      const tooLong = { messages: [{ id: 'wx-bad', from: { id: 'user-bad' }, text: '长'.repeat(4001) }] };
      assert.equal((await platform.post(server.baseUrl, tooLong)).status, 400);
      for (const channel of ['fax', 'wechat', 'web'])
        assert.equal((await platform.post(server.baseUrl, message, { channel })).status, 404, channel);
      assert.equal(await countConversations(), before);
    });

    test("the platform's 500s are retried with back-off until it takes the message; refusals fail the delivery", async () => {
      platform.scriptedStatuses.push(500, 503);
      const flaky = await post({ messages: [{ id: 'wx-2', from: { id: 'user-2' }, text: '运费怎么算？' }] });
      const [sent] = await settledDeliveriesOf(flaky.messages[0]?.conversationId ?? '', 1);
      assert.equal(sent?.status, 'sent');
      assert.equal(sent?.attempts, 3);
      const attempts = platform.deliveriesTo('user-2');
      assert.deepEqual(
        attempts.map((attempt) => attempt.status),
        [500, 503, 200],
      );
      assert.equal(new Set(attempts.map((attempt) => attempt.webhookId)).size, 1, 'one id on every attempt');
      assert.ok(attempts.every((attempt) => attempt.signatureValid));

      platform.defaultStatus = 500;
      const down = await post({ messages: [{ id: 'wx-3', from: { id: 'user-3' }, text: '运费怎么算？' }] });
      const [failed] = await settledDeliveriesOf(down.messages[0]?.conversationId ?? '', 1);
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.attempts, 6);
      assert.match(failed?.lastError ?? '', /answered 500/);

      platform.defaultStatus = 400;
      const refused = await post({
        messages: [{ id: 'wx-4', from: { id: 'user-4' }, text: '运费怎么算？' }],
      });
      const [refusal] = await settledDeliveriesOf(refused.messages[0]?.conversationId ?? '', 1);
      assert.equal(refusal?.status, 'failed');
      assert.equal(refusal?.attempts, 1, 'a refusal is not asked again');
      platform.defaultStatus = 200;
    });

    test('messages that arrive out of order, in a batch and again are each answered once, as they arrived', async () => {
      const later = {
        id: 'wx-6',
        from: { id: 'user-5' },
        text: '运费怎么算？',
        sentAt: '2026-01-12T10:01:00+08:00',
      };
      const earlier = {
        id: 'wx-5',
        from: { id: 'user-5' },
        text: '支持哪些付款方式？',
        sentAt: '2026-01-12T10:00:00+08:00',
      };
      const first = await post({ messages: [later] });
      const batch = await post({ messages: [earlier, later] });
      assert.deepEqual(
        batch.messages.map((message) => message.duplicate),
        [false, true],
      );
      const conversationId = first.messages[0]?.conversationId ?? '';
      assert.equal(batch.messages[0]?.conversationId, conversationId, 'one conversation per platform user');
      await settledDeliveriesOf(conversationId, 2);
      const messages = await messagesOf(conversationId);
      const textsOf = (sender: string) =>
        messages.filter((message) => message.sender === sender).map((message) => message.text);
      assert.deepEqual(textsOf('customer'), ['运费怎么算？', '支持哪些付款方式？']);
      const answers = textsOf('bot');
      assert.equal(answers.length, 2, 'one answer each');
      assert.match(answers[0] ?? '', /包邮/);
      assert.match(answers[1] ?? '', /支付宝/);
      const delivered = platform.deliveriesTo('user-5').map((delivery) => delivery.body.message.text);
      assert.deepEqual(delivered, answers, 'answers go out in the order of arrival');
    });
  });
}
