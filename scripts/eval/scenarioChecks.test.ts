import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Check, ConversationRecord, OrderSnapshot } from './checks/checkTypes';
import { genericChecks, runCheck } from './checks/runChecks';
import { findGivenSlots, findSlotRequests } from './checks/slotQuestions';
import type { ScenarioLanguage } from './scenarioFile';

// The checkers must fail when the bot does the wrong thing, on transcripts written here for the purpose.

function conversation(
  language: ScenarioLanguage,
  turns: [shopper: string, ...replies: string[]][],
  outcome: Partial<ConversationRecord> = {},
): ConversationRecord {
  return {
    language,
    turns: turns.map(([shopper, ...replies]) => ({
      shopper,
      replies: replies.map((text) => ({ sender: 'bot', text, quickReplies: [] })),
    })),
    status: 'bot',
    priority: 'normal',
    handedOff: false,
    summary: null,
    orders: {},
    ...outcome,
  };
}

function passes(record: ConversationRecord, check: Check): boolean {
  return runCheck(record, check).passed;
}

const languageCheck: Check = { kind: 'languageAndScript' };

describe('language and script of every reply', () => {
  it('fails an English sentence in a zh-CN conversation and passes Chinese with codes and brands', () => {
    const english = conversation('zh-CN', [['我的包裹呢', 'Sorry, I could not find that parcel.']]);
    assert.equal(passes(english, languageCheck), false);
    const chinese = conversation('zh-CN', [
      ['我的包裹呢', '您的包裹由顺丰速运 SF1234567890123 承运，USB-C 接口。'],
    ]);
    assert.equal(passes(chinese, languageCheck), true);
  });

  it('fails an English button label in a Chinese conversation', () => {
    const record = conversation('zh-CN', [['退款', '请选择：']]);
    record.turns[0]?.replies[0]?.quickReplies.push('Talk to a person');
    assert.equal(passes(record, languageCheck), false);
  });

  it('fails simplified characters in a zh-Hant conversation, not Taiwan usage', () => {
    const simplified = conversation('zh-Hant', [['運費多少', '订单满 99 元包邮。']]);
    assert.equal(passes(simplified, languageCheck), false);
    const traditional = conversation('zh-Hant', [
      ['運費多少', '訂單滿 99 元包郵，台灣暫不配送，週一到週五出貨。'],
    ]);
    assert.equal(passes(traditional, languageCheck), true);
  });

  it('fails traditional characters in a zh-CN conversation', () => {
    const record = conversation('zh-CN', [['发票', '請提供發票抬頭。']]);
    assert.equal(passes(record, languageCheck), false);
  });

  it('fails a Chinese sentence in an English conversation', () => {
    const record = conversation('en', [
      ['where is it', 'Your parcel is on its way.', '您的包裹正在派送中。'],
    ]);
    assert.equal(passes(record, languageCheck), false);
    assert.equal(passes(conversation('en', [['hi', 'Hello! How can I help?']]), languageCheck), true);
  });
});

describe('a slot is not asked again', () => {
  const askedAgain = conversation('zh-CN', [
    ['帮我看下订单 KF209900000001', '好的，正在查询。'],
    ['快点', '请提供您的订单号，我来帮您查询。'],
  ]);

  it('fails when a later reply asks for the order number the shopper gave', () => {
    const check: Check = { kind: 'slotNotAskedAgain', slot: 'order_number', givenAt: 1 };
    const result = runCheck(askedAgain, check);
    assert.equal(result.passed, false);
    assert.match(result.detail, /turn 2/);
  });

  it('ignores questions asked before the shopper gave it and read-backs of the value', () => {
    const record = conversation('zh-CN', [
      ['查订单', '请提供您的订单号。'],
      ['KF209900000001', '订单号 KF209900000001 对吗？已为您找到。'],
    ]);
    const check: Check = {
      kind: 'slotNotAskedAgain',
      slot: 'order_number',
      givenAt: 2,
      value: 'KF209900000001',
    };
    assert.equal(passes(record, check), true);
  });

  it('recognises requests for the phone tail, the reason and invoice details in zh and en', () => {
    assert.equal(findSlotRequests('麻烦告诉我手机号后四位。', 'phone_tail').length, 1);
    assert.equal(findSlotRequests('Could you send the last 4 digits of your phone?', 'phone_tail').length, 1);
    assert.equal(findSlotRequests('请问退货原因是什么？', 'reason').length, 1);
    assert.equal(findSlotRequests('请发送公司全称（发票抬头）。', 'invoice_details').length, 1);
    assert.equal(findSlotRequests('订单已于昨天发出。', 'order_number').length, 0);
  });

  it('finds the order number, tracking number and phone tail a shopper gives', () => {
    assert.deepEqual(findGivenSlots(['查一下 SF9876543210123', '尾号 4321']), [
      { slot: 'order_number', givenAt: 1, value: 'SF9876543210123' },
      { slot: 'phone_tail', givenAt: 2, value: '4321' },
    ]);
    assert.deepEqual(findGivenSlots(['在吗', '5678']), [{ slot: 'phone_tail', givenAt: 2, value: '5678' }]);
    const derived = genericChecks(['退货 KF209900000001'], []);
    assert.deepEqual(derived, [
      { kind: 'languageAndScript' },
      { kind: 'slotNotAskedAgain', slot: 'order_number', givenAt: 1, value: 'KF209900000001' },
    ]);
  });
});

