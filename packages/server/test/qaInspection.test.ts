// Quality inspection end to end: conversations chatted through the visitor and agent APIs are inspected by a
// durable job when resolved; supervisors confirm and dismiss flags (the score follows), read scorecards, write
// coaching notes and change the rules; the reports show the QA score per agent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

interface Flag {
  id: string;
  rule: string;
  label: string;
  status: string;
  messageId: string | null;
}
interface Inspection {
  conversationId: string;
  score: number;
  agent: { id: string; name: string } | null;
  flags: Flag[];
  transcript: { id: string; text: string }[];
}

for (const target of testDatabaseTargets()) {
  describe(`quality inspection (${target.dialect})`, () => {
    const clock = new ManualClock('2026-03-10T02:00:00.000Z');
    let server: TestServer;
    let supervisorToken: string;
    let agentToken: string;
    let agentId: string;
    let rudeConversation: string;

    before(async () => {
      server = await startTestServer({ dialect: target.dialect, clock });
      const adminToken = await server.loginAdmin();
      for (const [role, name] of [
        ['supervisor', '周主管'],
        ['agent', '王芳'],
      ] as const) {
        const created = await requestJson<{ agent: { id: string } }>(
          server.baseUrl,
          'POST',
          '/api/v1/admin/agents',
          {
            token: adminToken,
            body: { email: `${role}-qa@kefu.test`, displayName: name, password: 'password-123', role },
          },
        );
        if (role === 'agent') agentId = created.body.agent.id;
      }
      supervisorToken = await server.login('supervisor-qa@kefu.test', 'password-123');
      agentToken = await server.login('agent-qa@kefu.test', 'password-123');
    });
    after(async () => server?.close());

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    /** A chat: `[seconds to wait, who, text]`; the agent takes over before their first message. */
    async function chat(lines: [number, 'shopper' | 'agent', string][]): Promise<string> {
      const session = (
        await requestJson<VisitorSessionResponse>(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
          body: {},
        })
      ).body;
      let joined = false;
      for (const [seconds, who, text] of lines) {
        clock.advance(seconds * 1000);
        if (who === 'shopper') {
          await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
            token: session.token,
            body: { text },
          });
          continue;
        }
        if (!joined)
          await call('POST', `/api/v1/agent/conversations/${session.conversationId}/takeover`, agentToken);
        joined = true;
        const sent = await call(
          'POST',
          `/api/v1/agent/conversations/${session.conversationId}/messages`,
          agentToken,
          {
            text,
          },
        );
        assert.equal(sent.status, 201, JSON.stringify(sent.body));
      }
      clock.advance(30_000);
      const resolved = await call(
        'POST',
        `/api/v1/agent/conversations/${session.conversationId}/resolve`,
        agentToken,
      );
      assert.equal(resolved.status, 200);
      return session.conversationId;
    }
    async function inspectionOf(conversationId: string): Promise<Inspection> {
      let found: Inspection | null = null;
      await waitUntil(
        async () => {
          const response = await call<{ inspection: Inspection }>(
            'GET',
            `/api/v1/qa/inspections/${conversationId}`,
            supervisorToken,
          );
          found = response.status === 200 ? response.body.inspection : null;
          return found !== null;
        },
        { timeoutMs: 30_000, description: 'inspection after resolution' },
      );
      if (!found) throw new Error('not inspected');
      return found;
    }
    const rules = (inspection: Inspection) => inspection.flags.map((flag) => flag.rule).sort();

    test('a rude, slow, over-promising agent conversation is flagged rule by rule when resolved', async () => {
      rudeConversation = await chat([
        [0, 'shopper', '你们怎么回事，气死我了，东西坏了'],
        [180, 'agent', '什么问题'],
        [20, 'shopper', '充电器坏了，用不了'],
        [400, 'agent', '你自己看说明书，烦死了'],
        [10, 'shopper', '我要投诉'],
        [30, 'agent', '我保证明天一定给您换货，我的电话是13812345678'],
        [30, 'shopper', '太差劲了'],
      ]);
      const inspection = await inspectionOf(rudeConversation);
      assert.deepEqual(rules(inspection), [
        'closing',
        'forbidden_words',
        'greeting',
        'ignored_anger',
        'ignored_anger',
        'long_silence',
        'negative_end',
        'personal_data',
        'unkeepable_promise',
      ]);
      assert.equal(inspection.score, 0, '113 points off, never below 0');
      assert.equal(inspection.agent?.name, '王芳');
      const flagged = inspection.flags.find((flag) => flag.rule === 'forbidden_words');
      assert.match(
        inspection.transcript.find((message) => message.id === flagged?.messageId)?.text ?? '',
        /烦死了/,
      );
      assert.equal(flagged?.label, '不文明用语');
    });

    test('a courteous English conversation scores 100; one without an agent message is not inspected', async () => {
      const polite = await chat([
        [0, 'shopper', 'Hi, my parcel arrived broken'],
        [20, 'agent', "Hello, I'm so sorry about that! I have arranged a replacement that ships today."],
        [20, 'shopper', 'ok thanks'],
        [20, 'agent', 'Anything else I can help with? Have a great day!'],
      ]);
      const inspection = await inspectionOf(polite);
      assert.deepEqual(inspection.flags, []);
      assert.equal(inspection.score, 100);
      const silent = await chat([[0, 'shopper', '在吗']]);
      const listed = await call<{ inspections: { conversationId: string }[] }>(
        'GET',
        '/api/v1/qa/inspections?from=2026-03-10&to=2026-03-10',
        supervisorToken,
      );
      assert.ok(!listed.body.inspections.some((row) => row.conversationId === silent));
      assert.equal((await call('GET', `/api/v1/qa/inspections/${silent}`, supervisorToken)).status, 404);
    });

    test('supervisors confirm and dismiss flags and the score follows; agents may not review', async () => {
      const inspection = await inspectionOf(rudeConversation);
      const flagOf = (rule: string) => inspection.flags.find((flag) => flag.rule === rule)?.id ?? '';
      assert.equal(
        (
          await call('PATCH', `/api/v1/qa/flags/${flagOf('personal_data')}`, agentToken, {
            status: 'dismissed',
          })
        ).status,
        403,
      );
      let reviewed: Inspection = inspection;
      for (const rule of ['personal_data', 'forbidden_words', 'unkeepable_promise']) {
        const response = await call<{ inspection: Inspection }>(
          'PATCH',
          `/api/v1/qa/flags/${flagOf(rule)}`,
          supervisorToken,
          { status: 'dismissed', note: '测试' },
        );
        assert.equal(response.status, 200);
        reviewed = response.body.inspection;
      }
      assert.equal(reviewed.score, 42, '58 points off once three flags are dismissed');
      for (const flag of reviewed.flags.filter((candidate) => candidate.status === 'open'))
        await call('PATCH', `/api/v1/qa/flags/${flag.id}`, supervisorToken, { status: 'confirmed' });
      const toReview = await call<{ inspections: { conversationId: string }[] }>(
        'GET',
        '/api/v1/qa/inspections?from=2026-03-10&to=2026-03-10&status=open_flags',
        supervisorToken,
      );
      assert.ok(!toReview.body.inspections.some((row) => row.conversationId === rudeConversation));
      const invalid = await call('PATCH', `/api/v1/qa/flags/${flagOf('greeting')}`, supervisorToken, {
        status: 'maybe',
      });
      assert.equal(invalid.status, 400);
      assert.equal(
        (await call('PATCH', '/api/v1/qa/flags/qaf_missing', supervisorToken, { status: 'open' })).status,
        404,
      );
    });

    test('scorecards per agent and week, coaching notes, and the reports show the QA score', async () => {
      const cards = await call<{
        weeks: string[];
        agents: {
          agentId: string;
          inspected: number;
          averageScore: number;
          weekly: (number | null)[];
          flags: { rule: string; confirmed: number; dismissed: number }[];
        }[];
      }>('GET', '/api/v1/qa/scorecards?from=2026-03-09&to=2026-03-15', supervisorToken);
      assert.deepEqual(cards.body.weeks, ['2026-03-09']);
      const card = cards.body.agents.find((agent) => agent.agentId === agentId);
      assert.equal(card?.inspected, 2);
      assert.equal(card?.averageScore, 71, '(42 + 100) / 2');
      assert.deepEqual(card?.weekly, [71]);
      assert.deepEqual(
        card?.flags.find((flag) => flag.rule === 'ignored_anger'),
        { rule: 'ignored_anger', label: '忽视顾客情绪', open: 0, confirmed: 2, dismissed: 0 },
      );
      const note = await call<{ note: { text: string; author: { name: string } } }>(
        'POST',
        `/api/v1/qa/agents/${agentId}/notes`,
        supervisorToken,
        { text: '先安抚情绪，再给方案；不要承诺做不到的时效。', conversationId: rudeConversation },
      );
      assert.equal(note.status, 201);
      assert.equal(note.body.note.author.name, '周主管');
      assert.equal(
        (await call('POST', `/api/v1/qa/agents/${agentId}/notes`, agentToken, { text: 'x' })).status,
        403,
      );
      assert.equal(
        (await call('POST', '/api/v1/qa/agents/agt_missing/notes', supervisorToken, { text: 'x' })).status,
        404,
      );
      const notes = await call<{ notes: { text: string }[] }>(
        'GET',
        `/api/v1/qa/agents/${agentId}/notes`,
        supervisorToken,
      );
      assert.equal(notes.body.notes.length, 1);

      await server.kefu.services.analytics.refresher.refresh();
      const report = await call<{
        report: { agentId: string; qaInspected: number; qaAverageScore: number }[];
      }>('GET', '/api/v1/reports/agents?from=2026-03-10&to=2026-03-10', supervisorToken);
      const row = report.body.report.find((candidate) => candidate.agentId === agentId);
      assert.deepEqual([row?.qaInspected, row?.qaAverageScore], [2, 71]);
    });

    test('changed rules score the next inspections (and reruns), keeping reviewed flags', async () => {
      const current = await call<{ ruleSet: { rules: Record<string, Record<string, unknown>> } }>(
        'GET',
        '/api/v1/qa/rule-set',
        supervisorToken,
      );
      const rules = current.body.ruleSet.rules;
      const changed = {
        ...rules,
        greeting: { ...rules.greeting, weight: 10, maxPoints: 10 },
        long_silence: { ...rules.long_silence, enabled: false },
      };
      assert.equal((await call('PUT', '/api/v1/qa/rule-set', agentToken, { rules: changed })).status, 403);
      const tooHeavy = { ...rules, greeting: { ...rules.greeting, weight: 500 } };
      assert.equal(
        (await call('PUT', '/api/v1/qa/rule-set', supervisorToken, { rules: tooHeavy })).status,
        400,
      );
      assert.equal(
        (await call('PUT', '/api/v1/qa/rule-set', supervisorToken, { rules: changed })).status,
        200,
      );
      const rerun = await call<{ inspection: Inspection }>(
        'POST',
        `/api/v1/qa/inspections/${rudeConversation}/rerun`,
        supervisorToken,
      );
      assert.equal(rerun.status, 200);
      // Reviewed flags stay as they were (the confirmed long silence too); the greeting now costs 10, and with
      // the silence check off the 400-second wait counts as a slow reply (3): 58 − 5 + 10 + 3 = 66 points off.
      assert.equal(rerun.body.inspection.score, 34);
      assert.deepEqual(
        rerun.body.inspection.flags.filter((flag) => flag.status === 'open').map((flag) => flag.rule),
        ['response_time'],
      );
      assert.equal(rerun.body.inspection.flags.filter((flag) => flag.status === 'dismissed').length, 3);
    });

    test("analysts read and never review; a reviewer without reports:read_all sees only its teams' agents", async () => {
      const adminToken = await server.loginAdmin();
      const account = async (email: string, role: string, customRoleId?: string) => {
        const created = await call('POST', '/api/v1/admin/agents', adminToken, {
          email,
          displayName: email,
          password: 'password-123',
          role,
          ...(customRoleId && { customRoleId }),
        });
        assert.equal(created.status, 201);
        return server.login(email, 'password-123');
      };
      const analyst = await account('analyst-qa@kefu.test', 'analyst');
      const inspectionPath = `/api/v1/qa/inspections/${rudeConversation}`;
      assert.equal((await call('GET', inspectionPath, analyst)).status, 200);
      assert.equal((await call('GET', '/api/v1/qa/scorecards', analyst)).status, 200);
      assert.equal((await call('POST', `${inspectionPath}/rerun`, analyst)).status, 403);
      assert.equal(
        (await call('POST', `/api/v1/qa/agents/${agentId}/notes`, analyst, { text: '注意礼貌' })).status,
        403,
      );

      const role = await call<{ role: { id: string } }>('POST', '/api/v1/admin/roles', adminToken, {
        name: '组内质检',
        permissions: ['reports:read', 'qa:review'],
      });
      const outsider = await account('team-reviewer-qa@kefu.test', 'custom', role.body.role.id);
      assert.equal((await call('GET', inspectionPath, outsider)).status, 404);
      assert.equal((await call('POST', `${inspectionPath}/rerun`, outsider)).status, 404);
      assert.equal((await call('GET', `/api/v1/qa/agents/${agentId}/notes`, outsider)).status, 404);
      const cards = await call<{ agents: { agentId: string }[] }>('GET', '/api/v1/qa/scorecards', outsider);
      assert.deepEqual(cards.body.agents, []);
      const list = await call<{ inspections: unknown[] }>('GET', '/api/v1/qa/inspections', outsider);
      assert.deepEqual(list.body.inspections, []);
    });
  });
}
