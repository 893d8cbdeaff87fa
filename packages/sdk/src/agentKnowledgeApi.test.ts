// KefuKnowledgeApi against the real server (SQLite, default FAQ): review workflow, versions, import/export,
// gaps, the search test box and conversation suggestions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestServer, testAdminPassword, type TestServer } from '../../server/test/helpers/testServer';
import { KefuAgentClient } from './agentClient';
import { KefuKnowledgeApi } from './agentKnowledgeApi';
import type { KnowledgeContentInput } from './agentKnowledgeApi';
import { KefuApiError, KefuVisitorClient } from './visitorClient';

const GIFT_WRAP_ANSWER = '礼品包装每件加收 5 元，下单时在备注里写上祝福语，我们会手写贺卡一同寄出。';

let server: TestServer;
let author: KefuKnowledgeApi;
let reviewer: KefuKnowledgeApi;

before(async () => {
  server = await startTestServer();
  const admin = new KefuAgentClient({ baseUrl: server.baseUrl });
  await admin.login('admin@kefu.test', testAdminPassword);
  author = new KefuKnowledgeApi(admin);
  const email = `supervisor-${Date.now()}@kefu.test`;
  await admin.createAgent({ email, displayName: '周主管', password: 'password-123', role: 'supervisor' });
  const supervisor = new KefuAgentClient({ baseUrl: server.baseUrl });
  await supervisor.login(email, 'password-123');
  reviewer = new KefuKnowledgeApi(supervisor);
});

after(async () => server.close());

const giftWrapContent: KnowledgeContentInput = {
  category: 'service',
  tags: ['礼品'],
  channels: ['web'],
  locales: {
    'zh-CN': {
      question: '礼品包装怎么收费？',
      similarQuestions: ['可以帮忙包装成礼物吗', '有礼盒包装吗'],
      answer: GIFT_WRAP_ANSWER,
      links: [{ label: '礼品服务说明', url: 'https://shop.example.com/gift' }],
      quickReplies: [{ label: '转人工', text: '转人工' }],
    },
    en: { question: 'How much is gift wrapping?', answer: 'Gift wrapping costs ¥5 per item.' },
  },
};

test('an FAQ goes draft → review → published by someone other than its author, and answers shoppers', async () => {
  const created = await author.createEntry('faq', giftWrapContent);
  assert.equal(created.latest.status, 'draft');
  assert.equal(created.latest.content.locales['zh-CN']?.links[0]?.label, '礼品服务说明');
  assert.deepEqual(created.latest.content.channels, ['web']);

  assert.equal((await author.runWorkflow(created.id, 'submit')).latest.status, 'in_review');
  const selfReview = await author.runWorkflow(created.id, 'approve').catch((error: unknown) => error);
  assert.ok(selfReview instanceof KefuApiError);
  assert.equal(selfReview.code, 'knowledge_self_review');
  assert.equal(selfReview.status, 403);

  const published = await reviewer.runWorkflow(created.id, 'approve', '内容准确');
  assert.equal(published.publishedVersion, 1);
  assert.equal(published.latest.reviewNote, '内容准确');

  const shopper = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  const { replies } = await shopper.sendMessage('礼品包装怎么收费？');
  assert.equal(replies[0]?.text, `${GIFT_WRAP_ANSWER}\n🔗 礼品服务说明: https://shop.example.com/gift`);
  assert.deepEqual(replies[0]?.quickReplies, [{ label: '转人工', text: '转人工' }]);

  const tested = await author.search({ q: '礼品包装怎么收费', locale: 'zh-CN', channel: 'web' });
  assert.equal(tested.decision.outcome, 'answered');
  assert.equal(tested.decision.entryId, created.id);
  assert.equal(tested.hits[0]?.entryId, created.id);
  assert.ok((tested.hits[0]?.score ?? 0) > 0.5);

  const listed = await author.listEntries({ status: 'published', q: '礼品包装' });
  assert.deepEqual(
    listed.map((entry) => entry.id),
    [created.id],
  );

  const conversationId = shopper.session?.conversationId;
  assert.ok(conversationId);
  const suggestions = await author.suggestAnswers(conversationId);
  assert.equal(suggestions.question, '礼品包装怎么收费？');
  assert.ok(suggestions.suggestions.some((suggestion) => suggestion.entryId === created.id));
});

