import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { faqContent, knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface JobBody {
  job: {
    id: string;
    status: string;
    totalRows: number;
    processedRows: number;
    importedCount: number;
    failedCount: number;
    progress: number;
    errors: { row: number; message: string }[];
    entryIds: string[];
  };
}
interface EntriesBody {
  entries: { id: string; title: string; latest: { status: string; version: number } }[];
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`knowledge import and export (${dialect})`, () => {
    let server: TestServer;
    let client: ReturnType<typeof knowledgeClient>;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      client = knowledgeClient(server);
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const runImport = async (format: string, content: string, submitForReview = false) => {
      const started = await client.call<JobBody>('POST', '/api/v1/admin/knowledge/imports', adminToken, {
        format,
        content,
        submitForReview,
      });
      assert.equal(started.status, 202, JSON.stringify(started.body));
      for (let attempt = 0; attempt < 200; attempt++) {
        const polled = await client.call<JobBody>(
          'GET',
          `/api/v1/admin/knowledge/imports/${started.body.job.id}`,
          adminToken,
        );
        if (polled.body.job.status === 'completed' || polled.body.job.status === 'failed')
          return polled.body.job;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error('the import did not finish');
    };
    const listByText = async (text: string) =>
      (
        await client.call<EntriesBody>(
          'GET',
          `/api/v1/admin/knowledge/entries?q=${encodeURIComponent(text)}`,
          adminToken,
        )
      ).body.entries;

    test('CSV: good rows are imported as drafts, bad rows are reported with their row number', async () => {
      const csv = [
        'question_zh,similar_zh,answer_zh,question_en,similar_en,answer_en,category,channels,valid_from,valid_until',
        '可以送货上楼吗？,送货上门吗|能送到家吗,"快递默认送货上门，如需放驿站请备注。",Do you deliver to my door?,,"Yes, to your door.",shipping,,,',
        ',,,,,,shipping,,,',
        '"有""礼盒""包装吗？",,"有，下单时勾选礼盒包装，另付 5 元。",,,,gift,web|wechat,2026-01-01T00:00:00Z,2026-12-31T00:00:00Z',
        '支持自提吗？,,暂不支持自提。,,,,shipping,fax,,',
        '能开收据吗？,,可以，收据随包裹寄出。,,,,payment,,2026-03-01T00:00:00Z,2026-02-01T00:00:00Z',
      ].join('\n');
      const job = await runImport('csv', csv);
      assert.equal(job.status, 'completed');
      assert.equal(job.totalRows, 5);
      assert.equal(job.processedRows, 5);
      assert.equal(job.progress, 1);
      assert.equal(job.importedCount, 2);
      assert.equal(job.failedCount, 3);
      assert.deepEqual(
        job.errors.map((error) => error.row),
        [2, 4, 5],
      );
      assert.match(job.errors[0]?.message ?? '', /zh-CN and en/);
      assert.match(job.errors[1]?.message ?? '', /channels/);
      assert.match(job.errors[2]?.message ?? '', /validFrom/);
      const imported = await listByText('送货上楼');
      assert.equal(imported.length, 1);
      assert.equal(imported[0]?.latest.status, 'draft');
      assert.equal((await listByText('礼盒')).length, 1, 'quotes inside quoted fields are read');
      assert.equal((await listByText('自提')).length, 0, 'a bad row writes nothing');
    });

    test('JSON with bad items, straight to review; a row with an unknown id fails alone', async () => {
      const json = JSON.stringify({
        entries: [
          { content: faqContent('可以修改发票抬头吗？', '开票前可以在订单详情修改。') },
          { content: { locales: { 'zh-CN': { question: '', answer: 'x' } } } },
          { id: 'kb_does_not_exist', content: faqContent('不存在', 'x') },
          { kind: 'article', content: faqContent('会员须知', '## 积分\n积分每年清零。', {}) },
          { content: faqContent('没有答案的问题', '') },
        ],
      });
      const job = await runImport('json', json, true);
      assert.equal(job.importedCount, 2);
      assert.deepEqual(
        job.errors.map((error) => error.row),
        [2, 3, 5],
      );
      assert.match(job.errors[1]?.message ?? '', /not found/i);
      assert.match(job.errors[2]?.message ?? '', /empty/);
      const inReview = await listByText('发票抬头');
      assert.equal(inReview[0]?.latest.status, 'in_review');
      const broken = await runImport('json', '{"entries": [');
      assert.equal(broken.status, 'completed');
      assert.deepEqual(
        broken.errors.map((error) => error.row),
        [0],
      );
    });

    test('export in every format and import it back: rows with ids become new draft versions', async () => {
      const supervisor = await client.createAgent(adminToken, 'supervisor');
      const id = await client.publish(
        adminToken,
        supervisor.token,
        faqContent('周日客服上班吗？', '周日客服正常上班。', {
          similar: ['星期天有客服吗'],
          extra: { tags: ['hours'] },
        }),
      );
      for (const format of ['csv', 'json', 'markdown'] as const) {
        const response = await fetch(`${server.baseUrl}/api/v1/admin/knowledge/export?format=${format}`, {
          headers: { authorization: `Bearer ${adminToken}` },
        });
        assert.equal(response.status, 200);
        const text = await response.text();
        assert.match(text, /周日客服正常上班/);
        assert.match(text, new RegExp(id));
        const job = await runImport(format, text);
        assert.equal(job.failedCount, 0, `${format}: ${JSON.stringify(job.errors)}`);
        assert.ok(job.entryIds.includes(id), `${format} updates the entry it exported`);
      }
      const [entry] = await listByText('周日客服上班');
      assert.equal(entry?.latest.status, 'draft');
      assert.equal(entry?.latest.version, 2, 'each re-import edits the same pending draft');
    });

    test('Markdown sections with a shared ref become one bilingual entry; importing needs knowledge:edit', async () => {
      const markdown = [
        '# 支持礼品包装吗？',
        '> ref: gift',
        '> category: gift',
        '> similar: 能包装成礼物吗 | 有礼盒吗',
        '',
        '支持，结算时选择礼品包装。',
        '',
        '# Do you offer gift wrapping?',
        '> ref: gift',
        '> locale: en',
        '',
        'Yes, choose gift wrapping at checkout.',
        '',
        '# 坏的区块',
        '> locale: fr',
        '',
        'x',
      ].join('\n');
      const job = await runImport('markdown', markdown);
      assert.equal(job.importedCount, 1);
      assert.equal(job.failedCount, 1);
      const entries = await listByText('礼品包装');
      assert.equal(entries.length, 1);
      const anonymous = await client.call('POST', '/api/v1/admin/knowledge/imports', '', {
        format: 'json',
        content: '[]',
      });
      assert.equal(anonymous.status, 401);
    });
  });
}
