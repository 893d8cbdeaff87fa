import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Conversation, Message, SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import type { HandoffSummary } from '../src/modules/handoff/schemas';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';

for (const { dialect } of testDatabaseTargets()) {
  describe(`handoff and routing (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const clock = new ManualClock('2026-01-05T02:00:00.000Z'); // Monday 10:00 in UTC+8: open
    before(async () => {
      server = await startTestServer({ dialect, clock, seedDemo: false });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    /** A new shopper, or the returning one whose earlier session token is given. */
    const startShopper = async (resumeToken?: string) =>
      (
        await requestJson<VisitorSessionResponse>(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
          body: {},
          ...(resumeToken && { token: resumeToken }),
        })
      ).body;
    const say = async (token: string, text: string) => {
      const sent = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        { token, body: { text } },
      );
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      return sent.body;
    };
    const conversationOf = async (conversationId: string) =>
      (
        await call<{ conversation: Conversation }>(
          'GET',
          `/api/v1/agent/conversations/${conversationId}`,
          adminToken,
        )
      ).body.conversation;
    const summaryOf = async (conversationId: string) =>
      (
        await call<{ summary: HandoffSummary }>(
          'GET',
          `/api/v1/agent/conversations/${conversationId}/summary`,
          adminToken,
        )
      ).body.summary;
    let agentCount = 0;
    const createAgent = async (skills: Record<string, string[]> = {}, capacity: number | null = null) => {
      agentCount += 1;
      const email = `routing-${agentCount}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `Agent ${agentCount}`,
        password: 'password-123',
        role: 'agent',
      });
      const id = created.body.agent.id;
      const profile = await call('PUT', `/api/v1/admin/agents/${id}/routing`, adminToken, {
        capacity,
        skills,
      });
      assert.equal(profile.status, 200);
      return { id, token: await server.login(email, 'password-123') };
    };
    const setPresence = (token: string, presence: string) =>
      call('PUT', '/api/v1/agent/presence', token, { presence });

    test('sensitive topics hand off at once with the reason, a notice, and the honest queue position', async () => {
      const shopper = await startShopper();
      const sent = await say(shopper.token, '你们再不处理我就找律师起诉');
      assert.ok(sent.replies.some((reply) => /转接/.test(reply.text)));
      assert.equal((await conversationOf(shopper.conversationId)).status, 'queued');
      const summary = await summaryOf(shopper.conversationId);
      assert.equal(summary.reason, 'sensitive_topic');
      assert.match(summary.triggers[0]?.detail ?? '', /^legal/);
      const history = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token: shopper.token },
      );
      const notice = history.body.messages.find((message) => message.sender === 'system');
      assert.match(notice?.text ?? '', /第 \d+ 位/);
      assert.ok(notice?.quickReplies.some((quickReply) => quickReply.text === '我要留言'));
    });

    test('the summary carries intent, category, entities, sentiment, bot answers and the last question', async () => {
      const shopper = await startShopper();
      await say(shopper.token, '我的订单KF202611010018一直没收到，快递显示已签收');
      await say(shopper.token, '转人工');
      const summary = await summaryOf(shopper.conversationId);
      assert.equal(summary.reason, 'customer_request');
      assert.equal(summary.intent?.id, 'delivery_problem');
      assert.equal(summary.category, 'delivery_problem');
      assert.equal(summary.priority, 'high', 'delivery problems are high priority');
      assert.ok(
        summary.entities.some(
          (entity) => entity.type === 'order_number' && entity.value === 'KF202611010018',
        ),
      );
      assert.equal(summary.lastQuestion, '转人工');
      assert.equal(summary.botAnswers.length, 2);
      assert.equal(summary.sentiment.scores.length, 2);
      assert.equal(summary.customerMessageCount, 2);
      const conversation = await conversationOf(shopper.conversationId);
      assert.equal(conversation.priority, 'high');
      const tickets = await call<{ tickets: { source: string }[] }>(
        'GET',
        `/api/v1/agent/tickets?customerId=${shopper.customerId}`,
        adminToken,
      );
      assert.deepEqual(
        tickets.body.tickets.map((ticket) => ticket.source),
        ['delivery_problem'],
        'a delivery problem opens a follow-up ticket',
      );
    });

    test('VIP customers who prefer people, large refunds and configured intent rules hand off', async () => {
      const vip = await startShopper();
      await server.kefu.services.database.db
        .updateTable('customers')
        .set({ vip_tier: 'platinum' })
        .where('id', '=', vip.customerId)
        .execute();
      await say(vip.token, '我的快递到哪了');
      assert.equal((await summaryOf(vip.conversationId)).reason, 'vip');
      assert.equal((await summaryOf(vip.conversationId)).priority, 'high');

      const refund = await startShopper();
      await say(refund.token, '我要退款，899元什么时候退回来');
      assert.equal((await summaryOf(refund.conversationId)).reason, 'refund_amount');

      const settings = await call<{ settings: Record<string, unknown> }>(
        'GET',
        '/api/v1/admin/handoff/settings',
        adminToken,
      );
      const updated = await call('PUT', '/api/v1/admin/handoff/settings', adminToken, {
        ...settings.body.settings,
        intentRules: [{ intent: 'invoice', minimumConfidence: 0.5 }],
      });
      assert.equal(updated.status, 200);
      const invoice = await startShopper();
      await say(invoice.token, '可以开发票吗？');
      assert.equal((await summaryOf(invoice.conversationId)).reason, 'intent_rule');
      await call('PUT', '/api/v1/admin/handoff/settings', adminToken, { ...settings.body.settings });
    });

    test('three fallbacks in a row hand off; while queued the bot keeps quiet about small talk', async () => {
      const shopper = await startShopper();
      await say(shopper.token, 'qwerty zxcv');
      await say(shopper.token, 'asdf ghjk');
      assert.equal((await conversationOf(shopper.conversationId)).status, 'bot');
      await say(shopper.token, 'lkjh poiu');
      assert.equal((await summaryOf(shopper.conversationId)).reason, 'bot_failures');
      assert.deepEqual((await say(shopper.token, '你好')).replies, []);
    });

    test('routing: skills decide, capacity holds, stickiness returns, offline agents give conversations back', async () => {
      await call('POST', '/api/v1/admin/routing/check', adminToken); // nobody online: nothing changes
      const english = await createAgent({ languages: ['en'] }, 1);
      const chinese = await createAgent({ languages: ['zh'] }, 1);
      await setPresence(english.token, 'online');
      await setPresence(chinese.token, 'online');
      const queue = await call<{ entries: unknown[] }>('GET', '/api/v1/agent/queue', adminToken);
      // The earlier tests left conversations waiting; both agents took one each (capacity 1), in queue order.
      assert.ok(queue.body.entries.length > 0, JSON.stringify(queue.body));
      await call('PUT', `/api/v1/admin/agents/${english.id}/routing`, adminToken, {
        capacity: 5,
        skills: { languages: ['en'] },
      });
      const englishShopper = await startShopper();
      await say(englishShopper.token, 'I want to talk to a real person');
      const assigned = await conversationOf(englishShopper.conversationId);
      assert.equal(
        assigned.assigneeId,
        english.id,
        'the English-speaking agent took the English conversation',
      );

      await call('POST', `/api/v1/agent/conversations/${assigned.id}/resolve`, english.token);
      // A later conversation of the same shopper (the first one was closed) goes back to the same agent.
      const db = server.kefu.services.database.db;
      await db.updateTable('conversations').set({ status: 'closed' }).where('id', '=', assigned.id).execute();
      const returning = await startShopper(englishShopper.token);
      assert.notEqual(returning.conversationId, assigned.id);
      await say(returning.token, 'Talk to a human please');
      const again = await conversationOf(returning.conversationId);
      assert.equal(again.assigneeId, english.id, 'back to the same agent');

      await setPresence(english.token, 'offline');
      const requeued = await conversationOf(returning.conversationId);
      assert.notEqual(requeued.assigneeId, english.id);
      assert.equal(requeued.status, 'queued', 'no other English-speaking agent is online');
      await setPresence(english.token, 'online');
      await call('POST', '/api/v1/admin/routing/check', adminToken);
      assert.equal((await conversationOf(returning.conversationId)).status, 'assigned');
    });

    test('transfers to a team, manual pull and supervisor priority override; agents may not manage routing', async () => {
      const member = await createAgent({}, 10);
      const team = await call<{ team: { id: string } }>('POST', '/api/v1/admin/teams', adminToken, {
        name: 'Escalations',
        memberIds: [member.id],
      });
      assert.equal(team.status, 201);
      const holder = await createAgent({}, 10);
      const shopper = await startShopper();
      await say(shopper.token, '你好');
      await call('POST', `/api/v1/agent/conversations/${shopper.conversationId}/takeover`, holder.token);
      const transferred = await call<{ conversation: Conversation }>(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/transfer`,
        holder.token,
        {
          toTeamId: team.body.team.id,
          note: '客户要求主管处理',
        },
      );
      assert.equal(transferred.status, 200);
      assert.equal(transferred.body.conversation.status, 'queued');
      const routing = await call<{ settings: Record<string, unknown> }>(
        'GET',
        '/api/v1/admin/routing/settings',
        adminToken,
      );
      await call('PUT', '/api/v1/admin/routing/settings', adminToken, {
        ...routing.body.settings,
        mode: 'manual',
      });
      await setPresence(member.token, 'online');
      assert.equal(
        (await conversationOf(shopper.conversationId)).status,
        'queued',
        'manual mode: nobody is pushed work',
      );
      const override = await call(
        'PUT',
        `/api/v1/agent/conversations/${shopper.conversationId}/classification`,
        adminToken,
        { priority: 'urgent', category: 'complaint' },
      );
      assert.equal(override.status, 200);
      const forbidden = await call(
        'PUT',
        `/api/v1/agent/conversations/${shopper.conversationId}/classification`,
        member.token,
        { priority: 'low' },
      );
      assert.equal(forbidden.status, 403);
      assert.equal(
        (await call('PUT', '/api/v1/admin/routing/settings', member.token, routing.body.settings)).status,
        403,
      );
      const pulled = await call<{ conversation: Conversation }>(
        'POST',
        '/api/v1/agent/queue/pull',
        member.token,
      );
      assert.equal(
        pulled.body.conversation.id,
        shopper.conversationId,
        'the urgent conversation comes first',
      );
      assert.equal(pulled.body.conversation.priority, 'urgent');
      const notes = await call<{ messages: Message[] }>(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        member.token,
      );
      assert.ok(
        notes.body.messages.some((message) => message.isPrivate && message.text.includes('客户要求主管处理')),
      );
      await call('PUT', '/api/v1/admin/routing/settings', adminToken, {
        ...routing.body.settings,
        mode: 'least_loaded',
      });
    });

    test('the no-orphan check repairs what a crash or manual edit left and proves nothing is unowned', async () => {
      const db = server.kefu.services.database.db;
      const ghost = await createAgent();
      const first = await startShopper();
      await say(first.token, '你好');
      await call('POST', `/api/v1/agent/conversations/${first.conversationId}/takeover`, ghost.token);
      const second = await startShopper();
      await say(second.token, '转人工');
      // As if a crash had left it queued without its entry.
      await db
        .updateTable('conversations')
        .set({ status: 'queued', assignee_id: null })
        .where('id', '=', second.conversationId)
        .execute();
      await db.deleteFrom('queue_entries').where('conversation_id', '=', second.conversationId).execute();
      const report = await call<{
        report: {
          queuedWithoutEntryRestored: number;
          requeuedFromUnavailableAgents: number;
          orphansRemaining: number;
        };
      }>('POST', '/api/v1/admin/routing/check', adminToken);
      assert.ok(report.body.report.queuedWithoutEntryRestored >= 1);
      assert.ok(
        report.body.report.requeuedFromUnavailableAgents >= 1,
        'an offline agent cannot hold a conversation',
      );
      assert.equal(report.body.report.orphansRemaining, 0);
      const queued = await db.selectFrom('queue_entries').select('conversation_id').execute();
      const ids = queued.map((row) => row.conversation_id);
      for (const conversationId of [first.conversationId, second.conversationId]) {
        const conversation = await conversationOf(conversationId);
        assert.ok(
          conversation.status === 'assigned' || ids.includes(conversationId),
          `${conversationId} is owned or queued`,
        );
      }
    });

    test('CSAT: after resolution the shopper rates 1–5 in the chat or through the API, without reopening', async () => {
      const agent = await createAgent();
      const shopper = await startShopper();
      await say(shopper.token, '你好');
      await call('POST', `/api/v1/agent/conversations/${shopper.conversationId}/takeover`, agent.token);
      const socket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/visitor/ws?token=${shopper.token}`),
      );
      await call('POST', `/api/v1/agent/conversations/${shopper.conversationId}/resolve`, agent.token);
      const survey = await socket.waitFor(
        (frame) => frame.type === 'message.created' && JSON.stringify(frame).includes('评分：5'),
      );
      assert.ok(survey);
      socket.close();
      const rated = await say(shopper.token, '评分：4');
      assert.match(rated.replies[0]?.text ?? '', /感谢/);
      assert.equal((await conversationOf(shopper.conversationId)).status, 'resolved');
      const withComment = await requestJson<{ survey: { rating: number; comment: string } }>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/csat',
        {
          token: shopper.token,
          body: { rating: 5, comment: '很耐心' },
        },
      );
      assert.equal(withComment.status, 200);
      assert.deepEqual([withComment.body.survey.rating, withComment.body.survey.comment], [5, '很耐心']);
      const results = await call<{ averageRating: number }>('GET', '/api/v1/admin/csat', adminToken);
      assert.equal(results.body.averageRating, 5);
    });
  });
}
