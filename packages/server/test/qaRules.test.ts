// Quality-inspection rules on hand-written transcripts, in Chinese and English: a good conversation passes
// with 100, each fault is flagged at the right message, weights and caps make the score, disabled rules and
// changed wording count.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspectTranscript, scoreFindings } from '../src/modules/qa/inspectTranscript';
import type { QaRules } from '../src/modules/qa/rules/ruleSet';
import { defaultQaRules } from '../src/modules/qa/rules/ruleSet';
import type { Transcript, TranscriptMessage } from '../src/modules/qa/rules/transcript';

const start = Date.parse('2026-03-10T02:00:00.000Z');

/** Lines as `[seconds after start, sender, text]`; the agent is agt_wang. */
function transcript(
  lines: [number, TranscriptMessage['sender'], string][],
  resolvedAfter: number | null,
): Transcript {
  return {
    conversationId: 'conv_qa',
    resolvedAt: resolvedAfter === null ? null : start + resolvedAfter * 1000,
    messages: lines.map(([seconds, sender, text], index) => ({
      id: `msg_${String(index + 1).padStart(2, '0')}`,
      sender,
      senderId: sender === 'agent' ? 'agt_wang' : null,
      text,
      at: start + seconds * 1000,
      sentiment: null,
    })),
  };
}

function flagsOf(checked: Transcript, rules: QaRules = defaultQaRules): string[] {
  return inspectTranscript(checked, rules).map((finding) => `${finding.rule}@${finding.messageId ?? '-'}`);
}

const goodZh = transcript(
  [
    [0, 'customer', '我的快递三天了还没到'],
    [30, 'agent', '您好，我是客服小王，很高兴为您服务。我帮您查一下物流。'],
    [50, 'customer', '好的'],
    [80, 'agent', '已经为您催促快递公司，预计明天送达，您可以留意一下物流更新。'],
    [100, 'customer', '好的，谢谢'],
    [120, 'agent', '不客气，还有什么可以帮您的吗？祝您生活愉快！'],
  ],
  150,
);

test('zh: a courteous, quick conversation with a solution is not flagged and scores 100', () => {
  assert.deepEqual(flagsOf(goodZh), []);
  assert.equal(scoreFindings(inspectTranscript(goodZh, defaultQaRules), defaultQaRules), 100);
});

test('zh: every fault of a bad conversation is flagged at its message, and the score adds up', () => {
  const bad = transcript(
    [
      [0, 'customer', '你们怎么回事，气死我了，东西坏了'],
      [180, 'agent', '什么问题'],
      [200, 'customer', '充电器坏了，用不了'],
      [600, 'agent', '你自己看说明书，烦死了'],
      [630, 'customer', '我要投诉'],
      [660, 'agent', '我保证明天一定给您换货'],
      [690, 'customer', '太差劲了'],
    ],
    720,
  );
  const flags = flagsOf(bad);
  assert.deepEqual(flags.sort(), [
    'closing@msg_06',
    'forbidden_words@msg_04',
    'greeting@msg_02',
    'ignored_anger@msg_01',
    'ignored_anger@msg_05',
    'long_silence@msg_04',
    'negative_end@msg_07',
    'unkeepable_promise@msg_06',
  ]);
  // greeting 5, ignored anger 2 × 15 = 30 (cap 30), long silence 8, forbidden words 20, promise 15,
  // negative end 10, closing 5: 93 points off.
  assert.equal(scoreFindings(inspectTranscript(bad, defaultQaRules), defaultQaRules), 7);
});

test('zh: traditional script and slow (not silent) replies', () => {
  const traditional = transcript(
    [
      [0, 'customer', '請問這款有貨嗎'],
      [20, 'agent', '您好！有貨的'],
      [40, 'customer', '那什麼時候發貨'],
      [150, 'agent', '付款後48小時內發貨，還有什麼可以幫您？'],
    ],
    200,
  );
  assert.deepEqual(flagsOf(traditional), ['response_time@msg_04'], 'greeting and closing read in 繁體 too');
});

test('en: personal data, promises and no solution are flagged; masked numbers are fine', () => {
  const leaky = transcript(
    [
      [0, 'customer', 'Hi, my parcel never arrived'],
      [20, 'agent', 'Hello! Let me check. Your phone is 13812345678 and e-mail amy@example.com, right?'],
      [40, 'customer', 'Yes'],
      [60, 'agent', 'It will definitely arrive tomorrow, I guarantee it.'],
      [80, 'customer', 'ok thanks'],
      [90, 'agent', 'Thanks for waiting, have a nice day!'],
    ],
    100,
  );
  assert.deepEqual(flagsOf(leaky), [
    'unkeepable_promise@msg_04',
    'personal_data@msg_02',
    'no_solution@msg_06',
  ]);
  const masked = transcript(
    [
      [0, 'customer', 'Hi, can you confirm my number?'],
      [20, 'agent', 'Hello! We have 138****5678 on file; I have updated your order.'],
    ],
    40,
  );
  assert.deepEqual(flagsOf(masked), ['closing@msg_02']);
});

test('en: an angry shopper answered with an apology is fine; ignored, it is flagged; a negative end too', () => {
  const apologised = transcript(
    [
      [0, 'customer', 'This is ridiculous, I am so angry, the parcel is broken again!'],
      [25, 'agent', "Hello, I'm so sorry about that. I have arranged a replacement that ships today."],
      [50, 'customer', 'ok thanks'],
      [70, 'agent', 'Anything else I can help with? Have a great day!'],
    ],
    80,
  );
  assert.deepEqual(flagsOf(apologised), []);
  const ignored = transcript(
    [
      [0, 'customer', 'Where is my refund?'],
      [20, 'agent', 'Hi, I have submitted it again.'],
      [40, 'customer', 'This is ridiculous, I am so angry, the parcel is broken again!'],
      [400, 'customer', 'Still nothing. This is terrible service.'],
    ],
    420,
  );
  assert.deepEqual(flagsOf(ignored), ['closing@msg_02', 'ignored_anger@msg_03', 'negative_end@msg_04']);
});

test('weights, caps, disabled rules and custom wording change the outcome', () => {
  const rude = transcript(
    [
      [0, 'customer', 'hello?'],
      [10, 'agent', 'Hello. Whatever, read the manual, stupid.'],
      [20, 'customer', 'what?'],
      [30, 'agent', 'Shut up. You can return it.'],
      [40, 'customer', 'fine'],
      [50, 'agent', 'Whatever. Bye'],
    ],
    60,
  );
  const findings = inspectTranscript(rude, defaultQaRules);
  assert.equal(findings.filter((finding) => finding.rule === 'forbidden_words').length, 3);
  assert.equal(scoreFindings(findings, defaultQaRules), 60, 'three rude messages cost the cap of 40');
  const lenient: QaRules = {
    ...defaultQaRules,
    forbidden_words: { ...defaultQaRules.forbidden_words, weight: 5, maxPoints: 100 },
  };
  assert.equal(scoreFindings(inspectTranscript(rude, lenient), lenient), 85);
  const off: QaRules = {
    ...defaultQaRules,
    forbidden_words: { ...defaultQaRules.forbidden_words, enabled: false },
  };
  assert.deepEqual(flagsOf(rude, off), []);
  const shopWording: QaRules = {
    ...defaultQaRules,
    greeting: { ...defaultQaRules.greeting, phrases: ['欢迎光临星河旗舰店'] },
  };
  assert.deepEqual(flagsOf(goodZh, shopWording), ['greeting@msg_02'], 'the shop requires its own greeting');
});
