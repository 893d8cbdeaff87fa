// KefuAgentClient against the real server (SQLite, demo data) over HTTP and a real WebSocket.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { startTestServer, testAdminPassword, type TestServer } from '../../server/test/helpers/testServer';
import { KefuAgentClient, type KefuAgentClientEvents } from './agentClient';
import type { AgentServerEvent } from './types';
import { KefuApiError, KefuVisitorClient } from './visitorClient';
import { waitForClientEvent, waitUntil } from './testWaits';

let server: TestServer;
let admin: KefuAgentClient;
/** Every client a test opens, disconnected at the end even when a test fails, so no reconnect keeps the process alive. */
const openClients: { disconnect(): void }[] = [];

before(async () => {
  server = await startTestServer();
  admin = createClient();
  const session = await admin.login('admin@kefu.test', testAdminPassword);
  assert.equal(session.agent.role, 'admin');
});

after(async () => {
  for (const client of openClients) client.disconnect();
  await server.close();
});

test('an agent sees a shopper message live, takes over, replies and the shopper receives it', async () => {
  const agentEmail = `agent-${Date.now()}@kefu.test`;
  const created = await admin.createAgent({
    email: agentEmail,
    displayName: '小王',
    password: 'password-123',
    role: 'agent',
  });
  assert.equal(created.role, 'agent');
  assert.ok((await admin.listAgents()).some((agent) => agent.id === created.id));

  const agent = createClient();
  await agent.login(agentEmail, 'password-123');
  assert.equal((await agent.setPresence('online')).presence, 'online');
  const events: AgentServerEvent[] = [];
  agent.on('event', (event) => events.push(event));
  const ready = waitFor(agent, 'event', (event) => event.type === 'ready');
  agent.connect();
  await ready;

  const shopper = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN', WebSocket });
  openClients.push(shopper);
  const session = await shopper.startSession();
  await shopper.sendMessage('我要投诉，订单太慢了，转人工');
  await waitUntil(() =>
    events.some(
      (event) =>
        event.type === 'message.created' &&
        event.message.sender === 'customer' &&
        event.conversation.id === session.conversationId,
    ),
  );
  const customerEvent = events.find((event) => event.type === 'message.created');
  assert.ok(customerEvent?.type === 'message.created' && customerEvent.message.analysis?.intent.id);

  // The agent is online, so routing may already have assigned the handed-off conversation to them.
  const visible = await agent.listConversations({ status: ['queued', 'assigned'] });
  const handedOff = visible.find((conversation) => conversation.id === session.conversationId);
  assert.ok(handedOff && (handedOff.assigneeId === null || handedOff.assigneeId === created.id));
  const taken = await agent.takeOver(session.conversationId);
  assert.equal(taken.status, 'assigned');
  assert.equal(taken.assigneeId, created.id);
  await agent.sendMessage(session.conversationId, { text: '内部备注：老客户', isPrivate: true });
  const reply = await agent.sendMessage(session.conversationId, { text: '您好，我来帮您处理。' });
  assert.equal(reply.sender, 'agent');

  const shopperMessages = await shopper.listMessages();
  assert.ok(shopperMessages.some((message) => message.text === '您好，我来帮您处理。'));
  assert.ok(!shopperMessages.some((message) => message.isPrivate), 'private notes stay private');
  const agentMessages = await agent.listMessages(session.conversationId);
  assert.ok(agentMessages.some((message) => message.isPrivate));
  assert.ok(agentMessages.some((message) => message.sender === 'customer' && message.analysis));

  const customer = await agent.getCustomer(session.customerId);
  assert.equal(customer.id, session.customerId);
  assert.ok(customer.identities.length >= 1);

  assert.equal((await agent.resolve(session.conversationId)).status, 'resolved');
  assert.equal((await agent.reopen(session.conversationId)).status, 'assigned');
  assert.equal((await agent.handBack(session.conversationId)).status, 'bot');
  await assert.rejects(agent.listAgents(), (error: unknown) => {
    assert.ok(error instanceof KefuApiError);
    assert.equal(error.status, 403);
    return true;
  });
  agent.disconnect();
});

test('admins manage bot rules and see what the bot understands', async () => {
  const rule = await admin.createBotRule({
    name: 'SDK invoice',
    matchType: 'contains',
    patterns: ['电子发票'],
    replyZh: '支持电子发票。',
    replyEn: 'E-invoices are supported.',
    priority: 5,
  });
  const updated = await admin.updateBotRule(rule.id, { replyZh: '支持开具电子发票，下单时填写抬头。' });
  assert.equal(updated.replyZh, '支持开具电子发票，下单时填写抬头。');
  const understanding = await admin.understand('可以开电子发票吗');
  assert.equal(understanding.matchedRule?.id, rule.id);
  assert.equal(typeof understanding.analysis.sentiment.label, 'string');
  assert.ok((await admin.listBotRules()).some((entry) => entry.id === rule.id));
  await admin.deleteBotRule(rule.id);
  assert.ok(!(await admin.listBotRules()).some((entry) => entry.id === rule.id));
});

test('the WebSocket reconnects after a drop and a revoked token is reported once', async () => {
  const client = createClient({ reconnectDelayMs: 50 });
  await client.login('admin@kefu.test', testAdminPassword);
  const opened = waitFor(client, 'connection', (state) => state === 'open');
  client.connect();
  await opened;
  const reconnected = waitFor(client, 'reconnected', () => true);
  server.kefu.services.gateway.closeAll();
  await reconnected;

  const token = client.token;
  assert.ok(token);
  const revoker = createClient({ token });
  await revoker.logout();
  const unauthorized = waitFor(client, 'unauthorized', () => true);
  const closed = waitFor(client, 'connection', (state) => state === 'closed');
  server.kefu.services.gateway.closeAll();
  await Promise.all([unauthorized, closed]);
  await assert.rejects(
    client.me(),
    (error: unknown) => error instanceof KefuApiError && error.status === 401,
  );
});

test('a wrong password is a typed 401 and the filter reaches the server', async () => {
  await assert.rejects(createClient().login('admin@kefu.test', 'wrong-password'), (error: unknown) => {
    assert.ok(error instanceof KefuApiError);
    assert.equal(error.status, 401);
    return true;
  });
  const requested: string[] = [];
  const client = createClient({
    token: admin.token,
    fetch: (url, init) => {
      requested.push(url);
      return globalThis.fetch(url, init);
    },
  });
  await client.listConversations({ status: ['queued', 'assigned'], assignee: 'me', q: '发货', limit: 5 });
  const query = new URL(requested[0] ?? '').searchParams;
  assert.equal(query.get('status'), 'queued,assigned');
  assert.equal(query.get('assignee'), 'me');
  assert.equal(query.get('q'), '发货');
  assert.equal(query.get('limit'), '5');
});

function createClient(overrides: Partial<ConstructorParameters<typeof KefuAgentClient>[0]> = {}) {
  const client = new KefuAgentClient({ baseUrl: server.baseUrl, WebSocket, ...overrides });
  openClients.push(client);
  return client;
}

function waitFor<K extends keyof KefuAgentClientEvents>(
  client: KefuAgentClient,
  name: K,
  predicate: (payload: KefuAgentClientEvents[K]) => boolean,
): Promise<void> {
  return waitForClientEvent<KefuAgentClientEvents, K>(client, name, predicate);
}
