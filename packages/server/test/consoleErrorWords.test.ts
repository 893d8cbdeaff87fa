import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  orderStatusesZhCN,
  serverErrorsZhCN,
  shopRefusalsZhCN,
} from '../../console/src/i18n/serverErrorsZhCN';
import { errorCatalog } from '../src/errors';
import { shopRefusalReasons } from '../src/modules/commerce';

// The console says every server error in Chinese by its code; an error added without its words would reach a
// Chinese-speaking agent as an English sentence.
describe('the console has words for every server error', () => {
  test('each error code has one zh-CN text, and no text is left for a code that is gone', () => {
    assert.deepEqual(Object.keys(serverErrorsZhCN).sort(), Object.keys(errorCatalog).sort());
    for (const [code, text] of Object.entries(serverErrorsZhCN))
      assert.match(text, /\p{Script=Han}/u, `${code} is said in Chinese`);
  });

  test('each refusal a shop connector names by a code, and each order status, has words', () => {
    assert.deepEqual(Object.keys(shopRefusalsZhCN).sort(), [...shopRefusalReasons].sort());
    assert.deepEqual(Object.keys(orderStatusesZhCN).sort(), [
      'cancelled',
      'delivered',
      'paid',
      'refunded',
      'returned',
      'shipped',
      'unpaid',
    ]);
  });
});
