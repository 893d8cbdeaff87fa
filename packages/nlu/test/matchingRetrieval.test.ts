import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index, matchScore } from '../src/index';

test('shop synonyms count as the same word when matching, in both scripts and in English', () => {
  assert.ok(matchScore('退钱要多久', '退款要多久') > 0.7);
  assert.ok(matchScore('保固幾年', '保修幾年') > 0.7);
  assert.ok(matchScore('包裹到哪了', '快递到哪了') > 0.7);
  assert.ok(matchScore('can i get the receipt by email', 'can i get the invoice by email') > 0.6);
  // A swapped content word that is not a synonym still separates the questions.
  assert.ok(matchScore('退货要多久', '退款要多久') < matchScore('退钱要多久', '退款要多久'));
});

test('negation and numbers separate otherwise shared wording; A-not-A questions are not negations', () => {
  assert.ok(matchScore('能不能开发票', '可以开发票吗') > matchScore('能开发票吗', '不能开发票吗'));
  assert.ok(matchScore('3天能到吗', '5天能到吗') < matchScore('3天能到吗', '三天能到吗') + 0.5);
  assert.ok(matchScore('買2件有折扣嗎', '買3件有折扣嗎') < matchScore('買2件有折扣嗎', '買兩件有沒有折扣'));
});

test('BM25 finds documents through character bigrams and synonyms when words differ', () => {
  const index = new Bm25Index();
  index.add('refund-time', '退款多久到账');
  index.add('return-how', '怎么申请退货');
  index.add('invoice', '如何开具发票');
  index.add('warranty', '保修期是多长时间');
  index.add('en-refund', 'how long does a refund take');
  assert.equal(index.search('退钱几天能到账')[0]?.id, 'refund-time');
  assert.equal(index.search('保固期多長')[0]?.id, 'warranty');
  assert.equal(index.search('開發票')[0]?.id, 'invoice');
  assert.equal(index.search('when will my refund arrive')[0]?.id, 'en-refund');
  assert.ok(index.remove('warranty'));
  assert.equal(index.has('warranty'), false);
  assert.notEqual(index.search('保固期多長')[0]?.id, 'warranty');
});
