import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readChoiceNumber } from '../src/modules/channels/numberedChoice';

test('a typed choice number is read in the ways shoppers write it', () => {
  for (const [text, number] of [
    ['1', 1],
    ['２', 2],
    [' 3 ', 3],
    ['三', 3],
    ['两', 2],
    ['2.', 2],
    ['2。', 2],
    ['（2）', 2],
    ['(4)', 4],
    ['第二个', 2],
    ['第1项', 1],
    ['选3', 3],
    ['#2', 2],
    ['10', 10],
  ] as const)
    assert.equal(readChoiceNumber(text), number, text);
});

test('text that is more than a number is not a pick', () => {
  for (const text of ['我要买 2 件', '123', '', '第', '一二', 'two', '2 3', '订单 1'])
    assert.equal(readChoiceNumber(text), null, text);
});
