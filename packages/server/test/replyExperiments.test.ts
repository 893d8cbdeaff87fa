// A/B tests of the bot's reply scripts, through the real app: admins create and start an experiment on a keyword
// rule's reply and on the welcome greeting; shoppers on the widget each see their assigned variant, the same one
// in a later conversation; handoffs, replies and ratings come back as outcomes; stopping restores the rule's
// text and promoting writes the winner into it. Bad experiments are refused without changing anything.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { toTraditional } from '@kefu/nlu';
import { assignVariant } from '../src/modules/experiments';
import type { SendMessageResponse } from '@kefu/sdk';
import { requestJson, startVisitorSession } from './helpers/http';
import { knowledgeClient } from './helpers/knowledge';
import type { ShopperChat } from './helpers/shopChat';
import { shopIdentitySecret, signShopCustomer, startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

interface Variant {
  key: string;
  name: string;
  weight: number;
  control: boolean;
  textZh: string | null;
  textEn: string | null;
}
interface Experiment {
  id: string;
  status: string;
  scriptKey: string;
  variants: Variant[];
  winnerKey: string | null;
  promotedAt: string | null;
}
interface Script {
  key: string;
  kind: string;
  name: string;
  textZh: string;
  textEn: string;
  promotable: boolean;
}
interface VariantResult {
  key: string;
  exposures: number;
  trials: number;
  conversions: number;
  rate: number;
  interval: { lower: number; upper: number };
  comparison: { difference: number; pValue: number } | null;
  verdict: string;
  outcomes: { handedOff: number; replied: number; rated: number; satisfied: number };
}

const thanksZh = '不用谢，期待您再次光临！';
const thanksEn = 'My pleasure! Come back any time.';

for (const { dialect } of testDatabaseTargets()) {
  describe(`A/B tests of reply scripts (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const call = async <Body>(method: string, path: string, token: string, body?: object) =>
      requestJson<Body>(server.baseUrl, method, path, { token, ...(body && { body }) });
    const listExperiments = async () =>
      (await call<{ experiments: Experiment[] }>('GET', '/api/v1/admin/experiments', adminToken)).body
        .experiments;
    const readResults = async (experimentId: string) =>
      (
        await call<{ results: { variants: VariantResult[] } }>(
          'GET',
          `/api/v1/admin/experiments/${experimentId}/results`,
          adminToken,
        )
      ).body.results.variants;
    const createAgent = async (role: string) => {
      const email = `${role}-${Math.random().toString(36).slice(2)}@experiments.test`;
      const created = await call('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: role,
        password: 'password-123',
        role,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return server.login(email, 'password-123');
    };

    before(async () => {
      server = await startTestServer({
        dialect,
        seedDemo: false,
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    test('a keyword rule’s reply: assignment, outcomes, results, stop, promotion', async () => {
      const scripts = (
        await call<{ scripts: Script[] }>('GET', '/api/v1/admin/experiments/scripts', adminToken)
      ).body.scripts;
      const thanksRule = scripts.find((script) => script.kind === 'rule' && script.name === 'Thanks');
      assert.ok(thanksRule, JSON.stringify(scripts));
      const created = await call<{ experiment: Experiment }>(
        'POST',
        '/api/v1/admin/experiments',
        adminToken,
        {
          name: 'Warmer thanks',
          scriptKey: thanksRule.key,
          metric: 'containment',
          variants: [
            { name: 'Current', weight: 50 },
            { name: 'Warmer', weight: 50, textZh: thanksZh, textEn: thanksEn },
          ],
        },
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const experiment = created.body.experiment;
      assert.deepEqual(
        experiment.variants.map((variant) => [variant.key, variant.control]),
        [
          ['A', true],
          ['B', false],
        ],
      );
      const started = await call<{ experiment: Experiment }>(
        'POST',
        `/api/v1/admin/experiments/${experiment.id}/start`,
        adminToken,
      );
      assert.equal(started.body.experiment.status, 'running');
      const expectedText = (customerId: string, language: 'zh' | 'en' | 'zh-Hant') => {
        const variant = assignVariant(experiment.id, customerId, experiment.variants);
        const zh = variant.control ? thanksRule.textZh : thanksZh;
        if (language === 'en') return variant.control ? thanksRule.textEn : thanksEn;
        return language === 'zh-Hant' ? toTraditional(zh) : zh;
      };

      // Shoppers in three scripts; every third asks for a person after the thanks (a handoff).
      const shoppers: { chat: ShopperChat; variantKey: string; handedOff: boolean }[] = [];
      const seen = new Set<string>();
      for (let index = 0; index < 14; index += 1) {
        const chat = await startShopperChat(server.baseUrl);
        const language = (['zh', 'en', 'zh-Hant'] as const)[index % 3] ?? 'zh';
        const sentence = { zh: '谢谢', en: 'thank you', 'zh-Hant': '謝謝' }[language];
        const answer = await chat.say(sentence);
        assert.equal(
          answer.text,
          expectedText(chat.session.customerId, language),
          `shopper ${index} (${language})`,
        );
        const variantKey = assignVariant(experiment.id, chat.session.customerId, experiment.variants).key;
        seen.add(variantKey);
        const handedOff = index % 3 === 0;
        if (handedOff) await chat.say('转人工');
        shoppers.push({ chat, variantKey, handedOff });
      }
      assert.deepEqual([...seen].sort(), ['A', 'B'], 'with 50/50, 14 shoppers see both variants');

      // A signed-in shopper sees the same variant in a later conversation, on another channel (the shop's app).
      const returning = await startShopperChat(server.baseUrl, { shopCustomerId: 'returning-shopper' });
      assert.equal((await returning.say('谢谢')).text, expectedText(returning.session.customerId, 'zh'));
      const firstConversationId = returning.session.conversationId;
      for (const action of ['takeover', 'resolve']) {
        const done = await call(
          'POST',
          `/api/v1/agent/conversations/${firstConversationId}/${action}`,
          adminToken,
        );
        assert.equal(done.status, 200, `${action}: ${JSON.stringify(done.body)}`);
      }
      const inApp = await startVisitorSession(server.baseUrl, {
        channel: 'app',
        identity: { shopCustomerId: 'returning-shopper', signature: signShopCustomer('returning-shopper') },
      });
      assert.equal(inApp.customerId, returning.session.customerId);
      assert.notEqual(inApp.conversationId, firstConversationId);
      const appAnswer = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        {
          token: inApp.token,
          body: { text: 'thank you' },
        },
      );
      assert.equal(appAnswer.body.replies[0]?.text, expectedText(returning.session.customerId, 'en'));
      const returningVariant = assignVariant(
        experiment.id,
        returning.session.customerId,
        experiment.variants,
      ).key;
      // …and rates the resolved first conversation 5 once its survey is there.
      await waitUntil(
        async () =>
          (
            await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/csat', {
              token: returning.session.token,
              body: { rating: 5 },
            })
          ).status === 200,
        { description: 'the CSAT survey of the resolved conversation' },
      );

      const expected = (key: string) => {
        const ofVariant = shoppers.filter((shopper) => shopper.variantKey === key);
        const returningHere = returningVariant === key ? 1 : 0;
        return {
          exposures: ofVariant.length + 2 * returningHere,
          handedOff: ofVariant.filter((shopper) => shopper.handedOff).length,
          replied: ofVariant.filter((shopper) => shopper.handedOff).length,
          rated: returningHere,
        };
      };
      await waitUntil(
        async () => {
          const results = await readResults(experiment.id);
          return results.every((variant) => {
            const wanted = expected(variant.key);
            return (
              variant.exposures === wanted.exposures &&
              variant.outcomes.handedOff === wanted.handedOff &&
              variant.outcomes.replied === wanted.replied &&
              variant.outcomes.rated === wanted.rated
            );
          });
        },
        { description: 'outcomes recorded for every exposure', timeoutMs: 60_000 },
      );
      const results = await readResults(experiment.id);
      for (const variant of results) {
        const wanted = expected(variant.key);
        assert.equal(
          variant.conversions,
          wanted.exposures - wanted.handedOff,
          `containment of ${variant.key}`,
        );
        assert.equal(variant.trials, wanted.exposures);
        assert.equal(variant.outcomes.satisfied, wanted.rated);
        assert.ok(variant.interval.lower <= variant.rate && variant.rate <= variant.interval.upper);
        assert.equal(variant.verdict, 'not_enough_data', 'fewer than 30 shoppers per variant');
        assert.equal(variant.comparison === null, variant.key === 'A');
      }

      // While it runs: its variants cannot change and no second experiment can run on the rule.
      const edit = await call<{ error: { code: string } }>(
        'PATCH',
        `/api/v1/admin/experiments/${experiment.id}`,
        adminToken,
        {
          variants: [
            { name: 'Current', weight: 10 },
            { name: 'Other', weight: 90, textZh: '好', textEn: 'Ok' },
          ],
        },
      );
      assert.equal(edit.status, 409);
      assert.equal(edit.body.error.code, 'experiment_not_editable');
      const rival = await call<{ experiment: Experiment }>('POST', '/api/v1/admin/experiments', adminToken, {
        name: 'Rival',
        scriptKey: thanksRule.key,
        metric: 'engagement',
        variants: [
          { name: 'Current', weight: 70 },
          { name: 'Short', weight: 30, textZh: '不客气', textEn: 'You bet' },
        ],
      });
      assert.equal(rival.status, 201);
      const rivalStart = await call<{ error: { code: string } }>(
        'POST',
        `/api/v1/admin/experiments/${rival.body.experiment.id}/start`,
        adminToken,
      );
      assert.equal(rivalStart.status, 409);
      assert.equal(rivalStart.body.error.code, 'experiment_script_busy');

      // Stopping restores the rule's own text; naming B the winner and promoting it writes B into the rule.
      const stopped = await call<{ experiment: Experiment }>(
        'POST',
        `/api/v1/admin/experiments/${experiment.id}/stop`,
        adminToken,
        { winnerKey: 'B' },
      );
      assert.equal(stopped.body.experiment.status, 'stopped');
      let assignedB: ShopperChat | null = null;
      while (!assignedB) {
        const chat = await startShopperChat(server.baseUrl);
        if (assignVariant(experiment.id, chat.session.customerId, experiment.variants).key === 'B')
          assignedB = chat;
      }
      assert.equal((await assignedB.say('谢谢')).text, thanksRule.textZh);
      const exposuresAfterStop = (await readResults(experiment.id)).map((variant) => variant.exposures);
      assert.deepEqual(exposuresAfterStop, [expected('A').exposures, expected('B').exposures]);
      const promoted = await call<{ experiment: Experiment }>(
        'POST',
        `/api/v1/admin/experiments/${experiment.id}/promote`,
        adminToken,
      );
      assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
      assert.ok(promoted.body.experiment.promotedAt);
      const rules = (
        await call<{ rules: { id: string; replyZh: string; replyEn: string }[] }>(
          'GET',
          '/api/v1/admin/bot/rules',
          adminToken,
        )
      ).body.rules;
      const rule = rules.find((candidate) => `rule:${candidate.id}` === thanksRule.key);
      assert.deepEqual([rule?.replyZh, rule?.replyEn], [thanksZh, thanksEn]);
      const newcomer = await startShopperChat(server.baseUrl);
      assert.equal((await newcomer.say('thanks')).text, thanksEn);
      const audit = await server.kefu.services.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('target_id', 'in', [experiment.id, rule?.id ?? ''])
        .execute();
      const actions = audit.map((entry) => entry.action);
      for (const action of [
        'experiment.created',
        'experiment.started',
        'experiment.stopped',
        'experiment.promoted',
        'bot_rule.updated',
      ])
        assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
      const again2 = await call<{ error: { code: string } }>(
        'POST',
        `/api/v1/admin/experiments/${experiment.id}/promote`,
        adminToken,
      );
      assert.equal(again2.status, 409);
    });

    test('the welcome greeting: each shopper’s variant, in their language', async () => {
      const created = await call<{ experiment: Experiment }>(
        'POST',
        '/api/v1/admin/experiments',
        adminToken,
        {
          name: 'Shorter greeting',
          scriptKey: 'greeting',
          metric: 'engagement',
          variants: [
            { name: 'Current', weight: 34 },
            { name: 'Short', weight: 33, textZh: '您好！有什么可以帮您？', textEn: 'Hi! How can I help?' },
            {
              name: 'Deals',
              weight: 33,
              textZh: '您好！今天全场包邮哦～',
              textEn: 'Hi! Free delivery today.',
            },
          ],
        },
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const experiment = created.body.experiment;
      await call('POST', `/api/v1/admin/experiments/${experiment.id}/start`, adminToken);
      let replied = 0;
      for (let index = 0; index < 6; index += 1) {
        const locale = index % 2 === 0 ? 'zh-CN' : 'en';
        const chat = await startShopperChat(server.baseUrl, { locale });
        const welcome = await requestJson<{ greeting: string }>(
          server.baseUrl,
          'GET',
          '/api/v1/visitor/welcome',
          {
            token: chat.session.token,
          },
        );
        const variant = assignVariant(experiment.id, chat.session.customerId, experiment.variants);
        const original = await requestJson<{ scripts: Script[] }>(
          server.baseUrl,
          'GET',
          '/api/v1/admin/experiments/scripts',
          { token: adminToken },
        );
        const greetingScript = original.body.scripts.find((script) => script.key === 'greeting');
        const expectedGreeting = variant.control
          ? locale === 'en'
            ? greetingScript?.textEn
            : greetingScript?.textZh
          : locale === 'en'
            ? variant.textEn
            : variant.textZh;
        assert.equal(welcome.body.greeting, expectedGreeting);
        if (index < 3) {
          await chat.say('你好');
          replied += 1;
        }
      }
      await waitUntil(
        async () => {
          const results = await readResults(experiment.id);
          const total = (pick: (variant: VariantResult) => number) =>
            results.reduce((sum, variant) => sum + pick(variant), 0);
          return (
            total((variant) => variant.exposures) === 6 && total((variant) => variant.conversions) === replied
          );
        },
        { description: 'six greeting exposures, three replied' },
      );
      await call('POST', `/api/v1/admin/experiments/${experiment.id}/stop`, adminToken, { winnerKey: 'B' });
      const promote = await call('POST', `/api/v1/admin/experiments/${experiment.id}/promote`, adminToken);
      assert.equal(promote.status, 200, JSON.stringify(promote.body));
      // The winner is the shop's greeting now, for every new shopper, in either language and script.
      for (const [locale, expected] of [
        ['zh-CN', '您好！有什么可以帮您？'],
        ['en', 'Hi! How can I help?'],
        ['zh-TW', toTraditional('您好！有什么可以帮您？')],
      ] as const) {
        const chat = await startShopperChat(server.baseUrl, { locale });
        const welcome = await requestJson<{ greeting: string }>(
          server.baseUrl,
          'GET',
          '/api/v1/visitor/welcome',
          {
            token: chat.session.token,
          },
        );
        assert.equal(welcome.body.greeting, expected, locale);
      }
      const scripts = await requestJson<{ scripts: Script[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/admin/experiments/scripts',
        { token: adminToken },
      );
      assert.equal(
        scripts.body.scripts.find((script) => script.key === 'greeting')?.textEn,
        'Hi! How can I help?',
      );
    });

    test('an FAQ answer: variants in the shopper’s language; the winner becomes a version to review', async () => {
      const knowledge = knowledgeClient(server);
      const reviewer = await knowledge.createAgent(adminToken, 'supervisor');
      const question = '会员积分可以抵现吗';
      const entryId = await knowledge.publish(adminToken, reviewer.token, {
        category: 'test',
        locales: {
          'zh-CN': { question, answer: '可以，100 积分抵 1 元，下单时自动抵扣。' },
          en: {
            question: 'Can I pay with loyalty points?',
            answer: 'Yes: 100 points make 1 yuan, taken off at checkout.',
          },
        },
      });
      const scriptKey = `knowledge:${entryId}`;
      const scripts = (
        await call<{ scripts: Script[] }>('GET', '/api/v1/admin/experiments/scripts', adminToken)
      ).body.scripts;
      const faq = scripts.find((script) => script.key === scriptKey);
      assert.deepEqual(
        [faq?.kind, faq?.name, faq?.textZh],
        ['knowledge', question, '可以，100 积分抵 1 元，下单时自动抵扣。'],
      );
      const created = await call<{ experiment: Experiment }>(
        'POST',
        '/api/v1/admin/experiments',
        adminToken,
        {
          name: 'Points answer',
          scriptKey,
          metric: 'engagement',
          variants: [
            { name: 'Current', weight: 50 },
            {
              name: 'Example',
              weight: 50,
              textZh: '可以！比如 500 积分就能抵 5 元～',
              textEn: 'Yes! 500 points take 5 yuan off.',
            },
          ],
        },
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const experiment = created.body.experiment;
      await call('POST', `/api/v1/admin/experiments/${experiment.id}/start`, adminToken);
      for (let index = 0; index < 6; index += 1) {
        const chat = await startShopperChat(server.baseUrl);
        const variant = assignVariant(experiment.id, chat.session.customerId, experiment.variants);
        const answer = await chat.say(question);
        assert.equal(answer.text, variant.control ? faq?.textZh : variant.textZh, `shopper ${index}`);
      }
      await waitUntil(
        async () =>
          (await readResults(experiment.id)).reduce((sum, variant) => sum + variant.exposures, 0) === 6,
        { description: 'six FAQ exposures' },
      );
      await call('POST', `/api/v1/admin/experiments/${experiment.id}/stop`, adminToken, { winnerKey: 'B' });
      const promoted = await call('POST', `/api/v1/admin/experiments/${experiment.id}/promote`, adminToken);
      assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
      const entry = await call<{
        entry: { latest: { status: string; content: { locales: Record<string, { answer: string }> } } };
      }>('GET', `/api/v1/admin/knowledge/entries/${entryId}`, adminToken);
      assert.equal(entry.body.entry.latest.status, 'in_review');
      assert.equal(
        entry.body.entry.latest.content.locales['zh-CN']?.answer,
        '可以！比如 500 积分就能抵 5 元～',
      );
      assert.equal(entry.body.entry.latest.content.locales.en?.answer, 'Yes! 500 points take 5 yuan off.');
      const approved = await call(
        'POST',
        `/api/v1/admin/knowledge/entries/${entryId}/approve`,
        reviewer.token,
      );
      assert.equal(approved.status, 200, JSON.stringify(approved.body));
      await waitUntil(
        async () =>
          (await (await startShopperChat(server.baseUrl)).say(question)).text ===
          '可以！比如 500 积分就能抵 5 元～',
        { description: 'the reviewed winner is the answer' },
      );
    });

    test('bad experiments are refused with a code and store nothing', async () => {
      const before = await listExperiments();
      const scripts = (
        await call<{ scripts: Script[] }>('GET', '/api/v1/admin/experiments/scripts', adminToken)
      ).body.scripts;
      const ruleKey = scripts.find((script) => script.kind === 'rule')?.key ?? '';
      const good = { name: 'x', weight: 50, textZh: '好的', textEn: 'Fine' };
      const cases: { body: object; code: string }[] = [
        { body: { variants: [{ name: 'Current', weight: 100 }] }, code: 'experiment_variants_invalid' },
        {
          body: {
            variants: [
              { name: 'Current', weight: 50 },
              { ...good, weight: 40 },
            ],
          },
          code: 'experiment_weights_invalid',
        },
        {
          body: {
            variants: [
              { name: 'Current', weight: 0 },
              { ...good, weight: 100 },
            ],
          },
          code: 'experiment_weights_invalid',
        },
        {
          body: {
            variants: [
              { name: 'Current', weight: 50 },
              { ...good, textEn: '   ' },
            ],
          },
          code: 'experiment_variants_invalid',
        },
        {
          body: { variants: [{ name: 'Current', weight: 50, textZh: '原文' }, good] },
          code: 'experiment_variants_invalid',
        },
        {
          body: {
            variants: [
              { name: 'Current', weight: 20 },
              { ...good, weight: 20 },
              { ...good, weight: 20 },
              { ...good, weight: 20 },
              { ...good, weight: 20 },
            ],
          },
          code: 'experiment_variants_invalid',
        },
        { body: { scriptKey: 'rule:nope' }, code: 'experiment_script_not_found' },
        { body: { metric: 'revenue' }, code: 'validation_failed' },
      ];
      for (const { body, code } of cases) {
        const response = await call<{ error: { code: string } }>(
          'POST',
          '/api/v1/admin/experiments',
          adminToken,
          {
            name: 'Bad',
            scriptKey: ruleKey,
            metric: 'containment',
            variants: [{ name: 'Current', weight: 50 }, good],
            ...body,
          },
        );
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.equal(response.body.error.code, code, JSON.stringify(body));
      }
      assert.deepEqual(await listExperiments(), before);
    });

    test('agents and analysts may not run experiments; supervisors may', async () => {
      for (const role of ['agent', 'analyst']) {
        const token = await createAgent(role);
        assert.equal((await call('GET', '/api/v1/admin/experiments', token)).status, 403);
        assert.equal(
          (await call('POST', '/api/v1/admin/experiments', token, { name: 'x', scriptKey: 'greeting' }))
            .status,
          403,
        );
      }
      const supervisor = await createAgent('supervisor');
      assert.equal((await call('GET', '/api/v1/admin/experiments', supervisor)).status, 200);
    });
  });
}
