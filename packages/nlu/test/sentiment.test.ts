import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeSentiment } from '../src/index';

function label(text: string): string {
  return analyzeSentiment(text).label;
}

test('positive and negative product reviews in Chinese and English', () => {
  assert.equal(label('质量很好，物流也快，推荐！'), 'positive');
  assert.equal(label('東西很好用，謝謝😊'), 'positive');
  assert.equal(label('Great product, works perfectly!'), 'positive');
  assert.equal(label('这是我买过最差的手机'), 'negative');
  assert.equal(label('It stopped working after two days. Waste of money.'), 'negative');
  assert.equal(label('where is my order'), 'neutral');
  assert.equal(label('你好，我的快递到哪了'), 'neutral');
});

test('handles negation, intensifiers and contrast', () => {
  assert.equal(label('不太满意'), 'negative');
  assert.equal(label('不差，还可以'), 'positive');
  assert.equal(label('not bad at all'), 'positive');
  assert.equal(label('I am not happy with this'), 'negative');
  assert.equal(label('衣服好看，但是质量太差了'), 'negative');
  assert.ok(analyzeSentiment('非常满意').score > analyzeSentiment('满意').score);
});

test('sarcasm markers and emoji pull the score', () => {
  assert.equal(label('呵呵，真是谢谢你们了'), 'negative');
  assert.equal(label('oh great, broken again 🙄'), 'negative');
  assert.equal(label('👍👍'), 'positive');
  assert.equal(label('😭😭'), 'negative');
});

test('anger: insults, threats and shouting, in both languages', () => {
  for (const text of [
    '垃圾东西，我要投诉！！！',
    '再不处理我就去12315',
    '等着吃差评吧',
    'This is a SCAM, I will report you!!!',
    'WORST SERVICE EVER, TERRIBLE!!!',
    '😡😡',
  ]) {
    const sentiment = analyzeSentiment(text);
    assert.equal(sentiment.anger, true, text);
    assert.equal(sentiment.label, 'negative', text);
  }
  for (const text of ['不太满意', 'the box was a bit small', '谢谢'])
    assert.equal(analyzeSentiment(text).anger, false, text);
});

test('scores stay in [-1, 1]', () => {
  for (const text of ['太棒了太棒了太棒了！！！😍😍😍', '垃圾垃圾垃圾骗子骗子！！！🤬🤬']) {
    const { score } = analyzeSentiment(text);
    assert.ok(score >= -1 && score <= 1);
  }
});

test('anger words match whole words and phrases, not pieces of ordinary ones', () => {
  for (const text of [
    'Customer service was super helpful',
    'do you ship to canada',
    'Please update my address',
    'Too big, had to return it',
    'any issue with the hello kitty case?',
    '垃圾袋有几个规格',
    '滚筒洗衣机能用吗',
  ])
    assert.equal(analyzeSentiment(text).anger, false, text);
  for (const text of [
    'I will leave a 1 star review',
    "I'm filing a chargeback",
    '給你們負評',
    '客服装死是吧',
  ])
    assert.equal(analyzeSentiment(text).anger, true, text);
});

test('ironic openings, concession and multi-word expressions', () => {
  assert.equal(label('Great, another package lost.'), 'negative');
  assert.equal(label('Oh wonderful, it broke again'), 'negative');
  assert.equal(label('Great, thanks for the quick reply'), 'positive');
  assert.equal(label('好看是好看，就是不保暖'), 'negative');
  assert.equal(label('好看但不实用'), 'negative');
  assert.equal(label('Looks nice but falls apart easily'), 'negative');
  assert.equal(label('Not as described'), 'negative');
  assert.equal(label('No complaints, works perfectly'), 'positive');
  assert.equal(label('Could not be happier'), 'positive');
  assert.equal(label('没想象中好'), 'negative');
});

test('polite requests stay neutral', () => {
  for (const text of ['我要退款', 'I want to return this item', 'ok, noted', '收到了，謝謝'])
    assert.equal(label(text), 'neutral', text);
});
