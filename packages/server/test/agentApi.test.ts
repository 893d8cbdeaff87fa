import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Conversation, Message, SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import type { TestServer } from './helpers/testServer';
import { startTestServer, testAdminEmail } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { requestJson } from './helpers/http';

for (const { dialect } of testDatabaseTargets()) {
  describe(`agent API (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    const shopperSays = async (text: string) => {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      const sent = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        {
          token: session.body.token,
          body: { text },
        },
      );
      assert.equal(sent.status, 201);
      return { ...session.body, sent: sent.body };
    };
    const createAgent = async (email: string, role: 'agent' | 'supervisor' | 'admin') => {
      const created = await call('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: email.split('@')[0],
        password: 'password-123',
        role,
      });
      assert.equal(created.status, 201);
      return server.login(email, 'password-123');
    };

    test('login: right password gives a token, wrong ones a 401 with the same message', async () => {
      const me = await call<{ agent: { email: string; role: string } }>('GET', '/api/v1/auth/me', adminToken);
      assert.equal(me.status, 200);
      assert.equal(me.body.agent.email, testAdminEmail);
      assert.equal(me.body.agent.role, 'admin');
      const wrongPassword = await requestJson(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: testAdminEmail, password: 'nope' },
      });
      const unknownEmail = await requestJson(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: 'ghost@kefu.test', password: 'nope' },
      });
      assert.equal(wrongPassword.status, 401);
      assert.equal(unknownEmail.status, 401);
      assert.equal(wrongPassword.body.error.message, unknownEmail.body.error.message);
    });

    test('every agent route refuses a missing or revoked token', async () => {
      for (const path of [
        '/api/v1/agent/conversations',
        '/api/v1/admin/agents',
        '/api/v1/admin/bot/rules',
        '/api/v1/auth/me',
      ]) {
        const response = await requestJson(server.baseUrl, 'GET', path);
        assert.equal(response.status, 401, path);
      }
      const token = await server.loginAdmin();
      assert.equal((await call('POST', '/api/v1/auth/logout', token)).status, 204);
      assert.equal((await call('GET', '/api/v1/auth/me', token)).status, 401);
    });

    test('an agent sees the conversation, takes over, replies; the bot stays quiet and the shopper sees the reply', async () => {
      const shopper = await shopperSays('在吗');
      const list = await call<{ conversations: Conversation[] }>(
        'GET',
        '/api/v1/agent/conversations?status=bot',
        adminToken,
      );
      assert.ok(list.body.conversations.some((conversation) => conversation.id === shopper.conversationId));

      const takeover = await call<{ conversation: Conversation }>(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/takeover`,
        adminToken,
      );
      assert.equal(takeover.status, 200);
      assert.equal(takeover.body.conversation.status, 'assigned');

      const reply = await call<{ message: Message }>(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        adminToken,
        { text: '您好，我是小李' },
      );
      assert.equal(reply.status, 201);
      assert.equal(reply.body.message.sender, 'agent');
      assert.equal(reply.body.message.senderName, 'Admin');
      const note = await call<{ message: Message }>(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        adminToken,
        { text: 'VIP, be nice', private: true },
      );
      assert.equal(note.body.message.isPrivate, true);

      const next = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        { token: shopper.token, body: { text: '你好' } },
      );
      assert.deepEqual(next.body.replies, []);
      const shopperView = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token: shopper.token },
      );
      const texts = shopperView.body.messages.map((message) => message.text);
      assert.ok(texts.includes('您好，我是小李'));
      assert.ok(!texts.includes('VIP, be nice'), 'private notes never reach the shopper');
      assert.ok(shopperView.body.messages.some((message) => message.sender === 'system'));

      const agentView = await call<{ messages: Message[] }>(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        adminToken,
      );
      assert.ok(agentView.body.messages.some((message) => message.text === 'VIP, be nice'));
    });

    test('an angry shopper gets an apology first and the offer of a person; agents see intent, entities and sentiment', async () => {
      const shopper = await shopperSays(
        '你们太垃圾了！！！订单KF202611010018到现在还没发货，我要投诉到12315',
      );
      const reply = shopper.sent.replies[0];
      assert.ok(reply);
      assert.match(reply.text, /抱歉/);
      assert.ok(reply.quickReplies.some((quickReply) => quickReply.text === '转人工'));
      const messages = await call<{ messages: Message[] }>(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        adminToken,
      );
      const analysis = messages.body.messages.find((message) => message.sender === 'customer')?.analysis;
      assert.ok(analysis);
      assert.equal(analysis.sentiment.anger, true);
      assert.equal(analysis.sentiment.label, 'negative');
      assert.ok(
        analysis.entities.some(
          (entity) => entity.type === 'order_number' && entity.value === 'KF202611010018',
        ),
      );
      // The order named in the rant is looked up (with the apology first), not asked for again.
      assert.match(analysis.answeredBy ?? '', /^flow:/);
      assert.equal(shopper.sent.message.analysis, undefined, 'the shopper never sees the analysis');
    });

    test('hand back to the bot, resolve and reopen', async () => {
      const shopper = await shopperSays('hello');
      const path = `/api/v1/agent/conversations/${shopper.conversationId}`;
      await call('POST', `${path}/takeover`, adminToken);
      const handback = await call<{ conversation: Conversation }>('POST', `${path}/handback`, adminToken);
      assert.equal(handback.body.conversation.status, 'bot');
      assert.equal(handback.body.conversation.assigneeId, null);
      const botAgain = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        { token: shopper.token, body: { text: 'hello' } },
      );
      assert.equal(botAgain.body.replies.length, 1);

      const resolved = await call<{ conversation: Conversation }>('POST', `${path}/resolve`, adminToken);
      assert.equal(resolved.body.conversation.status, 'resolved');
      assert.ok(resolved.body.conversation.resolvedAt);
      const reopened = await call<{ conversation: Conversation }>('POST', `${path}/reopen`, adminToken);
      assert.equal(reopened.body.conversation.status, 'bot');
      assert.equal(reopened.body.conversation.resolvedAt, null);
    });

    test('a plain agent sees unassigned and own conversations only, and cannot grab another agent’s', async () => {
      const agentA = await createAgent('a@kefu.test', 'agent');
      const agentB = await createAgent('b@kefu.test', 'agent');
      const shopper = await shopperSays('转人工');
      const path = `/api/v1/agent/conversations/${shopper.conversationId}`;
      assert.equal((await call('POST', `${path}/takeover`, agentA)).status, 200);

      const seenByB = await call<{ conversations: Conversation[] }>(
        'GET',
        '/api/v1/agent/conversations',
        agentB,
      );
      assert.ok(
        !seenByB.body.conversations.some((conversation) => conversation.id === shopper.conversationId),
      );
      assert.equal((await call('GET', path, agentB)).status, 404);
      assert.equal((await call('POST', `${path}/takeover`, agentB)).status, 404);
      const mine = await call<{ conversations: Conversation[] }>(
        'GET',
        '/api/v1/agent/conversations?assignee=me',
        agentA,
      );
      assert.deepEqual(
        mine.body.conversations.map((conversation) => conversation.id),
        [shopper.conversationId],
      );

      const supervisor = await createAgent('s@kefu.test', 'supervisor');
      const taken = await call<{ conversation: Conversation }>('POST', `${path}/takeover`, supervisor);
      assert.equal(taken.status, 200);
      assert.equal((await call('POST', `${path}/resolve`, agentA)).status, 404);

      assert.equal((await call('GET', '/api/v1/admin/agents', agentA)).status, 403);
      assert.equal((await call('GET', '/api/v1/admin/bot/rules', supervisor)).status, 403);
    });

    test('admins edit keyword rules and the bot answers with them at once', async () => {
      const created = await call<{ rule: { id: string } }>('POST', '/api/v1/admin/bot/rules', adminToken, {
        name: 'Warehouse',
        matchType: 'contains',
        patterns: ['发货地'],
        replyZh: '我们从杭州仓发货。',
        replyEn: 'We ship from our Hangzhou warehouse.',
      });
      assert.equal(created.status, 201);
      const shopper = await shopperSays('请问发货地是哪里');
      assert.equal(shopper.sent.replies[0]?.text, '我们从杭州仓发货。');

      const invalid = await call('POST', '/api/v1/admin/bot/rules', adminToken, {
        name: 'x',
        matchType: 'regex',
        patterns: ['(unclosed'],
        replyZh: 'a',
        replyEn: 'b',
      });
      assert.equal(invalid.status, 400);
      const disabled = await call('PATCH', `/api/v1/admin/bot/rules/${created.body.rule.id}`, adminToken, {
        enabled: false,
      });
      assert.equal(disabled.status, 200);
      const afterDisable = await shopperSays('请问发货地是哪里');
      assert.notEqual(afterDisable.sent.replies[0]?.text, '我们从杭州仓发货。');
      assert.equal(
        (await call('DELETE', `/api/v1/admin/bot/rules/${created.body.rule.id}`, adminToken)).status,
        204,
      );
      assert.equal(
        (await call('DELETE', `/api/v1/admin/bot/rules/${created.body.rule.id}`, adminToken)).status,
        404,
      );
    });

    test('unknown ids and bad bodies get 4xx', async () => {
      assert.equal((await call('GET', '/api/v1/agent/conversations/conv_nope', adminToken)).status, 404);
      assert.equal(
        (await call('POST', '/api/v1/agent/conversations/conv_nope/takeover', adminToken)).status,
        404,
      );
      assert.equal((await call('GET', '/api/v1/agent/customers/cus_nope', adminToken)).status, 404);
      assert.equal((await call('GET', '/api/v1/agent/conversations?status=flying', adminToken)).status, 400);
      const duplicate = await call('POST', '/api/v1/admin/agents', adminToken, {
        email: testAdminEmail,
        displayName: 'x',
        password: 'password-123',
        role: 'agent',
      });
      assert.equal(duplicate.status, 409);
    });
  });
}

describe('visitor tokens expire', () => {
  test('a token older than 30 days is refused with 401', async () => {
    const clock = new ManualClock('2026-03-01T00:00:00.000Z');
    const server = await startTestServer({ clock, seedDemo: false });
    try {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      clock.advance(31 * 24 * 60 * 60 * 1000);
      const response = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text: 'hi' },
      });
      assert.equal(response.status, 401);
      assert.equal(response.body.error.code, 'invalid_token');
      assert.match(response.body.error.message, /expired/);
    } finally {
      await server.close();
    }
  });
});
