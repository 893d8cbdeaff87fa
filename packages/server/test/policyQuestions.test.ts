import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { isGeneralPolicyQuestion } from '../src/modules/bot/stages/policyQuestionStage';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { requestJson } from './helpers/http';

const asksForOrder = /订单号|order number/i;

describe('policy questions vs requests about the shopper’s own order', () => {
  const understanding = (
    intentId: string,
    entities: { type: string; value: string; text: string }[] = [],
  ) => ({
    lang: 'zh-Hans',
    intent: { id: intentId, confidence: 0.9, alternatives: [] },
    entities,
    sentiment: { score: 0, label: 'neutral' as const, anger: false },
  });

  test('questions about rules are general; requests and questions about my order are not', () => {
    assert.equal(
      isGeneralPolicyQuestion({ text: '退货政策是什么', understanding: understanding('return_exchange') }),
      true,
    );
    assert.equal(
      isGeneralPolicyQuestion({ text: 'Can I get an invoice?', understanding: understanding('invoice') }),
      true,
    );
    assert.equal(
      isGeneralPolicyQuestion({ text: '我想退货', understanding: understanding('return_exchange') }),
      false,
    );
    assert.equal(
      isGeneralPolicyQuestion({
        text: '我的订单什么时候发货',
        understanding: understanding('urge_shipment'),
      }),
      false,
    );
    assert.equal(
      isGeneralPolicyQuestion({
        text: 'when will my refund arrive?',
        understanding: understanding('refund'),
      }),
      false,
    );
    const withOrder = understanding('refund', [
      { type: 'order_number', value: 'KF202611010018', text: 'KF202611010018' },
    ]);
    assert.equal(
      isGeneralPolicyQuestion({ text: 'KF202611010018 可以退款吗', understanding: withOrder }),
      false,
    );
  });
});

for (const { dialect } of testDatabaseTargets()) {
  describe(`policy questions answered from the knowledge base (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const converse = async (text: string) => {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      const sent = await requestJson<SendMessageResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/messages',
        {
          token: session.body.token,
          body: { text },
        },
      );
      assert.equal(sent.status, 201);
      const messages = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${session.body.conversationId}/messages`,
        { token: adminToken },
      );
      const answeredBy =
        messages.body.messages.find((message) => message.sender === 'customer')?.analysis?.answeredBy ?? '';
      return { reply: sent.body.replies[0]?.text ?? '', answeredBy };
    };

    test('a general question gets the shop’s rule, not a request for an order number', async () => {
      const invoice = await converse('可以开发票吗？');
      assert.match(invoice.answeredBy, /^knowledge:/);
      assert.match(invoice.reply, /发票/);
      assert.doesNotMatch(invoice.reply, asksForOrder);
      const returns = await converse('退货政策是什么');
      assert.match(returns.answeredBy, /^knowledge:/);
      assert.doesNotMatch(returns.reply, asksForOrder);
      const refunds = await converse('How long do refunds take?');
      assert.match(refunds.answeredBy, /^knowledge:/);
    });

    test('a request about the shopper’s own order still starts the flow', async () => {
      const wantsReturn = await converse('我想退货');
      assert.match(wantsReturn.answeredBy, /^flow:/);
      assert.match(wantsReturn.reply, asksForOrder);
      const shipping = await converse('我的订单什么时候发货');
      assert.match(shipping.answeredBy, /^flow:/);
    });
  });
}
