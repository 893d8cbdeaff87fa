import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import type { TicketDetail } from '../src/modules/tickets/schemas';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';

// Friday 2026-01-09 17:30 in UTC+8; Monday the 12th is a holiday, so the next working morning is Tuesday.
const fridayEvening = '2026-01-09T09:30:00.000Z';
const saturday = '2026-01-10T04:00:00.000Z';
const tuesdayWarning = '2026-01-13T01:16:00.000Z';
const tuesdayBreach = '2026-01-13T01:31:00.000Z';

for (const target of testDatabaseTargets()) {
  describe(`tickets and SLA across business hours (${target.dialect})`, () => {
    let database: TestDatabase;
    let server: TestServer;
    let adminToken: string;
    const clock = new ManualClock(fridayEvening);
    before(async () => {
      database = await target.create();
      server = await startTestServer({
        dialect: target.dialect,
        clock,
        seedDemo: false,
        sharedDatabaseUrl: database.url,
      });
      adminToken = await server.loginAdmin();
      const settings = await call<{ settings: Record<string, unknown> }>(
        'GET',
        '/api/v1/admin/routing/settings',
      );
      const updated = await call('PUT', '/api/v1/admin/routing/settings', {
        ...settings.body.settings,
        businessHours: {
          enabled: true,
          utcOffsetMinutes: 480,
          weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
          holidays: ['2026-01-12'],
        },
      });
      assert.equal(updated.status, 200);
    });
    after(async () => {
      await server.close();
      await database.drop();
    });

    const call = <Body>(method: string, path: string, body?: unknown, token = adminToken) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    let highTicketId = '';

    test('a ticket gets SLA targets counted in business hours, skipping the weekend and holidays', async () => {
      const created = await call<{ ticket: { id: string; status: string } }>(
        'POST',
        '/api/v1/agent/tickets',
        {
          subject: '发票抬头开错了',
          description: '需要重开发票',
          priority: 'high',
          category: 'billing',
          links: [{ kind: 'order', targetId: 'KF202611010018' }],
        },
      );
      assert.equal(created.status, 201);
      highTicketId = created.body.ticket.id;
      const detail = await call<{ ticket: TicketDetail }>('GET', `/api/v1/agent/tickets/${highTicketId}`);
      const firstResponse = detail.body.ticket.sla.find((sla) => sla.target === 'first_response');
      assert.equal(
        firstResponse?.dueAt,
        '2026-01-13T01:30:00.000Z',
        'Friday 17:30 + 60 business minutes = Tuesday 09:30',
      );
      assert.equal(firstResponse?.warnAt, '2026-01-13T01:15:00.000Z');
      assert.deepEqual(
        detail.body.ticket.links.map((link) => link.kind),
        ['order'],
      );
      assert.equal(detail.body.ticket.history[0]?.action, 'created');
    });

    test('outside business hours the shopper is told so, and may leave a message that becomes a ticket', async () => {
      clock.set(saturday);
      const session = (
        await requestJson<VisitorSessionResponse>(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
          body: {},
        })
      ).body;
      const say = (text: string) =>
        requestJson<SendMessageResponse>(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
          token: session.token,
          body: { text },
        });
      await say('转人工');
      const history = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token: session.token },
      );
      const notice = history.body.messages.find((message) => message.sender === 'system');
      assert.match(notice?.text ?? '', /非工作时间/);
      assert.match(notice?.text ?? '', /01-13 09:00/, 'tells when people are back');
      const left = await say('我要留言');
      assert.match(left.body.replies[0]?.text ?? '', /工单号 tkt_/);
      const tickets = await call<{ tickets: { source: string; status: string }[] }>(
        'GET',
        `/api/v1/agent/tickets?customerId=${session.customerId}`,
      );
      assert.deepEqual(
        tickets.body.tickets.map((ticket) => ticket.source),
        ['left_message'],
      );
      clock.set(fridayEvening);
    });

    test('the lifecycle moves open → pending → on_hold → solved → closed and reopens; bad moves are refused', async () => {
      const created = await call<{ ticket: { id: string } }>('POST', '/api/v1/agent/tickets', {
        subject: 'Lifecycle',
        description: 'x',
      });
      const path = `/api/v1/agent/tickets/${created.body.ticket.id}`;
      assert.equal(
        (await call<{ ticket: { status: string } }>('PATCH', path, { status: 'closed' })).status,
        409,
      );
      for (const status of ['pending', 'on_hold', 'solved', 'closed', 'open']) {
        clock.advance(60_000);
        assert.equal(
          (await call<{ ticket: { status: string } }>('PATCH', path, { status })).body.ticket.status,
          status,
        );
      }
      const reply = await call<{ ticket: { firstRespondedAt: string | null } }>('POST', `${path}/comments`, {
        body: 'We are on it',
        internal: false,
      });
      assert.ok(reply.body.ticket.firstRespondedAt);
      await call('POST', `${path}/comments`, { body: 'internal only' });
      const detail = await call<{ ticket: TicketDetail }>('GET', path);
      assert.deepEqual(
        detail.body.ticket.comments.map((comment) => comment.internal),
        [false, true],
      );
      assert.ok(detail.body.ticket.history.some((entry) => entry.action === 'reopened'));
      const targets = detail.body.ticket.sla.map(
        (sla) => `${sla.target}:${sla.metAt ? 'met' : sla.cancelledAt ? 'cancelled' : 'running'}`,
      );
      assert.deepEqual(
        targets,
        ['first_response:cancelled', 'resolution:met', 'resolution:running'],
        'reopening restarts the resolution clock',
      );
    });

    test('warning then breach, each announced once, to supervisors over the WebSocket, surviving a restart', async () => {
      const socket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${adminToken}`),
      );
      clock.set(tuesdayWarning);
      const first = await call<{ warnings: number; breaches: number }>('POST', '/api/v1/admin/sla/evaluate');
      assert.deepEqual(first.body, { warnings: 1, breaches: 0 });
      const warning = await socket.waitFor((frame) => frame.type === 'ticket.sla_alert');
      assert.equal(warning.event, 'ticket.sla_warning');
      assert.equal(warning.ticketId, highTicketId);
      assert.deepEqual(
        (await call('POST', '/api/v1/admin/sla/evaluate')).body,
        { warnings: 0, breaches: 0 },
        'idempotent',
      );
      socket.close();

      await server.close();
      server = await startTestServer({
        dialect: target.dialect,
        clock,
        seedDemo: false,
        sharedDatabaseUrl: database.url,
      });
      adminToken = await server.loginAdmin();
      const afterRestart = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${adminToken}`),
      );
      assert.deepEqual(
        (await call('POST', '/api/v1/admin/sla/evaluate')).body,
        { warnings: 0, breaches: 0 },
        'the warning is remembered',
      );
      clock.set(tuesdayBreach);
      assert.deepEqual((await call('POST', '/api/v1/admin/sla/evaluate')).body, { warnings: 0, breaches: 1 });
      const breach = await afterRestart.waitFor(
        (frame) => frame.type === 'ticket.sla_alert' && frame.event === 'ticket.sla_breached',
      );
      assert.equal(breach.target, 'first_response');
      assert.deepEqual((await call('POST', '/api/v1/admin/sla/evaluate')).body, { warnings: 0, breaches: 0 });
      const overdue = await call<{ tickets: { id: string }[] }>('GET', '/api/v1/agent/tickets?overdue=true');
      assert.deepEqual(
        overdue.body.tickets.map((ticket) => ticket.id),
        [highTicketId],
      );
      const rows = await server.kefu.services.database.db
        .selectFrom('ticket_sla_targets')
        .select(['breached_at'])
        .where('ticket_id', '=', highTicketId)
        .execute();
      assert.equal(rows.filter((row) => row.breached_at !== null).length, 1, 'one breach record per target');
      afterRestart.close();
    });

    test('SLA policies are managed by supervisors and admins only', async () => {
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', {
        email: 'plain@kefu.test',
        displayName: 'Plain',
        password: 'password-123',
        role: 'agent',
      });
      assert.equal(created.status, 201);
      const agentToken = await server.login('plain@kefu.test', 'password-123');
      assert.equal((await call('GET', '/api/v1/admin/sla/policies', undefined, agentToken)).status, 403);
      const policy = await call<{ policy: { id: string } }>('POST', '/api/v1/admin/sla/policies', {
        name: 'WeChat complaints',
        position: 1,
        matchCategory: 'complaint',
        matchChannel: 'wechat',
        firstResponseMinutes: 10,
      });
      assert.equal(policy.status, 201);
      const list = await call<{ policies: { name: string }[] }>('GET', '/api/v1/admin/sla/policies');
      assert.equal(list.body.policies[0]?.name, 'WeChat complaints');
      assert.equal((await call('DELETE', `/api/v1/admin/sla/policies/${policy.body.policy.id}`)).status, 204);
    });
  });
}