describe('facts, tone, handoff and outcome', () => {
  const record = conversation('zh-CN', [
    ['快递到哪了', '请提供订单号。'],
    ['KF209900000001', '非常抱歉，您的包裹由中通快递派送中。'],
  ]);

  it('fails a missing fact and passes a present one, in the turn asked', () => {
    assert.equal(passes(record, { kind: 'mentions', scope: 2, pattern: /顺丰|SF/, what: 'SF' }), false);
    assert.equal(
      passes(record, { kind: 'mentions', scope: 2, pattern: /派送/, what: 'out for delivery' }),
      true,
    );
    assert.equal(
      passes(record, { kind: 'mentions', scope: 1, pattern: /派送/, what: 'out for delivery' }),
      false,
    );
    assert.equal(passes(record, { kind: 'mentions', scope: 'last', pattern: /中通/, what: 'ZTO' }), true);
  });

  it('fails a forbidden statement', () => {
    assert.equal(passes(record, { kind: 'avoids', scope: 'any', pattern: /中通/, what: 'ZTO' }), false);
    assert.equal(passes(record, { kind: 'avoids', scope: 1, pattern: /中通/, what: 'ZTO' }), true);
  });

  it('fails an apology on a neutral turn only', () => {
    assert.equal(passes(record, { kind: 'noApology', turns: [2] }), false);
    assert.equal(passes(record, { kind: 'noApology', turns: [1] }), true);
    const english = conversation('en', [['hi', "Sorry, I didn't get that."]]);
    assert.equal(passes(english, { kind: 'noApology', turns: [1] }), false);
  });

  it('checks handoff and a minimum priority', () => {
    const queued = conversation('zh-CN', [['投诉', '正在转接']], { handedOff: true, priority: 'normal' });
    assert.equal(passes(queued, { kind: 'handoff', expected: true }), true);
    assert.equal(passes(record, { kind: 'handoff', expected: true }), false);
    assert.equal(passes(queued, { kind: 'minimumPriority', level: 'high' }), false);
    const urgent = conversation('zh-CN', [['投诉', '正在转接']], { handedOff: true, priority: 'urgent' });
    assert.equal(passes(urgent, { kind: 'minimumPriority', level: 'high' }), true);
  });

  it("checks the order's state in the shop, and any-of alternatives", () => {
    const snapshot: OrderSnapshot = {
      status: 'unpaid',
      address: '上海市浦东新区',
      invoiceTitle: null,
      returnKinds: [],
    };
    const withOrder = { ...record, orders: { KF209900000001: snapshot } };
    const cancelled: Check = {
      kind: 'orderState',
      orderNumber: 'KF209900000001',
      what: 'cancelled',
      status: 'cancelled',
    };
    assert.equal(passes(withOrder, cancelled), false);
    const cancelledRecord = { ...record, orders: { KF209900000001: { ...snapshot, status: 'cancelled' } } };
    assert.equal(passes(cancelledRecord, cancelled), true);
    assert.equal(passes(record, cancelled), false, 'an order that was not read fails');
    const either: Check = {
      kind: 'anyOf',
      what: 'either',
      checks: [cancelled, { kind: 'handoff', expected: false }],
    };
    assert.equal(passes(withOrder, either), true);
  });
});