test('edits make new versions; a rejection note comes back; rollback republishes an old version; all audited', async () => {
  const entry = await author.createEntry('faq', {
    locales: { 'zh-CN': { question: '可以指定快递送达时间吗？', answer: '暂不支持指定送达时间。' } },
  });
  await author.runWorkflow(entry.id, 'submit');
  const rejected = await reviewer.runWorkflow(entry.id, 'reject', '请补充顺丰的说明');
  assert.equal(rejected.latest.status, 'draft');
  assert.equal(rejected.latest.reviewNote, '请补充顺丰的说明');
  const edited = await author.updateEntry(
    entry.id,
    { locales: { 'zh-CN': { question: '可以指定快递送达时间吗？', answer: '顺丰可预约送达时间。' } } },
    rejected.latestVersion,
  );
  const stale = await author
    .updateEntry(entry.id, { locales: { 'zh-CN': { question: 'x' } } }, 99)
    .catch((error: unknown) => error);
  assert.ok(stale instanceof KefuApiError && stale.code === 'conflict');
  await author.runWorkflow(edited.id, 'submit');
  await reviewer.runWorkflow(edited.id, 'approve');

  const changed = await author.updateEntry(entry.id, {
    locales: { 'zh-CN': { question: '可以指定快递送达时间吗？', answer: '全部快递都可预约。' } },
  });
  assert.equal(changed.latestVersion, 2, 'a published entry gets a new draft version');
  await author.runWorkflow(entry.id, 'submit');
  await reviewer.runWorkflow(entry.id, 'approve');
  const rolledBack = await reviewer.rollback(entry.id, 1);
  assert.equal(rolledBack.publishedVersion, 3);
  assert.equal(rolledBack.latest.content.locales['zh-CN']?.answer, '顺丰可预约送达时间。');

  const versions = await author.listVersions(entry.id);
  assert.deepEqual(
    versions.map((version) => version.status),
    ['archived', 'archived', 'published'],
  );
  const actions = (await author.listHistory(entry.id)).map((record) => record.action);
  for (const action of [
    'knowledge.entry_created',
    'knowledge.rejected',
    'knowledge.approved',
    'knowledge.rolled_back',
  ])
    assert.ok(actions.includes(action), `${action} is in the audit trail`);
});

test('an import reports the bad row and imports the good ones; the export reads back', async () => {
  const csv = [
    'kind,category,question_zh,answer_zh,question_en,answer_en',
    'faq,service,周末发货吗？,周末正常发货。,,',
    'faq,service,,没有问题的答案,,',
    'faq,service,可以寄到香港吗？,可以，运费 30 元。,,',
  ].join('\n');
  const started = await author.startImport({ format: 'csv', content: csv });
  const seen: number[] = [];
  const job = await author.waitForImport(started.id, (progress) => seen.push(progress.progress), 20);
  assert.equal(job.status, 'completed');
  assert.equal(job.importedCount, 2);
  assert.equal(job.failedCount, 1);
  assert.equal(job.errors[0]?.row, 2);
  assert.ok(seen.at(-1) === 1);

  const exported = await author.exportEntries({ format: 'csv', status: 'all' });
  assert.match(exported, /周末正常发货/);
  const asJson = await author.exportEntries({ format: 'json' });
  assert.doesNotMatch(asJson, /周末正常发货/, 'drafts are not in the published export');
});

// A question no FAQ covers: the knowledge stage records it as unanswered.
test('an unanswered question becomes a gap, and a gap becomes an FAQ draft in one call', async () => {
  const shopper = new KefuVisitorClient({ baseUrl: server.baseUrl, locale: 'zh-CN' });
  await shopper.sendMessage('你们招不招兼职');
  const gaps = await author.listGaps();
  const gap = gaps.find((candidate) => candidate.examples.some((example) => example.includes('兼职')));
  assert.ok(gap, JSON.stringify(gaps));
  assert.ok(gap.count >= 1);
  const draft = await author.draftFromGap(gap.id);
  assert.equal(draft.latest.status, 'draft');
  assert.match(JSON.stringify(draft.latest.content), /兼职/);
});
