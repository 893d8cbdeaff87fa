import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addUserTerms,
  detectLanguage,
  normalizeText,
  segment,
  toSimplified,
  toTraditional,
} from '../src/index';

test('normalises width, script, case, punctuation runs and English contractions', () => {
  assert.deepEqual(normalizeText('親，在嗎？？？我的訂單ＡＢＣ１２３怎麼還沒發貨！！！'), {
    normalized: '亲,在吗?我的订单abc123怎么还没发货!',
    lang: 'zh-Hant',
  });
  assert.equal(
    normalizeText("Where's my order?? I DIDN'T get it soooo annoyed").normalized,
    'where is my order? i did not get it soo annoyed',
  );
});

test('detects simplified, traditional, English and mixed text', () => {
  assert.equal(detectLanguage('我的快递到哪了'), 'zh-Hans');
  assert.equal(detectLanguage('我的包裹到哪裡了'), 'zh-Hant');
  assert.equal(detectLanguage('where is my parcel'), 'en');
  assert.equal(detectLanguage('我的iPhone到了吗'), 'zh-Hans');
  assert.equal(detectLanguage('hello, I want to check the 物流 status of my order please'), 'mixed');
});

test('converts between scripts for replies, with Taiwan phrasing', () => {
  assert.equal(toTraditional('您的订单已发货，请注意查收'), '您的訂單已發貨，請注意查收');
  assert.equal(toTraditional('软件'), '軟體');
  assert.equal(toSimplified('軟體和滑鼠'), '软件和鼠标');
});

test('segments Chinese with jieba, stems English, keeps emoji and catalogue terms', () => {
  assert.deepEqual(segment('我的订单怎么还没发货😡'), ['我', '的', '订单', '怎么', '还', '没', '发货', '😡']);
  assert.deepEqual(segment('my parcels arrived damaged'), ['my', 'parcel', 'arrive', 'damage']);
  addUserTerms(['云朵沙发Pro']);
  assert.ok(segment(normalizeText('云朵沙发Pro有货吗').normalized).includes('云朵沙发pro'));
});
