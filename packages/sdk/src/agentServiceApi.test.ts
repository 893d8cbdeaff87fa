// KefuServiceApi against the real server (SQLite, demo data, a manual clock): handoff summary, queue,
// classification, transfer, pull, tickets with SLA breach and live alert, policies, teams, settings, CSAT.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { ManualClock } from '../../server/src/clock';
import { startTestServer, testAdminPassword, type TestServer } from '../../server/test/helpers/testServer';
import { KefuAgentClient } from './agentClient';
import { KefuServiceApi } from './agentServiceApi';
import type { AgentServerEvent } from './types';
import { KefuApiError, KefuVisitorClient } from './visitorClient';

const clock = new ManualClock(new Date());
let server: TestServer;
let admin: KefuAgentClient;
let adminApi: KefuServiceApi;
const openClients: { disconnect(): void }[] = [];

before(async () => {
  server = await startTestServer({ clock });
  admin = new KefuAgentClient({ baseUrl: server.baseUrl, WebSocket });
  openClients.push(admin);
  await admin.login('admin@kefu.test', testAdminPassword);
  adminApi = new KefuServiceApi(admin);
  // Open around the clock and no automatic assignment, so conversations wait in the queue.
  const settings = await adminApi.getRoutingSettings();
  await adminApi.updateRoutingSettings({
    ...settings,
    mode: 'manual',
    businessHours: { ...settings.businessHours, enabled: false },
  });
});

after(async () => {
  for (const client of openClients) client.disconnect();
  await server.close();
});

test('a handed-off conversation is summarised, queued, re-prioritised and transferred to an agent', async () => {
  const shopper = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  const session = await shopper.startSession();
  await shopper.sendMessage('订单 DD20240101 的退款还没到账');
  await shopper.sendMessage('转人工');

  const queue = await adminApi.listQueue();
  const entry = queue.entries.find((candidate) => candidate.conversationId === session.conversationId);
  assert.ok(entry, 'the conversation waits in the queue');
  assert.equal(entry.position >= 1, true);

  const summary = await adminApi.getHandoffSummary(session.conversationId);
  assert.ok(summary.triggers.some((trigger) => trigger.reason === 'customer_request'));
  assert.equal(summary.lastQuestion, '转人工');
  assert.ok(summary.customerMessageCount >= 2);

  const overridden = await adminApi.overrideClassification(session.conversationId, {
    priority: 'urgent',
    category: 'refund',
  });
  assert.equal(overridden.priority, 'urgent');
  assert.equal(overridden.category, 'refund');
  const reordered = await adminApi.listQueue();
  assert.equal(reordered.entries[0]?.conversationId, session.conversationId, 'urgent goes first');

  const { client: agent, agentId } = await createOnlineAgent('agent');
  const events: AgentServerEvent[] = [];
  agent.on('event', (event) => events.push(event));
  const ready = waitUntil(() => events.some((event) => event.type === 'ready'));
  agent.connect();
  await ready;

  const directory = await new KefuServiceApi(agent).getDirectory();
  assert.equal(directory.agents.find((colleague) => colleague.id === agentId)?.presence, 'online');
  const transferred = await adminApi.transferConversation(session.conversationId, {
    toAgentId: agentId,
    note: '退款金额较大，请优先处理',
  });
  assert.equal(transferred.assigneeId, agentId);
  assert.equal(transferred.status, 'assigned');
  await waitUntil(() =>
    events.some(
      (event) =>
        event.type === 'conversation.updated' &&
        event.conversation.id === session.conversationId &&
        event.conversation.assigneeId === agentId,
    ),
  );
  const agentApi = new KefuServiceApi(agent);
  await assert.rejects(
    agentApi.overrideClassification(session.conversationId, { priority: 'low' }),
    (error: unknown) => error instanceof KefuApiError && error.status === 403,
  );
});

test('an agent pulls the next waiting conversation in manual mode', async () => {
  const shopper = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  const session = await shopper.startSession();
  await shopper.sendMessage('人工客服');
  const { client: agent, agentId } = await createOnlineAgent('agent');
  const agentApi = new KefuServiceApi(agent);
  const before = await agentApi.listQueue();
  assert.ok(before.entries.some((entry) => entry.conversationId === session.conversationId));
  const pulled = await agentApi.pullNext();
  assert.equal(pulled.assigneeId, agentId);
  const remaining = await agentApi.listQueue();
  assert.equal(remaining.total, before.total - 1);
});

