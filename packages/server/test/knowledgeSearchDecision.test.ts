// The knowledge search console (GET /api/v1/admin/knowledge/search) reports what the bot would reply:
// an answer, "did you mean" with quick replies, or nothing, as the visitor API decides.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface SearchBody {
  hits: { entryId: string; score: number }[];
  decision: {
    outcome: string;
    source: string | null;
    entryId: string | null;
    reply: { text: string; quickReplies: { label: string; text: string }[] } | null;
  };
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`knowledge search decision (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const search = async (query: string) => {
      const response = await knowledgeClient(server).call<SearchBody>(
        'GET',
        `/api/v1/admin/knowledge/search?${new URLSearchParams({ q: query, locale: 'zh-CN' }).toString()}`,
        adminToken,
      );
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return response.body;
    };

    test('a confident match is the answer the shopper gets; an unknown topic is unanswered', async () => {
      const answered = await search('支持哪些付款方式？');
      assert.equal(answered.decision.outcome, 'answered');
      assert.equal(answered.decision.source, 'faq');
      assert.equal(answered.decision.entryId, answered.hits[0]?.entryId);
      assert.match(answered.decision.reply?.text ?? '', /支付宝、微信支付和银行卡/);

      const shopper = await knowledgeClient(server).startShopper({});
      const sent = await knowledgeClient(server).say(shopper.token, '支持哪些付款方式？');
      assert.equal(sent.replies[0]?.text, answered.decision.reply?.text);

      const unknown = await search('宠物可以带进门店吗');
      assert.equal(unknown.decision.outcome, 'unanswered');
      assert.equal(unknown.decision.reply, null);
    });
  });
}
