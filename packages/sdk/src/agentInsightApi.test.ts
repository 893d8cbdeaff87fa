// KefuInsightApi against the real server (SQLite, a manual clock): the dashboard, the export, spike alerts and
// the quality inspection of a conversation chatted through the SDK's visitor and agent clients.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { ManualClock } from '../../server/src/clock';
import { startTestServer, testAdminPassword, type TestServer } from '../../server/test/helpers/testServer';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import { KefuAgentClient } from './agentClient';
import { KefuInsightApi } from './agentInsightApi';
import { KefuVisitorClient } from './visitorClient';

const clock = new ManualClock('2026-03-10T02:00:00.000Z');
let server: TestServer;
let admin: KefuAgentClient;
let insight: KefuInsightApi;
let conversationId = '';

before(async () => {
  server = await startTestServer({ clock });
  admin = new KefuAgentClient({ baseUrl: server.baseUrl, WebSocket });
  await admin.login('admin@kefu.test', testAdminPassword);
  insight = new KefuInsightApi(admin);
  const shopper = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  conversationId = (await shopper.startSession()).conversationId;
  await shopper.sendMessage('你们怎么回事，气死我了，东西坏了');
  clock.advance(90_000);
  await admin.takeOver(conversationId);
  await admin.sendMessage(conversationId, { text: '什么问题' });
  clock.advance(60_000);
  await admin.resolve(conversationId);
  await server.kefu.services.analytics.refresher.refresh();
});

after(async () => {
  admin.disconnect();
  await server.close();
});

test('the dashboard parses every report, and the export comes as a file', async () => {
  const dashboard = await insight.getDashboard({ from: '2026-03-10', to: '2026-03-10', locale: 'en' });
  assert.equal(dashboard.overview.conversations, 1);
  assert.equal(dashboard.overview.resolved, 1);
  assert.deepEqual(dashboard.range.days, ['2026-03-10']);
  assert.equal(dashboard.volume.byChannel[0]?.label, 'Web');
  assert.equal(dashboard.agents[0]?.resolved, 1);
  assert.equal(dashboard.responseTimes.handling.averageSeconds, 60);
  const csv = await (
    await insight.exportConversations({ from: '2026-03-10', to: '2026-03-10' }, 'csv')
  ).text();
  assert.match(csv, new RegExp(conversationId));
  assert.deepEqual(await insight.listAlerts({ status: 'open' }), []);
});

test('inspection, flag review, scorecards, coaching notes and the rule set through the SDK', async () => {
  await waitUntil(
    async () => (await insight.listInspections({ from: '2026-03-10', to: '2026-03-10' })).length > 0,
    {
      description: 'the resolution was inspected',
    },
  );
  const inspection = await insight.getInspection(conversationId, 'en');
  const greeting = inspection.flags.find((flag) => flag.rule === 'greeting');
  assert.equal(greeting?.label, 'No greeting');
  const reviewed = await insight.reviewFlag(greeting?.id ?? '', { status: 'dismissed', note: 'short chat' });
  assert.equal(reviewed.flags.find((flag) => flag.id === greeting?.id)?.status, 'dismissed');
  assert.ok(reviewed.score > inspection.score);
  const cards = await insight.getScorecards({ from: '2026-03-09', to: '2026-03-15' });
  assert.equal(cards.agents[0]?.inspected, 1);
  const agentId = inspection.agent?.id ?? '';
  await insight.addCoachingNote(agentId, { text: '先安抚情绪', conversationId });
  assert.equal((await insight.listCoachingNotes(agentId))[0]?.text, '先安抚情绪');
  const ruleSet = await insight.getRuleSet();
  assert.equal(ruleSet.ruleNames.greeting, '未问候');
  const greetingRule = ruleSet.rules.greeting;
  assert.ok(greetingRule);
  const updated = await insight.updateRuleSet({ ...ruleSet.rules, greeting: { ...greetingRule, weight: 8 } });
  assert.equal(updated.rules.greeting?.weight, 8);
  const rerun = await insight.rerunInspection(conversationId);
  assert.equal(rerun.flags.find((flag) => flag.rule === 'greeting')?.status, 'dismissed', 'reviews are kept');
});
