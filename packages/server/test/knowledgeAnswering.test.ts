import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { KnowledgeAnswerer } from '../src/modules/knowledge/answerer';
import { ProductAnswerer } from '../src/modules/knowledge/productAnswers';
import { faqContent, knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

for (const { dialect } of testDatabaseTargets()) {
  describe(`knowledge answering through the visitor API (${dialect})`, () => {
    let server: TestServer;
    let client: ReturnType<typeof knowledgeClient>;
    let adminToken: string;
    let supervisor: { id: string; token: string };
    const clock = new ManualClock('2026-03-01T02:00:00.000Z');
    before(async () => {
      server = await startTestServer({ dialect, clock });
      client = knowledgeClient(server);
      adminToken = await server.loginAdmin();
      supervisor = await client.createAgent(adminToken, 'supervisor');
    });
    after(async () => server.close());

    const answerOf = async (text: string, session: object = {}) => {
      const shopper = await client.startShopper(session);
      const sent = await client.say(shopper.token, text);
      return { shopper, reply: sent.replies[0], message: sent.message };
    };
    const answeredBy = async (conversationId: string) => {
      const listed = await client.call<{ messages: Message[] }>(
        'GET',
        `/api/v1/agent/conversations/${conversationId}/messages`,
        adminToken,
      );
      return listed.body.messages.filter((message) => message.sender === 'customer').at(-1)?.analysis
        ?.answeredBy;
    };

    // Topics no dialogue flow takes over (payment, account), so the knowledge stage answers them.
    test('the default FAQ answers in simplified Chinese, traditional Chinese and English', async () => {
      const simplified = await answerOf('支持哪些付款方式？');
      assert.match(simplified.reply?.text ?? '', /支持支付宝、微信支付和银行卡/);
      assert.equal(await answeredBy(simplified.shopper.conversationId), 'knowledge:faq');
      const traditional = await answerOf('請問支援哪些付款方式？');
      assert.match(
        traditional.reply?.text ?? '',
        /支付寶、微信支付和銀行卡/,
        'converted to traditional script',
      );
      const english = await answerOf('Which payment methods do you accept?');
      assert.match(english.reply?.text ?? '', /We accept Alipay, WeChat Pay and bank cards/);
      const paraphrase = await answerOf('积分可以抵钱吗');
      assert.match(paraphrase.reply?.text ?? '', /100 积分可抵 1 元/);
      const unrelated = await answerOf('阿巴阿巴阿巴');
      assert.equal(await answeredBy(unrelated.shopper.conversationId), 'fallback');
    });

    test('thresholds: high answers, the middle band offers the top 3 as quick replies, low falls through', async () => {
      const { knowledge, catalog } = server.kefu.services;
      const products = new ProductAnswerer(catalog, clock);
      const question = '退货的运费是谁出的';
      const [best] = await knowledge.answerer.search(question, 'zh', clock.now(), 'web');
      assert.ok(best);
      const answererWith = (answer: number, suggest: number) =>
        new KnowledgeAnswerer(knowledge.entries.index, products, null, {
          zh: { answer, suggest },
          en: { answer, suggest },
        });
      const input = {
        text: question,
        locale: 'zh-CN' as const,
        channel: 'web',
        now: clock.now(),
        pageProductId: null,
        lastDiscussedProductId: null,
      };
      const high = await answererWith(best.confidence - 0.01, 0.01).respond(input);
      assert.equal(high.outcome, 'answered');
      assert.equal(high.entryId, best.entry.entryId);
      const middle = await answererWith(best.confidence + 0.01, best.confidence - 0.01).respond(input);
      assert.equal(middle.outcome, 'suggested');
      assert.match(middle.reply?.text ?? '', /^您是想问：/);
      assert.ok(
        (middle.reply?.quickReplies.length ?? 0) >= 1 && (middle.reply?.quickReplies.length ?? 0) <= 3,
      );
      const low = await answererWith(0.99, best.confidence + 0.01).respond(input);
      assert.equal(low.outcome, 'unanswered');
      assert.equal(low.reply, null);
      const english = await answererWith(0.99, 0.01).respond({
        ...input,
        text: 'who pays for return shipping',
        locale: 'en',
      });
      assert.match(english.reply?.text ?? '', /^Did you mean:/);
    });

    test('validity windows and channel scope decide whether an entry answers', async () => {
      await client.publish(
        adminToken,
        supervisor.token,
        faqContent('可以用数字人民币支付吗？', '活动期间支持数字人民币支付，立减 5 元。', {
          extra: { validFrom: '2026-03-10T00:00:00Z', validUntil: '2026-03-20T00:00:00Z' },
        }),
      );
      try {
        assert.doesNotMatch((await answerOf('可以用数字人民币支付吗')).reply?.text ?? '', /立减 5 元/);
        clock.set('2026-03-15T00:00:00.000Z');
        assert.match((await answerOf('可以用数字人民币支付吗')).reply?.text ?? '', /立减 5 元/);
        clock.set('2026-03-20T00:00:00.000Z');
        assert.doesNotMatch((await answerOf('可以用数字人民币支付吗')).reply?.text ?? '', /立减 5 元/);
      } finally {
        clock.set('2026-03-01T02:00:00.000Z');
      }

      await client.publish(
        adminToken,
        supervisor.token,
        faqContent('公众号绑定会员卡怎么操作？', '在公众号菜单「会员中心」一键绑定。', {
          extra: { channels: ['wechat'] },
        }),
      );
      assert.doesNotMatch(
        (await answerOf('公众号绑定会员卡怎么操作？')).reply?.text ?? '',
        /一键绑定/,
        'a WeChat-only entry does not answer on the web',
      );
      const knowledge = server.kefu.services.knowledge;
      const onWeChat = await knowledge.answerer.search(
        '公众号绑定会员卡怎么操作？',
        'zh',
        clock.now(),
        'wechat',
      );
      assert.match(onWeChat[0]?.entry.content.locales['zh-CN']?.answer ?? '', /一键绑定/);
    });

    test('product attributes answer "this one" from the page, a name, or the last product discussed', async () => {
      const answerer = server.kefu.services.knowledge.answerer;
      const ask = (text: string, locale: 'zh-CN' | 'en', page: string | null, last: string | null = null) =>
        answerer.respond({
          text,
          locale,
          channel: 'web',
          now: clock.now(),
          pageProductId: page,
          lastDiscussedProductId: last,
        });
      const phone = await ask('这款手机支持5G吗？', 'zh-CN', 'prod_01');
      assert.equal(phone.source, 'product');
      assert.equal(phone.productId, 'prod_01');
      assert.match(phone.reply?.text ?? '', /^支持5G的～「星河 X20.*网络制式：5G 全网通/);
      const seniorPhone = await ask('这款支持5G吗', 'zh-CN', 'prod_02');
      assert.match(seniorPhone.reply?.text ?? '', /^不支持5G哦/, 'the 4G phone says 不支持 5G in its spec');
      const english = await ask('Does this one support 5G?', 'en', 'prod_01');
      assert.match(english.reply?.text ?? '', /^Yes\. Network of the Xinghe X20/);
      const named = await ask('星河 X20 的电池多大？', 'zh-CN', null);
      assert.equal(named.productId, 'prod_01');
      assert.match(named.reply?.text ?? '', /5000mAh/);
      const followUp = await ask('它支持5G吗', 'zh-CN', null, 'prod_01');
      assert.match(followUp.reply?.text ?? '', /^支持.*星河 X20/s, 'the last product discussed');
      const general = await ask('保修多久', 'zh-CN', null, 'prod_01');
      assert.notEqual(general.source, 'product', 'a shop-wide topic needs the product named or pointed at');

      const shopper = await client.startShopper({ page: { productId: 'prod_01' } });
      await client.say(shopper.token, '这款手机支持5G吗？');
      const suggestions = await client.call<{ suggestions: { source: string; answer: string }[] }>(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/suggestions`,
        adminToken,
      );
      assert.equal(suggestions.body.suggestions[0]?.source, 'product');
      assert.match(suggestions.body.suggestions[0]?.answer ?? '', /5G 全网通/);
    });

    test('shoppers rate answers in their own conversation only', async () => {
      const asked = await answerOf('可以开发票吗？');
      const botMessageId = asked.reply?.id ?? '';
      const rate = (token: string, messageId: string, helpful: boolean) =>
        client.call('POST', `/api/v1/visitor/messages/${messageId}/feedback`, token, { helpful });
      assert.equal((await rate(asked.shopper.token, botMessageId, false)).status, 204);
      assert.equal(
        (await rate(asked.shopper.token, botMessageId, true)).status,
        204,
        'rating again replaces it',
      );
      const stranger = await client.startShopper();
      assert.equal((await rate(stranger.token, botMessageId, false)).status, 404);
      assert.equal((await rate(asked.shopper.token, asked.message.id, true)).status, 404, 'only bot answers');
      assert.equal((await rate('', botMessageId, true)).status, 401);
    });

    test('unanswered questions, not-helpful ratings and corrections become gap topics, then an FAQ draft', async () => {
      const accountQuestions = ['账号怎么注销', '怎么注销账号', '我想注销账号'];
      const asked = [];
      for (const text of accountQuestions) asked.push(await answerOf(text));
      const first = asked[0];
      assert.ok(first?.reply);
      await client.call('POST', `/api/v1/visitor/messages/${first.reply.id}/feedback`, first.shopper.token, {
        helpful: false,
      });
      const correction = await client.call<{ queryId: string }>(
        'POST',
        `/api/v1/agent/conversations/${first.shopper.conversationId}/messages/${first.reply.id}/correction`,
        adminToken,
        { answer: '在「我的 → 设置 → 注销账号」提交申请，7 天后完成注销。' },
      );
      assert.equal(correction.status, 201);

      const listed = await client.call<{
        gaps: {
          id: string;
          count: number;
          examples: string[];
          corrections: string[];
          reasons: { notHelpful: number };
        }[];
      }>('GET', '/api/v1/admin/knowledge/gaps', adminToken);
      const accountGap = listed.body.gaps.find((gap) =>
        gap.examples.some((example) => example.includes('注销')),
      );
      assert.ok(accountGap, JSON.stringify(listed.body.gaps));
      assert.equal(accountGap.count, 3, 'the three wordings are one topic');
      assert.equal(accountGap.reasons.notHelpful, 1);
      assert.deepEqual(accountGap.corrections, ['在「我的 → 设置 → 注销账号」提交申请，7 天后完成注销。']);

      const drafted = await client.call<{
        entry: {
          id: string;
          latest: {
            status: string;
            content: { locales: { 'zh-CN'?: { answer: string; similarQuestions: string[] } } };
          };
        };
      }>('POST', `/api/v1/admin/knowledge/gaps/${accountGap.id}/draft`, adminToken);
      assert.equal(drafted.status, 201);
      assert.equal(drafted.body.entry.latest.status, 'draft');
      const zh = drafted.body.entry.latest.content.locales['zh-CN'];
      assert.equal(zh?.answer, '在「我的 → 设置 → 注销账号」提交申请，7 天后完成注销。');
      assert.equal(zh?.similarQuestions.length, 2);
      const after = await client.call<{ gaps: { examples: string[] }[] }>(
        'GET',
        '/api/v1/admin/knowledge/gaps',
        adminToken,
      );
      assert.ok(!after.body.gaps.some((gap) => gap.examples.some((example) => example.includes('注销'))));
    });

    test('agents get suggested answers for conversations they may see', async () => {
      const shopper = await client.startShopper();
      await client.say(shopper.token, '退货要自己出运费吗');
      const agent = await client.createAgent(adminToken, 'agent');
      const suggestions = await client.call<{
        question: string;
        suggestions: { entryId: string | null; answer: string }[];
      }>('GET', `/api/v1/agent/conversations/${shopper.conversationId}/suggestions`, agent.token);
      assert.equal(suggestions.status, 200);
      assert.equal(suggestions.body.question, '退货要自己出运费吗');
      assert.ok(suggestions.body.suggestions.some((suggestion) => /寄回运费/.test(suggestion.answer)));
      const other = await client.createAgent(adminToken, 'agent');
      await client.call(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/takeover`,
        other.token,
      );
      const hidden = await client.call(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/suggestions`,
        agent.token,
      );
      assert.equal(hidden.status, 404, 'another agent’s conversation stays hidden');
    });
  });
}
