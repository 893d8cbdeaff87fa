import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import pino from 'pino';
import { LlmAnswerComposer, checkComposition } from '../src/modules/knowledge/llmComposer';
import { ChatCompletionsServer } from './helpers/chatCompletionsServer';
import { knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const apiKey = 'sk-test-secret-never-logged';

for (const { dialect } of testDatabaseTargets()) {
  describe(`LLM answer composition against a loopback chat server (${dialect})`, () => {
    const fake = new ChatCompletionsServer();
    let server: TestServer;
    let client: ReturnType<typeof knowledgeClient>;
    let adminToken: string;
    let fakeUrl: string;
    before(async () => {
      fakeUrl = await fake.start();
      server = await startTestServer({
        dialect,
        environment: { KEFU_LLM_BASE_URL: fakeUrl, KEFU_LLM_API_KEY: apiKey, KEFU_LLM_MODEL: 'test-model' },
      });
      client = knowledgeClient(server);
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      await server.close();
      await fake.stop();
    });

    const ask = async (text: string) => {
      const shopper = await client.startShopper();
      const sent = await client.say(shopper.token, text);
      const listed = await client.call<{ messages: Message[] }>(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        adminToken,
      );
      const answeredBy = listed.body.messages.find((message) => message.sender === 'customer')?.analysis
        ?.answeredBy;
      return { text: sent.replies[0]?.text ?? '', answeredBy };
    };

    test('a confident match is phrased by the model from the retrieved passages, with citations', async () => {
      fake.reply = { status: 200, content: '支持支付宝、微信支付和银行卡，请在 24 小时内付款 [1]。' };
      const before = fake.requests.length;
      const answer = await ask('支持哪些付款方式？');
      assert.equal(answer.text, '支持支付宝、微信支付和银行卡，请在 24 小时内付款 [1]。');
      assert.equal(answer.answeredBy, 'knowledge:llm');
      const request = fake.requests[before];
      assert.ok(request);
      assert.equal(request.authorization, `Bearer ${apiKey}`);
      assert.equal(request.body.model, 'test-model');
      const prompt = request.body.messages.map((message) => message.content).join('\n');
      assert.match(prompt, /\[1\] 支持哪些付款方式？/);
      assert.match(prompt, /NO_ANSWER/);
    });

    test('a refusal, an uncited answer or invented order data falls back to the stored answer', async () => {
      for (const content of ['NO_ANSWER', '支持支付宝。', '您的订单 KF202611019999 已付款成功 [1]']) {
        fake.reply = { status: 200, content };
        const answer = await ask('支持哪些付款方式？');
        assert.match(answer.text, /支持支付宝、微信支付和银行卡（借记卡、信用卡）支付/, content);
        assert.equal(answer.answeredBy, 'knowledge:faq');
      }
    });

    test('nothing relevant retrieved: the model is not asked', async () => {
      const before = fake.requests.length;
      const answer = await ask('阿巴阿巴阿巴');
      assert.equal(answer.answeredBy, 'fallback');
      assert.equal(fake.requests.length, before);
    });

    test('a failing endpoint is logged without the API key, and the composer refuses', async () => {
      const lines: string[] = [];
      const logger = pino(
        { level: 'debug' },
        new Writable({
          write(chunk: Buffer, _encoding, done) {
            lines.push(chunk.toString('utf8'));
            done();
          },
        }),
      );
      const composer = new LlmAnswerComposer(
        { baseUrl: `${fakeUrl}/v1`, apiKey, model: 'test-model' },
        logger,
      );
      fake.reply = { status: 500, content: 'boom' };
      const passages = [{ entryId: 'kb_1', title: '运费怎么算？', text: '满 99 元包邮。' }];
      assert.equal(await composer.compose('运费多少', passages, 'zh'), null);
      assert.ok(lines.length > 0);
      assert.ok(lines.every((line) => !line.includes(apiKey)));
      assert.equal(await composer.compose('运费多少', [], 'zh'), null, 'no passages, no call');
      assert.deepEqual(checkComposition('满 99 元包邮 [1]', '运费多少', passages), {
        text: '满 99 元包邮 [1]',
        citedEntryIds: ['kb_1'],
      });
      assert.equal(
        checkComposition('满 199 元包邮 [1]', '运费多少', passages),
        null,
        'a number not in the passages',
      );
      assert.equal(checkComposition('满 99 元包邮 [2]', '运费多少', passages), null, 'a citation of nothing');
    });
  });
}
