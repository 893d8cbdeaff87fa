import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadDefaultEngine } from '../src/index';

const engine = loadDefaultEngine();

function expectIntent(cases: [string, string][]): void {
  for (const [text, intent] of cases) assert.equal(engine.classify(text).id, intent, text);
}

test('price questions, price protection and payment failures', () => {
  expectIntent([
    ['这款平板多少钱呀', 'price_promotion'],
    ['这个吹风机卖多少', 'price_promotion'],
    ['咋这么贵 能少点不', 'price_promotion'],
    ['昨天买的今天就降价了 保价吗', 'price_promotion'],
    ['這雙靴子多少錢', 'price_promotion'],
    ['how much are these earbuds', 'price_promotion'],
    ['did the price go down?', 'price_promotion'],
    ['支付一直失败 怎么回事', 'payment'],
    ['付款總是失敗', 'payment'],
    ['my card payment keeps failing', 'payment'],
  ]);
});

test('international shipping questions are shipping questions', () => {
  expectIntent([
    ['能寄到澳大利亚吗', 'shipping_info'],
    ['可以寄到日本嗎', 'shipping_info'],
    ['do you deliver to germany?', 'shipping_info'],
  ]);
});

test('questions about the bot itself and small talk never ask for a person', () => {
  for (const text of [
    '你是不是真人呀',
    '你是機器人還是真人',
    'are you an AI?',
    '你叫什么呀',
    "what's your name",
    '明天会不会下雪',
    "what's the weather like in london",
  ]) {
    const intent = engine.classify(text).id;
    assert.notEqual(intent, 'human_agent', text);
    assert.ok(intent === 'unknown' || intent === 'greeting', `${text}: ${intent}`);
  }
});

test('customer-support phrasing with placeholders', () => {
  expectIntent([
    ['could you help me cancel purchase {{Order Number}}', 'order_cancel'],
    ['i need help with my bill from last month', 'invoice'],
    ['where can i check the status of my reimbursement', 'refund'],
    ['what forms of payment are accepted', 'payment'],
    ['i want to talk with someone from support', 'human_agent'],
    ['help me change the delivery address of order {{Order Number}}', 'order_modify'],
    ['how can i remove my user account', 'account'],
  ]);
});
