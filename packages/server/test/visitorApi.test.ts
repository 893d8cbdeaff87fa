import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, SendMessageResponse } from '@kefu/sdk';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { requestJson, startVisitorSession } from './helpers/http';

for (const { dialect } of testDatabaseTargets()) {
  describe(`visitor API (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect });
    });
    after(async () => server.close());

    /** A new visitor, or the returning one whose earlier session token is given. */
    const startSession = (body: object = {}, resumeToken?: string) =>
      startVisitorSession(server.baseUrl, body, resumeToken);
    const send = (token: string, body: object) =>
      requestJson<SendMessageResponse>(server.baseUrl, 'POST', '/api/v1/visitor/messages', { token, body });
    const sendRejected = (token: string, body: object) =>
      requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', { token, body });
    const history = async (token: string) => {
      const response = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token },
      );
      assert.equal(response.status, 200);
      return response.body.messages;
    };

    test('a session creates a customer and a conversation; its token resumes it and is renewed', async () => {
      const first = await startSession({
        name: '小王',
        locale: 'zh-CN',
        page: { url: 'http://shop/p/1', productId: 'prod_01' },
      });
      assert.match(first.token, /\./);
      assert.match(first.customerId, /^cus_/);
      assert.match(first.conversationId, /^conv_/);
      assert.match(first.visitorId, /^v_[0-9a-f]{32}$/);
      assert.equal(first.status, 'bot');
      const again = await startSession({}, first.token);
      assert.equal(again.visitorId, first.visitorId);
      assert.equal(again.customerId, first.customerId);
      assert.equal(again.conversationId, first.conversationId);
      const renewedAgain = await startSession({}, again.token);
      assert.equal(renewedAgain.conversationId, first.conversationId);
      const stranger = await startSession({});
      assert.notEqual(stranger.customerId, first.customerId);
      assert.match(stranger.visitorId, /^v_/);
    });

    test('a greeting gets the greeting reply in the language it was written in', async () => {
      const { token } = await startSession();
      const chinese = await send(token, { text: '你好' });
      assert.equal(chinese.status, 201);
      assert.equal(chinese.body.message.sender, 'customer');
      assert.equal(chinese.body.message.text, '你好');
      assert.equal(chinese.body.replies.length, 1);
      assert.equal(chinese.body.replies[0]?.sender, 'bot');
      assert.match(chinese.body.replies[0]?.text ?? '', /您好/);
      // One English word is not enough to change the conversation's language; a sentence is.
      const word = await send(token, { text: 'ok' });
      assert.doesNotMatch(word.body.replies.map((reply) => reply.text).join('\n'), /[A-Za-z]{4,}/);
      const english = await send(token, { text: 'Hello! Can you help me?' });
      assert.match(english.body.replies[0]?.text ?? '', /Hello|Hi/);
    });

    test('an unknown question gets an honest fallback with quick replies', async () => {
      const { token } = await startSession();
      const response = await send(token, { text: '阿巴阿巴阿巴' });
      assert.equal(response.status, 201);
      const reply = response.body.replies[0];
      assert.ok(reply);
      assert.match(reply.text, /抱歉/);
      assert.ok(reply.quickReplies.some((quickReply) => quickReply.text === '转人工'));
    });

    test('a question the engine understands but no flow handles yet is named honestly, in the shopper’s script', async () => {
      const { token } = await startSession();
      // Order topics have flows now (issue 5); closing an account still has none.
      const simplified = await send(token, { text: '我想注销账号' });
      assert.match(simplified.body.replies[0]?.text ?? '', /账户/);
      assert.match(simplified.body.replies[0]?.text ?? '', /暂时还不能/);
      const traditional = await send(token, { text: '我想註銷賬號' });
      assert.match(traditional.body.replies[0]?.text ?? '', /賬戶/);
      assert.match(
        traditional.body.replies[0]?.text ?? '',
        /暫時還不能/,
        'traditional script answered in traditional',
      );
      const english = await send(token, { text: 'I want to delete my account' });
      assert.match(english.body.replies[0]?.text ?? '', /your account/);
    });

    test('asking for a human queues the conversation and the bot stops answering', async () => {
      const { token } = await startSession();
      const handoff = await send(token, { text: '我要转人工' });
      assert.match(handoff.body.replies[0]?.text ?? '', /人工客服/);
      const next = await send(token, { text: '你好' });
      assert.equal(next.status, 201);
      assert.deepEqual(next.body.replies, []);
      const resumed = await startSession({}, token);
      assert.equal(resumed.status, 'queued');
    });

    test('the same clientMessageId twice returns the same message, stored once, with the same replies', async () => {
      const { token } = await startSession();
      const first = await send(token, { text: '你好', clientMessageId: 'client-1' });
      const second = await send(token, { text: '你好', clientMessageId: 'client-1' });
      assert.equal(second.status, 201);
      assert.equal(second.body.message.id, first.body.message.id);
      assert.deepEqual(
        second.body.replies.map((reply) => reply.id),
        first.body.replies.map((reply) => reply.id),
      );
      const messages = await history(token);
      assert.equal(messages.filter((message) => message.clientMessageId === 'client-1').length, 1);
      assert.equal(messages.length, 2);
    });

    test('history lists the conversation in order', async () => {
      const { token } = await startSession();
      await send(token, { text: 'hi' });
      await send(token, { text: '请问发什么快递' });
      const messages = await history(token);
      assert.deepEqual(
        messages.map((message) => message.sender),
        ['customer', 'bot', 'customer', 'bot'],
      );
      assert.deepEqual(
        messages.map((message) => message.id),
        [...messages.map((message) => message.id)].sort(),
      );
    });

    test('bad input gets a clear 4xx and stores nothing', async () => {
      const { token } = await startSession();
      const invalidJson = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token,
        rawBody: '{"text": ',
      });
      assert.equal(invalidJson.status, 400);
      assert.equal(invalidJson.body.error.code, 'invalid_json');

      const tooLong = await sendRejected(token, { text: 'x'.repeat(4001) });
      assert.equal(tooLong.status, 400);
      assert.match(JSON.stringify(tooLong.body), /4000/);

      const empty = await sendRejected(token, { text: '   ' });
      assert.equal(empty.status, 400);
      const unknownField = await sendRejected(token, { text: 'hi', sender: 'agent' });
      assert.equal(unknownField.status, 400);

      const missingToken = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        body: { text: 'hi' },
      });
      assert.equal(missingToken.status, 401);
      assert.equal(missingToken.body.error.code, 'unauthenticated');
      const forged = await sendRejected(`${token.split('.')[0]}.forgedsignature`, { text: 'hi' });
      assert.equal(forged.status, 401);
      assert.equal(forged.body.error.code, 'invalid_token');
      const garbage = await sendRejected('not-a-token', { text: 'hi' });
      assert.equal(garbage.status, 401);

      const badSession = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
        body: { visitorId: '<script>' },
      });
      assert.equal(badSession.status, 400);
      assert.equal(badSession.body.error.code, 'validation_failed');

      assert.deepEqual(await history(token), []);
      const healthy = await requestJson(server.baseUrl, 'GET', '/healthz');
      assert.equal(healthy.status, 200);
    });

    test('the page the shopper looks at is recorded', async () => {
      const { token } = await startSession();
      const response = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/page', {
        token,
        body: { productId: 'prod_02' },
      });
      assert.equal(response.status, 204);
      const invalid = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/page', {
        token,
        body: { productId: 42 },
      });
      assert.equal(invalid.status, 400);
    });
  });
}
