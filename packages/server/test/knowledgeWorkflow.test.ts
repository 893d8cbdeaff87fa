import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EntryBody } from './helpers/knowledge';
import { faqContent, knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface VersionsBody {
  versions: { version: number; status: string; content: { locales: { 'zh-CN'?: { answer: string } } } }[];
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`knowledge review workflow (${dialect})`, () => {
    let server: TestServer;
    let client: ReturnType<typeof knowledgeClient>;
    let adminToken: string;
    let agent: { id: string; token: string };
    let supervisor: { id: string; token: string };
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      client = knowledgeClient(server);
      adminToken = await server.loginAdmin();
      agent = await client.createAgent(adminToken, 'agent');
      supervisor = await client.createAgent(adminToken, 'supervisor');
    });
    after(async () => server.close());

    const entryPath = (id: string, action = '') => `/api/v1/admin/knowledge/entries/${id}${action}`;
    const botAnswer = async (text: string) => {
      const shopper = await client.startShopper();
      const reply = await client.say(shopper.token, text);
      return reply.replies[0]?.text ?? '';
    };

    test('draft → in_review → published, approved by someone other than the author; it answers at once', async () => {
      const content = faqContent('礼品卡怎么使用？', '礼品卡在结算页输入卡号即可抵扣。', {
        similar: ['礼品卡能抵现吗', '怎么用礼品卡'],
      });
      const created = await client.call<EntryBody>('POST', '/api/v1/admin/knowledge/entries', agent.token, {
        content,
      });
      assert.equal(created.status, 201);
      const id = created.body.entry.id;
      assert.equal(created.body.entry.latest.status, 'draft');
      assert.doesNotMatch(await botAnswer('礼品卡怎么使用'), /结算页输入卡号/, 'a draft never answers');

      const agentApproves = await client.call('POST', entryPath(id, '/approve'), agent.token);
      assert.equal(agentApproves.status, 403, 'agents cannot review');
      const tooEarly = await client.call<{ error: { code: string } }>(
        'POST',
        entryPath(id, '/approve'),
        supervisor.token,
      );
      assert.equal(tooEarly.status, 409, 'only a version in review can be approved');

      assert.equal((await client.call('POST', entryPath(id, '/submit'), agent.token)).status, 200);
      const editInReview = await client.call('PUT', entryPath(id), agent.token, { content });
      assert.equal(editInReview.status, 409);
      const approved = await client.call<EntryBody>('POST', entryPath(id, '/approve'), supervisor.token, {
        note: 'ok',
      });
      assert.equal(approved.status, 200);
      assert.equal(approved.body.entry.publishedVersion, 1);
      assert.equal(approved.body.entry.latest.reviewerId, supervisor.id);
      assert.match(
        await botAnswer('礼品卡怎么使用？'),
        /结算页输入卡号/,
        'published content answers without a restart',
      );
    });

    test('an author cannot approve their own version, and rejection returns it to draft', async () => {
      const created = await client.call<EntryBody>(
        'POST',
        '/api/v1/admin/knowledge/entries',
        supervisor.token,
        {
          content: faqContent('可以预约送货时间吗？', '暂不支持预约送货时间。'),
        },
      );
      const id = created.body.entry.id;
      await client.call('POST', entryPath(id, '/submit'), supervisor.token);
      const selfReview = await client.call<{ error: { code: string } }>(
        'POST',
        entryPath(id, '/approve'),
        supervisor.token,
      );
      assert.equal(selfReview.status, 403);
      assert.equal(selfReview.body.error.code, 'knowledge_self_review');
      const rejected = await client.call<EntryBody>('POST', entryPath(id, '/reject'), adminToken, {
        note: '请补充说明',
      });
      assert.equal(rejected.body.entry.latest.status, 'draft');
      const emptyAnswer = await client.call('PUT', entryPath(id), supervisor.token, {
        content: faqContent('可以预约送货时间吗？', ''),
      });
      assert.equal(emptyAnswer.status, 200, 'a draft may be incomplete');
      const submitEmpty = await client.call('POST', entryPath(id, '/submit'), supervisor.token);
      assert.equal(submitEmpty.status, 400, 'an empty answer cannot go to review');
    });

    test('versions, rollback and archive, every change in the audit trail', async () => {
      const id = await client.publish(
        agent.token,
        supervisor.token,
        faqContent('礼品卡可以转赠吗？', '礼品卡可以转赠给好友。', { similar: ['礼品卡能送人吗'] }),
      );
      const edited = await client.call<EntryBody>('PUT', entryPath(id), agent.token, {
        content: faqContent('礼品卡可以转赠吗？', '礼品卡仅限本人使用，不可转赠。', {
          similar: ['礼品卡能送人吗'],
        }),
        baseVersion: 1,
      });
      assert.equal(edited.body.entry.latestVersion, 2);
      assert.equal(edited.body.entry.publishedVersion, 1, 'the published version keeps answering');
      const stale = await client.call('PUT', entryPath(id), agent.token, {
        content: faqContent('礼品卡可以转赠吗？', 'x'),
        baseVersion: 1,
      });
      assert.equal(stale.status, 409, 'an edit based on an older version is refused');
      assert.match(await botAnswer('礼品卡可以转赠吗'), /可以转赠给好友/);
      await client.call('POST', entryPath(id, '/submit'), agent.token);
      await client.call('POST', entryPath(id, '/approve'), adminToken);
      assert.match(await botAnswer('礼品卡可以转赠吗'), /不可转赠/);

      const agentRollback = await client.call('POST', entryPath(id, '/rollback'), agent.token, {
        version: 1,
      });
      assert.equal(agentRollback.status, 403);
      const rolledBack = await client.call<EntryBody>('POST', entryPath(id, '/rollback'), supervisor.token, {
        version: 1,
      });
      assert.equal(rolledBack.status, 200);
      assert.equal(rolledBack.body.entry.publishedVersion, 3);
      assert.match(await botAnswer('礼品卡可以转赠吗'), /可以转赠给好友/);
      const versions = await client.call<VersionsBody>('GET', entryPath(id, '/versions'), agent.token);
      assert.deepEqual(
        versions.body.versions.map((version) => [version.version, version.status]),
        [
          [1, 'archived'],
          [2, 'archived'],
          [3, 'published'],
        ],
      );
      assert.equal(versions.body.versions[2]?.content.locales['zh-CN']?.answer, '礼品卡可以转赠给好友。');

      const archived = await client.call<EntryBody>('POST', entryPath(id, '/archive'), supervisor.token);
      assert.equal(archived.body.entry.publishedVersion, null);
      assert.doesNotMatch(await botAnswer('礼品卡可以转赠吗'), /可以转赠给好友/);

      const history = await client.call<{ history: { action: string; actorId: string | null }[] }>(
        'GET',
        entryPath(id, '/history'),
        agent.token,
      );
      assert.deepEqual(
        history.body.history.map((item) => item.action),
        [
          'knowledge.entry_created',
          'knowledge.submitted',
          'knowledge.approved',
          'knowledge.draft_saved',
          'knowledge.submitted',
          'knowledge.approved',
          'knowledge.rolled_back',
          'knowledge.archived',
        ],
      );
      assert.equal(history.body.history.at(-1)?.actorId, supervisor.id);
    });

    test('every knowledge route needs a signed-in agent; bad input is a 400 that stores nothing', async () => {
      const anonymous = await client.call('GET', '/api/v1/admin/knowledge/entries', '');
      assert.equal(anonymous.status, 401);
      const invalid = await client.call('POST', '/api/v1/admin/knowledge/entries', agent.token, {
        content: { locales: {} },
      });
      assert.equal(invalid.status, 400);
      const badWindow = await client.call('POST', '/api/v1/admin/knowledge/entries', agent.token, {
        content: {
          ...faqContent('q', 'a'),
          validFrom: '2026-02-01T00:00:00Z',
          validUntil: '2026-01-01T00:00:00Z',
        },
      });
      assert.equal(badWindow.status, 400);
      const unknown = await client.call('GET', entryPath('kb_unknown'), agent.token);
      assert.equal(unknown.status, 404);
      const listed = await client.call<{ entries: unknown[] }>(
        'GET',
        `/api/v1/admin/knowledge/entries?q=${encodeURIComponent('结算页输入卡号')}`,
        agent.token,
      );
      assert.equal(listed.body.entries.length, 1, 'the invalid requests stored nothing');
      const openApi = await client.call<{ paths: Record<string, unknown> }>('GET', '/api/openapi.json', '');
      assert.ok(openApi.body.paths['/api/v1/admin/knowledge/entries/{id}/approve']);
    });
  });
}
