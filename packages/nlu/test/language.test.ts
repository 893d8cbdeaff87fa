import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assessLanguage, toTraditional } from '../src/index';

test('messages without language evidence give no language', () => {
  for (const text of [
    'KF202610300042',
    'YT7736251908123',
    '0912 345 678',
    '+1 (415) 555-0182',
    'buyer.lin@example.org',
    'https://m.example.shop/item/88?ref=share',
    '🙏🙏',
    '？？',
    '!!!',
    'OK',
    '4G',
    'XXL',
    '42',
  ])
    assert.deepEqual(assessLanguage(text), { language: null, strong: false, scriptNeutral: false }, text);
});

test('Chinese: two Han characters are strong evidence; the script comes only from characters that differ', () => {
  assert.deepEqual(assessLanguage('这个退不了吗'), {
    language: 'zh-Hans',
    strong: true,
    scriptNeutral: false,
  });
  assert.deepEqual(assessLanguage('這個退不了嗎'), {
    language: 'zh-Hant',
    strong: true,
    scriptNeutral: false,
  });
  assert.deepEqual(assessLanguage('不用了'), { language: 'zh-Hans', strong: true, scriptNeutral: true });
  assert.deepEqual(assessLanguage('好'), { language: 'zh-Hans', strong: false, scriptNeutral: true });
  assert.equal(assessLanguage('单号YT7736251908123还没更新').language, 'zh-Hans');
  assert.equal(assessLanguage('我要買AirPods 4').language, 'zh-Hant');
});

test('English: two words that are not ids, sizes or brands are strong evidence', () => {
  assert.deepEqual(assessLanguage('has it shipped'), { language: 'en', strong: true, scriptNeutral: false });
  assert.deepEqual(assessLanguage('thanks'), { language: 'en', strong: false, scriptNeutral: false });
  assert.deepEqual(assessLanguage('iPhone XL 5G'), { language: null, strong: false, scriptNeutral: false });
  assert.equal(assessLanguage('Samsung Galaxy S24 有货吗').language, 'zh-Hans');
  assert.equal(assessLanguage('can I return the 羊毛 sweater i bought').language, 'en');
});

test('Taiwan conversion keeps shop phrases right', () => {
  assert.equal(toTraditional('请提供统一社会信用代码'), '請提供統一社會信用代碼');
  assert.equal(toTraditional('发票已开具'), '發票已開具');
  assert.equal(toTraditional('请告诉我订单号'), '請告訴我訂單號');
  assert.equal(toTraditional('输入优惠代码即可'), '輸入優惠代碼即可');
  assert.equal(toTraditional('退货程序很简单'), '退貨程序很簡單');
  assert.equal(toTraditional('质量问题包退'), '質量問題包退');
  assert.equal(toTraditional('统一社会信用代码', 'hk'), '統一社會信用代碼');
});
