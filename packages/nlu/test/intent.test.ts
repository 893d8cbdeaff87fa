import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  DEFAULT_INTENTS,
  IntentClassifier,
  loadDefaultEngine,
  NluEngine,
  trainIntentModel,
} from '../src/index';

const engine = loadDefaultEngine();

test('the default model knows exactly the fixed taxonomy', () => {
  assert.deepEqual([...engine.classifier.labels].sort(), [...DEFAULT_INTENTS].sort());
});

const unseenMessages: [string, string][] = [
  ['亲，我买的那个东西到哪儿了，物流好几天没更新', 'order_tracking'],
  ['拍了三天了还不发货，麻烦快点', 'urge_shipment'],
  ['请问发什么快递，到广州几天', 'shipping_info'],
  ['收到的杯子碎了一个', 'delivery_problem'],
  ['退款怎么还没到账', 'refund'],
  ['能开增值税专票吗', 'invoice'],
  ['請問這件外套還有M號嗎', 'stock_availability'],
  ['我想改一下收件地址', 'order_modify'],
  ['忘記密碼了，登入不了', 'account'],
  ['where is my package? it has been a week', 'order_tracking'],
  ['i want cancel my order, i buy wrong one', 'order_cancel'],
  ['can I get a refund for this?', 'refund'],
  ['do you ship to Malaysia', 'shipping_info'],
  ['let me talk to a real person', 'human_agent'],
  ['where my order', 'order_tracking'],
  ['refund pls', 'refund'],
  ['i received wrong colour', 'delivery_problem'],
  ['pls cancel, dont send', 'order_cancel'],
];

test('classifies unseen shopper messages in zh-Hans, zh-Hant and English', () => {
  for (const [text, expected] of unseenMessages) {
    assert.equal(engine.classify(text).id, expected, text);
  }
});

test('returns calibrated confidence with ranked alternatives', () => {
  const prediction = engine.classify('我要退货');
  assert.equal(prediction.id, 'return_exchange');
  assert.ok(prediction.confidence > 0.5 && prediction.confidence <= 1);
  assert.equal(prediction.alternatives.length, 3);
  const confidences = prediction.alternatives.map((alternative) => alternative.confidence);
  assert.deepEqual(
    confidences,
    [...confidences].sort((left, right) => right - left),
  );
  assert.ok(confidences.every((confidence) => confidence <= prediction.confidence));
});

test('sends out-of-scope and empty messages to unknown', () => {
  for (const text of [
    '帮我写一首关于春天的诗',
    'who will win the election',
    '',
    '¿¿¿',
    'how do rainbows form',
    '今天股市行情怎么样',
  ]) {
    assert.equal(engine.classify(text).id, 'unknown', text);
  }
});

test('merchants add an intent and retrain; the model survives serialisation', () => {
  const examples = [
    ...[
      '我要定制刻字',
      '可以刻名字吗',
      '能不能定制图案',
      '支持个性定制吗',
      'can you engrave my name',
      'custom engraving please',
    ].map((text) => ({ text, label: 'customization' })),
    ...['退款', '我要退款', '钱什么时候退', 'refund please', 'I want my money back', '退款到账了吗'].map(
      (text) => ({ text, label: 'refund' }),
    ),
    ...['你好', '在吗', 'hello', 'hi there', '亲在不在', '您好'].map((text) => ({ text, label: 'greeting' })),
  ];
  const trained = trainIntentModel(examples);
  assert.equal(trained.classify('能帮我刻个字吗').id, 'customization');
  assert.equal(trained.classify('could you engrave it').id, 'customization');
  const restored = IntentClassifier.fromJSON(JSON.parse(JSON.stringify(trained.classifier.toJSON())));
  assert.deepEqual(restored.labels, trained.classifier.labels);
  const original = trained.classify('什么时候退钱');
  assert.equal(original.id, 'refund');
  assert.equal(new NluEngine(restored).classify('什么时候退钱').id, 'refund');
});

test('rejects a file that is not a model', () => {
  assert.throws(() => IntentClassifier.fromJSON({ format: 'something-else' }), /not a kefu-nlu-intent-model/);
});

test('analyze returns every part of the analysis', () => {
  const text = '親，訂單號A10023昨天買的黑色外套還沒發貨，麻煩快點！！';
  const analysis = engine.analyze(text, { now: new Date(2024, 4, 15) });
  assert.equal(analysis.lang, 'zh-Hant');
  assert.equal(analysis.normalized, '亲,订单号a10023昨天买的黑色外套还没发货,麻烦快点!');
  // Not shipped yet + an order number: both shipping-status intents are reasonable readings.
  assert.ok(['urge_shipment', 'order_tracking'].includes(analysis.intent.id));
  assert.deepEqual(analysis.intent, engine.classify(text));
  assert.deepEqual(
    analysis.entities.map(({ type, value }) => `${type}:${value}`),
    ['order_number:A10023', 'date:2024-05-14', 'color:black'],
  );
  assert.ok(analysis.tokens.includes('发货'));
  assert.equal(typeof analysis.sentiment.score, 'number');
});

test('a polite question that starts with 你们 is not a complaint', () => {
  for (const text of ['你们在北京有门店吗', '你们可以用银联卡付款吗', '你们家衣服起球吗']) {
    assert.notEqual(engine.classify(text).id, 'complaint', text);
  }
  assert.equal(engine.classify('你们的客服态度有问题').id, 'complaint');
});
