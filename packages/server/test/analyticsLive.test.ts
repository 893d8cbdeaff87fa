// Reports follow real conversations: shoppers chat through the visitor API, an agent takes over, replies and
// resolves, the shopper rates; the durable refresh job brings the metrics up to date, time taken from the
// injected clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import type { Dashboard } from '../src/modules/analytics';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const morning = '2026-03-10T02:00:00.000Z';

for (const target of testDatabaseTargets()) {
  describe(`reports follow live conversations (${target.dialect})`, () => {
    const clock = new ManualClock(morning);
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect: target.dialect, clock });
      adminToken = await server.loginAdmin();
    });
    after(async () => server?.close());

    const startShopper = async () =>
      (
        await requestJson<VisitorSessionResponse>(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
          body: {},
        })
      ).body;
    const say = (token: string, text: string) =>
      requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', { token, body: { text } });
    const asAdmin = (method: string, path: string, body?: unknown) =>
      requestJson(server.baseUrl, method, path, { token: adminToken, body });
    const refreshByJob = async (key: string) => {
      const jobs = server.kefu.services.jobs;
      const jobId = await jobs.enqueue({ name: 'analytics.refresh_facts', payload: {}, idempotencyKey: key });
      await jobs.runNow([jobId]);
      assert.equal((await jobs.find(jobId))?.status, 'completed');
    };
    const overviewOfTheDay = async () => {
      const response = await requestJson<Dashboard>(
        server.baseUrl,
        'GET',
        '/api/v1/reports/dashboard?from=2026-03-10&to=2026-03-10&timeZone=Asia/Shanghai',
        { token: adminToken },
      );
      assert.equal(response.status, 200);
      return response.body;
    };

    test('a bot-only chat and a handed-off, resolved and rated one show in the figures', async () => {
      const browsing = await startShopper();
      await say(browsing.token, '运费怎么算');
      clock.advance(60_000);
      const unhappy = await startShopper();
      await say(unhappy.token, '转人工');
      clock.advance(120_000);
      assert.equal(
        (await asAdmin('POST', `/api/v1/agent/conversations/${unhappy.conversationId}/takeover`)).status,
        200,
      );
      await asAdmin('POST', `/api/v1/agent/conversations/${unhappy.conversationId}/messages`, {
        text: '您好，我来帮您处理',
      });
      clock.advance(600_000);
      assert.equal(
        (await asAdmin('POST', `/api/v1/agent/conversations/${unhappy.conversationId}/resolve`)).status,
        200,
      );
      clock.advance(30_000);
      const rated = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/csat', {
        token: unhappy.token,
        body: { rating: 5 },
      });
      assert.equal(rated.status, 200);
      await refreshByJob('first');

      const dashboard = await overviewOfTheDay();
      assert.equal(dashboard.overview.conversations, 2);
      assert.equal(dashboard.overview.handedOff, 1);
      assert.equal(dashboard.overview.botContained, 1);
      assert.equal(dashboard.overview.resolved, 1);
      assert.deepEqual(dashboard.overview.csat, { rated: 1, average: 5 });
      assert.equal(dashboard.responseTimes.firstResponse.averageSeconds, 120);
      assert.equal(dashboard.responseTimes.handling.averageSeconds, 600);
      assert.equal(dashboard.volume.byHourOfDay[10], 2, '10:00 in Shanghai');
      assert.deepEqual(
        dashboard.bot.handoffReasons.map((reason) => reason.label),
        ['顾客要求转人工'],
      );
      assert.equal(dashboard.agents[0]?.name, 'Admin');
      assert.equal(dashboard.agents[0]?.handled, 1);
    });

    test('a later refresh picks up what changed since the previous one, and only that', async () => {
      clock.advance(3_600_000);
      const later = await startShopper();
      await say(later.token, '我想退货');
      await refreshByJob('second');
      const dashboard = await overviewOfTheDay();
      assert.equal(dashboard.overview.conversations, 3);
      const refreshed = await server.kefu.services.analytics.refresher.refresh();
      assert.equal(refreshed.conversations, 1, 'the conversations changed in the last 5 minutes only');
    });
  });
}