test('a ticket moves through its lifecycle, gets comments and breaches its SLA with a live alert', async () => {
  const policy = await adminApi.createSlaPolicy({
    name: '加急工单',
    position: 1,
    matchPriority: 'urgent',
    matchCategory: null,
    matchChannel: null,
    firstResponseMinutes: 5,
    nextResponseMinutes: null,
    resolutionMinutes: 60,
    warningMinutes: 2,
    businessHoursOnly: false,
    enabled: true,
  });
  assert.ok((await adminApi.listSlaPolicies()).some((candidate) => candidate.id === policy.id));
  const updatedPolicy = await adminApi.updateSlaPolicy(policy.id, { ...policy, firstResponseMinutes: 3 });
  assert.equal(updatedPolicy.firstResponseMinutes, 3);

  const { client: agent, agentId } = await createOnlineAgent('agent');
  const agentApi = new KefuServiceApi(agent);
  const events: AgentServerEvent[] = [];
  agent.on('event', (event) => events.push(event));
  const ready = waitUntil(() => events.some((event) => event.type === 'ready'));
  agent.connect();
  await ready;

  const ticket = await agentApi.createTicket({
    subject: '快递丢件，需要补发',
    description: '顾客反映包裹显示已签收但未收到。',
    priority: 'urgent',
    category: 'delivery_problem',
    assigneeId: agentId,
    links: [{ kind: 'order', targetId: 'DD20240101' }],
  });
  assert.equal(ticket.status, 'open');
  assert.equal((await agentApi.updateTicket(ticket.id, { status: 'pending' })).status, 'pending');
  await agentApi.commentOnTicket(ticket.id, { body: '已联系快递公司核实', internal: true });

  clock.advance(4 * 60_000);
  const evaluation = await adminApi.evaluateSla();
  assert.ok(evaluation.breaches >= 1);
  await waitUntil(() =>
    events.some(
      (event) =>
        event.type === 'ticket.sla_alert' &&
        event.ticketId === ticket.id &&
        event.event === 'ticket.sla_breached' &&
        event.target === 'first_response',
    ),
  );

  const detail = await agentApi.getTicket(ticket.id);
  assert.equal(detail.status, 'pending');
  assert.ok(detail.comments.some((comment) => comment.body === '已联系快递公司核实' && comment.internal));
  assert.ok(detail.links.some((link) => link.kind === 'order' && link.targetId === 'DD20240101'));
  assert.ok(detail.history.length >= 2);
  const firstResponse = detail.sla.find((target) => target.target === 'first_response');
  assert.ok(firstResponse?.breachedAt, 'the first response target is marked breached');
  const overdue = await agentApi.listTickets({ assignee: 'me', overdue: true });
  assert.deepEqual(
    overdue.map((candidate) => candidate.id),
    [ticket.id],
  );

  for (const status of ['on_hold', 'solved', 'closed', 'open'] as const)
    assert.equal((await agentApi.updateTicket(ticket.id, { status })).status, status);
  await adminApi.deleteSlaPolicy(policy.id);
});

test('teams, agent skills, routing and handoff settings and the CSAT overview round-trip', async () => {
  const { agentId } = await createOnlineAgent('agent');
  const team = await adminApi.createTeam({ name: '售后组', memberIds: [agentId] });
  const renamed = await adminApi.updateTeam(team.id, { name: '售后一组', memberIds: [agentId] });
  assert.equal(renamed.name, '售后一组');
  assert.ok((await adminApi.listTeams()).some((candidate) => candidate.id === team.id));

  const profile = await adminApi.setAgentRouting(agentId, {
    capacity: 3,
    skills: { categories: ['refund'], languages: ['zh'], channels: ['web'], productLines: [] },
  });
  assert.equal(profile.capacity, 3);
  assert.deepEqual(profile.teamIds, [team.id]);
  assert.deepEqual((await adminApi.getAgentRouting(agentId)).skills.categories, ['refund']);

  const routing = await adminApi.getRoutingSettings();
  const holidays = ['2026-10-01'];
  const savedRouting = await adminApi.updateRoutingSettings({
    ...routing,
    businessHours: { ...routing.businessHours, holidays },
  });
  assert.deepEqual(savedRouting.businessHours.holidays, holidays);
  assert.equal((await adminApi.runRoutingCheck()).orphansRemaining, 0);

  const handoff = await adminApi.getHandoffSettings();
  assert.ok(handoff.categories.length > 0);
  const savedHandoff = await adminApi.updateHandoffSettings({
    ...handoff.settings,
    refundAmount: { ...handoff.settings.refundAmount, thresholdCny: 800 },
  });
  assert.equal(savedHandoff.refundAmount.thresholdCny, 800);

  const csat = await adminApi.getCsatOverview(20);
  assert.ok(Array.isArray(csat.surveys));
  assert.ok(csat.averageRating === null || (csat.averageRating >= 1 && csat.averageRating <= 5));
});

async function createOnlineAgent(
  role: 'agent' | 'supervisor',
): Promise<{ client: KefuAgentClient; agentId: string }> {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@kefu.test`;
  const created = await admin.createAgent({ email, displayName: '小李', password: 'password-123', role });
  const client = new KefuAgentClient({ baseUrl: server.baseUrl, WebSocket });
  openClients.push(client);
  await client.login(email, 'password-123');
  await client.setPresence('online');
  return { client, agentId: created.id };
}

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for a condition');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
