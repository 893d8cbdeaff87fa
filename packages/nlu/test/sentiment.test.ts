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
