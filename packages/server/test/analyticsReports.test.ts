// Reports over a generated history of thousands of conversations: every figure of the dashboard, in two
// time zones (one with a daylight saving change inside the range) and under each filter, equals the figure
// worked out straight from the history; the export and the row API hold the same conversations.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { ManualClock } from '../src/clock';
import type { Dashboard } from '../src/modules/analytics';
import { expectDashboard, expectSla } from './helpers/expectedDashboard';
import type { ExpectedConversation, ExpectedFilter } from './helpers/expectedMetrics';
import { expectConversation } from './helpers/expectedMetrics';
import { requestJson } from './helpers/http';
import { generateHistory } from './helpers/historyModel';
import { writeHistory } from './helpers/historyRows';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const now = Date.parse('2026-03-16T06:00:00.000Z');
const conversationCount = 2_500;

for (const target of testDatabaseTargets()) {
  describe(`reports over a generated history (${target.dialect})`, () => {
    let server: TestServer;
    let token: string;
    let agentIds: string[] = [];
    let teams: { id: string; memberIds: string[] }[] = [];
    let expected: ExpectedConversation[] = [];

    before(async () => {
      server = await startTestServer({ dialect: target.dialect, clock: new ManualClock(new Date(now)) });
      token = await server.loginAdmin();
      agentIds = [];
      for (const name of ['王芳', '李娜', 'Sam', '赵磊']) {
        const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', {
          email: `${agentIds.length}-report@kefu.test`,
          displayName: name,
          password: 'password-123',
          role: 'agent',
        });
        agentIds.push(created.body.agent.id);
      }
      teams = [];
      for (const [name, memberIds] of [
        ['售前组', agentIds.slice(0, 2)],
        ['售后组', agentIds.slice(2)],
      ] as const) {
        const created = await call<{ team: { id: string; memberIds: string[] } }>(
          'POST',
          '/api/v1/admin/teams',
          { name, memberIds },
        );
        teams.push(created.body.team);
      }
      const products = await server.kefu.services.database.db
        .selectFrom('products')
        .select('id')
        .orderBy('id')
        .limit(6)
        .execute();
      const history = generateHistory(
        {
          start: Date.parse('2026-02-22T00:00:00.000Z'),
          days: 22,
          customers: 1_500,
          agentIds,
          teamIds: teams.map((team) => team.id),
          productIds: products.map((product) => product.id),
        },
        conversationCount,
        15,
      );
      await writeHistory(server.kefu.services.database.db, history);
      const refreshed = await server.kefu.services.analytics.refresher.refresh();
      assert.equal(refreshed.conversations, conversationCount);
      expected = history.map(expectConversation);
    });
    after(async () => server?.close());

    const call = <Body>(method: string, path: string, body?: unknown, bearer = token) =>
      requestJson<Body>(server.baseUrl, method, path, { token: bearer, body });
    const dashboardFor = async (query: Record<string, string>) => {
      const response = await call<Dashboard>(
        'GET',
        `/api/v1/reports/dashboard?${new URLSearchParams(query)}`,
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };

    test('every figure of the dashboard (Asia/Shanghai) equals the history', async () => {
      const filter: ExpectedFilter = { from: '2026-02-23', to: '2026-03-14', timeZone: 'Asia/Shanghai' };
      const dashboard = await dashboardFor({ from: filter.from, to: filter.to, timeZone: filter.timeZone });
      assertDashboard(dashboard, expected, filter);
      assert.ok(dashboard.overview.conversations > 1_500, 'most of the history is in the range');
      assert.equal(dashboard.range.days.length, 20);
    });

    test('in New York, across the daylight saving change, days and hours are local', async () => {
      const filter: ExpectedFilter = { from: '2026-03-01', to: '2026-03-12', timeZone: 'America/New_York' };
      const dashboard = await dashboardFor({ from: filter.from, to: filter.to, timeZone: filter.timeZone });
      assertDashboard(dashboard, expected, filter);
    });

    test('channel, category, team and agent filters narrow every figure', async () => {
      const base = { from: '2026-02-23', to: '2026-03-14', timeZone: 'Asia/Shanghai' };
      const team = teams[1];
      const agentId = agentIds[0];
      if (!team || !agentId) throw new Error('no team or agent');
      const cases: [Record<string, string>, ExpectedFilter & { teamId?: string }][] = [
        [{ channel: 'wechat' }, { ...base, channel: 'wechat' }],
        [{ category: 'logistics' }, { ...base, category: 'logistics' }],
        [{ teamId: team.id }, { ...base, agentIds: team.memberIds, teamId: team.id }],
        [{ agentId }, { ...base, agentIds: [agentId] }],
        [
          { agentId, channel: 'web', teamId: team.id },
          { ...base, channel: 'web', agentIds: [], teamId: team.id },
        ],
      ];
      for (const [query, filter] of cases) {
        const dashboard = await dashboardFor({ ...base, ...query });
        assertDashboard(dashboard, expected, filter);
      }
    });

    test('the export and the row API hold one row per conversation with the same figures', async () => {
      const query = new URLSearchParams({ from: '2026-03-02', to: '2026-03-08', channel: 'app' });
      const dashboard = await dashboardFor(Object.fromEntries(query));
      const csv = await fetchFile(`/api/v1/reports/conversations/export?${query}&format=csv`);
      assert.match(csv.contentType, /text\/csv/);
      const lines = csv.body
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      const header = lines[0]?.split(',') ?? [];
      assert.equal(header[0], '会话 ID');
      assert.equal(lines.length - 1, dashboard.overview.conversations);
      const agentColumn = header.indexOf('客服消息数');
      const agentMessages = lines
        .slice(1)
        .reduce((total, line) => total + Number(line.split(',')[agentColumn] ?? 0), 0);
      assert.equal(agentMessages, dashboard.overview.messages.agent);
      assert.doesNotMatch(
        lines.slice(1).join('\n'),
        /,(?:web|app|wechat|logistics|after_sales|order_tracking|customer_request),/,
        'names, not codes',
      );

      const xlsx = await fetchFile(`/api/v1/reports/conversations/export?${query}&format=xlsx&locale=en`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(xlsx.body).buffer);
      const sheet = workbook.worksheets[0];
      assert.equal(sheet?.getRow(1).getCell(1).value, 'Conversation ID');
      assert.equal((sheet?.rowCount ?? 0) - 1, dashboard.overview.conversations);

      const listed: { conversationId: string; agentMessages: number }[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: { rows: typeof listed; nextCursor: string | null } } = await call(
          'GET',
          `/api/v1/reports/conversations?${query}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(page.status, 200);
        listed.push(...page.body.rows);
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.equal(new Set(listed.map((row) => row.conversationId)).size, dashboard.overview.conversations);
      assert.equal(
        listed.reduce((total, row) => total + row.agentMessages, 0),
        dashboard.overview.messages.agent,
      );
    });

    test('bad input gets a clear 4xx, and only roles with reports:read see reports', async () => {
      const plainAgent = await server.login('0-report@kefu.test', 'password-123');
      assert.equal((await call('GET', '/api/v1/reports/overview', undefined, '')).status, 401);
      assert.equal((await call('GET', '/api/v1/reports/overview', undefined, plainAgent)).status, 403);
      for (const [query, message] of [
        ['timeZone=Mars/Olympus', /IANA time zone/],
        ['from=2026-03-10&to=2026-03-01', /must not be after/],
        ['from=2025-01-01&to=2026-03-01', /at most 366 days/],
        ['from=2026-02-30', /calendar date|2026-01-31/],
        ['channel=fax', /channel/],
        ['colour=red', /colour|Unrecognized/i],
      ] as const) {
        const response = await call<{ error: { code: string; message: string } }>(
          'GET',
          `/api/v1/reports/volume?${query}`,
        );
        assert.equal(response.status, 400, query);
        assert.match(response.body.error.message, message, query);
      }
      const unknownTeam = await call<{ error: { code: string } }>(
        'GET',
        '/api/v1/reports/csat?teamId=team_x',
      );
      assert.equal(unknownTeam.status, 404);
      assert.equal(unknownTeam.body.error.code, 'team_not_found');
      assert.equal((await call('GET', '/api/v1/reports/conversations/export?format=pdf')).status, 400);
      assert.equal((await call('GET', '/api/v1/reports/conversations?cursor=oops')).status, 400);
    });

    test("a reader without reports:read_all counts only its own teams' conversations", async () => {
      const team = teams[0];
      if (!team) throw new Error('no team');
      const role = await call<{ role: { id: string } }>('POST', '/api/v1/admin/roles', {
        name: '组长',
        permissions: ['reports:read', 'conversations:read'],
      });
      const lead = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', {
        email: 'lead-report@kefu.test',
        displayName: '组长',
        password: 'password-123',
        role: 'custom',
        customRoleId: role.body.role.id,
      });
      assert.equal(lead.status, 201, JSON.stringify(lead.body));
      const memberIds = [...team.memberIds, lead.body.agent.id];
      const saved = await call('PUT', `/api/v1/admin/teams/${team.id}`, { name: '售前组', memberIds });
      assert.equal(saved.status, 200);
      const leadToken = await server.login('lead-report@kefu.test', 'password-123');
      const base = { from: '2026-02-23', to: '2026-03-14', timeZone: 'Asia/Shanghai' };
      const scoped = await call<Dashboard>(
        'GET',
        `/api/v1/reports/dashboard?${new URLSearchParams(base)}`,
        undefined,
        leadToken,
      );
      assert.equal(scoped.status, 200);
      assertDashboard(scoped.body, expected, { ...base, agentIds: memberIds });
      const otherTeam = await call<{ error: { code: string } }>(
        'GET',
        `/api/v1/reports/overview?teamId=${teams[1]?.id ?? ''}`,
        undefined,
        leadToken,
      );
      assert.equal(otherTeam.status, 403);
      const rows = await call<{ rows: { agent: { id: string } | null }[] }>(
        'GET',
        `/api/v1/reports/conversations?${new URLSearchParams(base)}&limit=1000`,
        undefined,
        leadToken,
      );
      assert.equal(rows.status, 200);
      assert.ok(rows.body.rows.length > 0);
      for (const row of rows.body.rows) assert.ok(row.agent && memberIds.includes(row.agent.id));
    });

    async function fetchFile(path: string): Promise<{ contentType: string; body: Buffer }> {
      const response = await fetch(`${server.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200);
      return {
        contentType: response.headers.get('content-type') ?? '',
        body: Buffer.from(await response.arrayBuffer()),
      };
    }
  });
}

function assertDashboard(
  dashboard: Dashboard,
  all: readonly ExpectedConversation[],
  filter: ExpectedFilter & { teamId?: string },
): void {
  const label = JSON.stringify(filter);
  const wanted = expectDashboard(all, filter, now, dashboard.range.days);
  const { overview } = dashboard;
  assert.deepEqual(
    rounded({
      conversations: overview.conversations,
      engaged: overview.engaged,
      botContained: overview.botContained,
      handedOff: overview.handedOff,
      resolved: overview.resolved,
      firstContactResolved: overview.firstContactResolved,
      messages: overview.messages,
      csat: overview.csat,
    }),
    rounded(wanted.overview),
    label,
  );
  assert.deepEqual(byKey(dashboard.volume.byChannel), wanted.volumeByChannel, label);
  assert.deepEqual(dashboard.volume.byHourOfDay, wanted.volumeByHour, label);
  assert.deepEqual(sumSeries(dashboard.volume.byDay, dashboard.range.days.length), wanted.volumeByDay, label);
  assert.deepEqual(byKey(dashboard.topics.categories), wanted.categories, label);
  assert.deepEqual(byKey(dashboard.topics.intents), wanted.intents, label);
  assert.deepEqual(byKey(dashboard.bot.handoffReasons), wanted.handoffReasons, label);
  assert.deepEqual(dashboard.bot.trend.contained, wanted.containedByDay, label);
  assert.deepEqual(
    rounded(dashboard.responseTimes.firstResponse),
    rounded(wanted.responseTimes.firstResponse),
  );
  assert.deepEqual(rounded(dashboard.responseTimes.handling), rounded(wanted.responseTimes.handling), label);
  assert.deepEqual(rounded(dashboard.responseTimes.resolution), rounded(wanted.responseTimes.resolution));
  assert.deepEqual(
    {
      requested: dashboard.csat.requested,
      rated: dashboard.csat.rated,
      distribution: dashboard.csat.distribution,
    },
    wanted.csat,
    label,
  );
  assert.deepEqual(byKey(dashboard.backlog.open), wanted.backlog.open, label);
  assert.deepEqual(dashboard.backlog.openByAge, wanted.backlog.openByAge, label);
  assert.deepEqual(dashboard.backlog.endOfDay, wanted.backlog.endOfDay, label);
  assert.deepEqual(
    rounded(
      Object.fromEntries(
        dashboard.agents.map(({ agentId, name: _name, qaInspected: _q, qaAverageScore: _s, ...figures }) => [
          agentId,
          figures,
        ]),
      ),
    ),
    rounded(wanted.agents),
    label,
  );
  assert.deepEqual(
    Object.fromEntries(dashboard.productIssues.map((product) => [product.productId, product.total])),
    Object.fromEntries(
      Object.entries(wanted.productIssues)
        .sort(
          ([leftId, left], [rightId, right]) => right - left || (leftId ?? '').localeCompare(rightId ?? ''),
        )
        .slice(0, 10),
    ),
    label,
  );
  const asked = Object.entries(wanted.questions.byText).sort(
    ([leftText, left], [rightText, right]) => right.asked - left.asked || leftText.localeCompare(rightText),
  );
  assert.deepEqual(
    Object.fromEntries(dashboard.questions.topQuestions.map(({ question, ...counts }) => [question, counts])),
    Object.fromEntries(asked.slice(0, 10)),
    label,
  );
  assert.equal(
    dashboard.questions.gaps.reduce((total, gap) => total + gap.count, 0),
    wanted.questions.gapQuestions,
    label,
  );
  const sla = expectSla(all, filter, now);
  assert.deepEqual(
    Object.fromEntries(
      dashboard.sla.byTarget.map((target) => [target.key, { met: target.met, missed: target.missed }]),
    ),
    sla,
    label,
  );
  for (const series of [dashboard.topics.categories, dashboard.topics.intents, dashboard.volume.byChannel])
    for (const item of series) assert.doesNotMatch(item.label, /^[a-z]+_[a-z_]+$/, 'labels, not codes');
}

function byKey(items: readonly { key: string | null; value: number }[]): Record<string, number> {
  return Object.fromEntries(items.map((item) => [item.key ?? 'null', item.value]));
}

function sumSeries(series: readonly { values: number[] }[], days: number): number[] {
  return Array.from({ length: days }, (_, index) =>
    series.reduce((total, item) => total + (item.values[index] ?? 0), 0),
  );
}

/** Averages agree to 6 decimal places (the database and JavaScript add in different orders). */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e6) / 1e6;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item)]));
  return value;
}
