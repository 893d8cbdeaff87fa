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

test('finds order and tracking numbers wherever they stand, with or without a keyword', () => {
  const cases: [string, string[]][] = [
    ['我的快递到哪了 KF202611010018', ['order_number:KF202611010018']],
    ['订单号KF202611010018什么时候发货', ['order_number:KF202611010018']],
    ['KF202611010018', ['order_number:KF202611010018']],
    ['where is my order KF202611010018?', ['order_number:KF202611010018']],
    ['我的訂單 kf202611010018 到哪了', ['order_number:KF202611010018']],
    ['顺丰单号SF1234567890123一直没更新', ['tracking_number:SF1234567890123']],
    ['SF1234567890123', ['tracking_number:SF1234567890123']],
    ['YT1234567890123 where is it', ['tracking_number:YT1234567890123']],
    ['tracking no. JDVA00123456789', ['tracking_number:JDVA00123456789']],
    ['快递单号：773012345678 查不到', ['tracking_number:773012345678']],
    ['中通 773012345678', ['tracking_number:773012345678']],
    ['包裹 7730123456 到哪了', ['tracking_number:7730123456']],
    ['my tracking number is 1234567', ['tracking_number:1234567']],
    ['parcel EA123456789CN still not here', ['tracking_number:EA123456789CN']],
    ['order 202405101234 not arrived', ['order_number:202405101234']],
    ['432198765012 这个单号到哪了', ['tracking_number:432198765012']],
    ["where's 432198765012 now", ['tracking_number:432198765012']],
  ];
  for (const [text, expected] of cases) {
    const found = extractEntities(text, { now }).map(({ type, value }) => `${type}:${value}`);
    assert.deepEqual(found, expected, text);
  }
});

test('finds phones and e-mails next to Chinese text, with separators and country codes', () => {
  const cases: [string, string[]][] = [
    ['电话13812345678，邮箱abc.def@qq.com谢谢', ['phone:13812345678', 'email:abc.def@qq.com']],
    ['手机 +86 138 1234 5678', ['phone:+8613812345678']],
    ['call me 555-123-4567 or mail Bob@Example.COM.', ['phone:5551234567', 'email:bob@example.com']],
    ['手機0912-345-678', ['phone:0912345678']],
    ['台北 02-2345-6789', ['phone:0223456789']],
    ['座机010-87654321', ['phone:01087654321']],
    ['郵箱：ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ', ['email:test@example.com']],
  ];
  for (const [text, expected] of cases) {
    const found = extractEntities(text, { now }).map(({ type, value }) => `${type}:${value}`);
    assert.deepEqual(found, expected, text);
  }
});

test('does not read prices, dates or model numbers as identifiers', () => {
  for (const text of ['iPhone 15 Pro 256GB', '一共12,345,678元', '2024-05-10买的', 'size 42, 3 pcs']) {
    const identifiers = extractEntities(text, { now }).filter(({ type }) =>
      ['order_number', 'tracking_number', 'phone'].includes(type),
    );
    assert.deepEqual(identifiers, [], text);
  }
});
