import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEntities } from '../src/index';

const now = new Date(2024, 4, 15); // Wednesday 15 May 2024

function summarise(text: string, catalogTerms: string[] = []): string[] {
  return extractEntities(text, { now, catalogTerms }).map(
    ({ type, value, text: span }) => `${type}:${value}:${span}`,
  );
}

test('finds order numbers, phones, money, dates, colours, sizes and quantities in Chinese', () => {
  assert.deepEqual(
    summarise('订单号：2023110512345，我上周五买的黑色42码鞋子两双，电话13812345678，付了￥299.00'),
    [
      'order_number:2023110512345:2023110512345',
      'date:2024-05-10:上周五',
      'color:black:黑色',
      'size:42:42码',
      'quantity:2:两双',
      'phone:13812345678:13812345678',
      'money:299.00 CNY:￥299.00',
    ],
  );
});

test('works on traditional and full-width text, keeping offsets into the original', () => {
  const text = '親，我的訂單號是 Ａ10023，昨天付了 NT$1,200，L號白色';
  const entities = extractEntities(text, { now });
  assert.deepEqual(
    entities.map(({ type, value }) => `${type}:${value}`),
    ['order_number:A10023', 'date:2024-05-14', 'money:1200 TWD', 'size:L', 'color:white'],
  );
  for (const entity of entities) assert.equal(text.slice(entity.start, entity.end), entity.text);
});

test('finds English entities: order, relative date, money, tracking, email, quantity, size', () => {
  assert.deepEqual(
    summarise(
      'order #A10023 placed last Monday, paid $25.50, tracking SF123456789012, email Bob.Smith@Example.com, 2 pieces size M',
    ),
    [
      'order_number:A10023:A10023',
      'date:2024-05-13:last Monday',
      'money:25.50 USD:$25.50',
      'tracking_number:SF123456789012:SF123456789012',
      'email:bob.smith@example.com:Bob.Smith@Example.com',
      'quantity:2:2 pieces',
      'size:M:size M',
    ],
  );
});

test('resolves relative dates and catalogue products', () => {
  assert.deepEqual(summarise('3天前买的iPhone15手机壳，明天能到吗', ['iPhone15手机壳']), [
    'date:2024-05-12:3天前',
    'product:iPhone15手机壳:iPhone15手机壳',
    'date:2024-05-16:明天',
  ]);
  assert.deepEqual(summarise('delivered yesterday? it was due next friday'), [
    'date:2024-05-14:yesterday',
    'date:2024-05-24:next friday',
  ]);
  assert.deepEqual(summarise('call me at (555) 123-4567'), ['phone:5551234567:(555) 123-4567']);
});

test('finds nothing in plain chatter', () => {
  assert.deepEqual(summarise('你好，在吗'), []);
  assert.deepEqual(summarise('hello there'), []);
});
