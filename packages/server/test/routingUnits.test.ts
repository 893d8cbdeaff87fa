import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Understanding } from '../src/modules/bot/understanding';
import { computePriority } from '../src/modules/handoff/classification';
import { defaultHandoffSettings } from '../src/modules/handoff/schemas';
import type { PastCustomerMessage } from '../src/modules/handoff/triggers';
import { evaluateHandoffTriggers } from '../src/modules/handoff/triggers';
import { canAnswerWhileQueued, extractLeftMessage } from '../src/modules/handoff/answerWhileQueued';
import { addBusinessMinutes, isOpenAt, nextOpeningAt } from '../src/modules/routing/businessCalendar';
import type { RoutingAgent, RoutingRequest } from '../src/modules/routing/planAssignments';
import { compareQueueOrder, planAssignments, priorityRank } from '../src/modules/routing/planAssignments';
import { defaultRoutingSettings } from '../src/modules/routing/schemas';
import type { BusinessHours } from '../src/modules/routing/schemas';
import { parseRatingText } from '../src/modules/csat/service';

const understanding = (
  overrides: Partial<Understanding> & { intentId?: string; score?: number; anger?: boolean } = {},
): Understanding => ({
  lang: 'zh-Hans',
  intent: { id: overrides.intentId ?? 'order_tracking', confidence: 0.9, alternatives: [] },
  entities: overrides.entities ?? [],
  sentiment: { score: overrides.score ?? 0, label: 'neutral', anger: overrides.anger ?? false },
});
const past = (answeredBy: string | null, score = 0, text = 'x', anger = false): PastCustomerMessage => ({
  text,
  analysis: { ...understanding({ score, anger }), answeredBy },
});
const reasons = (input: Parameters<typeof evaluateHandoffTriggers>[0]) =>
  evaluateHandoffTriggers(input, defaultHandoffSettings).map((trigger) => trigger.reason);
const base = {
  text: '我的快递到哪了',
  understanding: understanding(),
  answeredBy: 'intent:x',
  history: [],
  vipTier: 'none',
};

describe('handoff triggers (pure)', () => {
  test('nothing fires for an ordinary question', () => assert.deepEqual(reasons(base), []));
  test('sensitive topics: legal, 12315, media, safety — and "sue" is a whole word only', () => {
    assert.deepEqual(reasons({ ...base, text: '再不处理我就找律师' }), ['sensitive_topic']);
    assert.deepEqual(reasons({ ...base, text: '我要打12315' }), ['sensitive_topic']);
    assert.deepEqual(reasons({ ...base, text: '我要发微博曝光你们' }), ['sensitive_topic']);
    assert.deepEqual(reasons({ ...base, text: 'the charger exploded' }), ['sensitive_topic']);
    assert.deepEqual(reasons({ ...base, text: 'there is an issue with my order' }), []);
  });
  test('anger, complaint, VIP, intent rules', () => {
    assert.deepEqual(reasons({ ...base, understanding: understanding({ anger: true, score: -0.8 }) }), [
      'anger',
    ]);
    assert.deepEqual(reasons({ ...base, understanding: understanding({ intentId: 'complaint' }) }), [
      'complaint',
    ]);
    assert.deepEqual(reasons({ ...base, vipTier: 'platinum' }), ['vip']);
    assert.deepEqual(
      reasons({ ...base, vipTier: 'platinum', understanding: understanding({ intentId: 'greeting' }) }),
      [],
    );
    const settings = {
      ...defaultHandoffSettings,
      intentRules: [{ category: 'billing', minimumConfidence: 0.5 }],
    };
    const fired = evaluateHandoffTriggers(
      { ...base, understanding: understanding({ intentId: 'invoice' }) },
      settings,
    );
    assert.deepEqual(
      fired.map((trigger) => trigger.reason),
      ['intent_rule'],
    );
  });
  test('refunds above the configured amount, in any currency', () => {
    const money = (value: string) => [{ type: 'money', value, text: value }];
    const refund = {
      ...base,
      text: '我要退款',
      understanding: understanding({ intentId: 'refund', entities: money('899 CNY') }),
    };
    assert.deepEqual(reasons(refund), ['refund_amount']);
    assert.deepEqual(
      reasons({
        ...refund,
        understanding: understanding({ intentId: 'refund', entities: money('200 CNY') }),
      }),
      [],
    );
    assert.deepEqual(
      reasons({
        ...refund,
        text: 'refund please',
        understanding: understanding({ intentId: 'refund', entities: money('100 USD') }),
      }),
      ['refund_amount'],
    );
  });
  test('N consecutive fallbacks, counting this turn; a good answer in between resets', () => {
    const two = [past('fallback'), past('fallback')];
    assert.deepEqual(reasons({ ...base, answeredBy: 'fallback', history: two }), ['bot_failures']);
    assert.deepEqual(
      reasons({
        ...base,
        answeredBy: 'fallback',
        history: [past('fallback'), past('rules:x'), past('fallback')],
      }),
      [],
    );
    assert.deepEqual(reasons({ ...base, answeredBy: 'rules:x', history: two }), []);
  });
  test('"not helpful" ratings and a falling sentiment trend', () => {
    assert.deepEqual(reasons({ ...base, text: '没帮助', history: [past('x', 0, '没用')] }), ['not_helpful']);
    assert.deepEqual(reasons({ ...base, text: '没帮助', history: [] }), []);
    const falling = [past('x', 0.2), past('x', -0.1)];
    assert.deepEqual(reasons({ ...base, understanding: understanding({ score: -0.5 }), history: falling }), [
      'sentiment_decline',
    ]);
    assert.deepEqual(
      reasons({
        ...base,
        understanding: understanding({ score: -0.5 }),
        history: [past('x', -0.6), past('x', -0.1)],
      }),
      [],
    );
    // An order number and phone digits (neutral) before one negative remark are no decline.
    assert.deepEqual(
      reasons({
        ...base,
        understanding: understanding({ score: -0.5 }),
        history: [past('x', 0), past('x', 0)],
      }),
      [],
    );
    // Neutral data between feelings is skipped; a neutral message does not fire on earlier ones.
    const feltThenData = [past('x', 0.2), past('x', 0), past('x', -0.1)];
    assert.deepEqual(
      reasons({ ...base, understanding: understanding({ score: -0.5 }), history: feltThenData }),
      ['sentiment_decline'],
    );
    assert.deepEqual(
      reasons({
        ...base,
        understanding: understanding({ score: 0 }),
        history: [...falling, past('x', -0.5)],
      }),
      [],
    );
  });
});

describe('priority rules (pure)', () => {
  const rules = defaultRoutingSettings.priorityRules;
  const signals = {
    vipTier: 'none',
    intentId: 'order_tracking',
    anger: false,
    fallingSentiment: false,
    sensitiveTopic: false,
  };
  const waiting = { minutes: 0, targetMinutes: 5 };
  test('VIP tier, refund/complaint/delivery problem, anger raise the priority', () => {
    assert.equal(computePriority(signals, rules, waiting).priority, 'normal');
    assert.equal(computePriority({ ...signals, vipTier: 'gold' }, rules, waiting).priority, 'high');
    assert.equal(
      computePriority({ ...signals, intentId: 'delivery_problem' }, rules, waiting).priority,
      'high',
    );
    const all = computePriority(
      { ...signals, vipTier: 'platinum', intentId: 'complaint', anger: true },
      rules,
      waiting,
    );
    assert.equal(all.priority, 'urgent');
    assert.deepEqual(all.reasons, ['vip:platinum', 'intent:complaint', 'anger']);
  });
  test('12315, legal action or a safety risk makes it urgent by itself', () => {
    const sensitive = computePriority({ ...signals, sensitiveTopic: true }, rules, waiting);
    assert.equal(sensitive.priority, 'urgent');
    assert.deepEqual(sensitive.reasons, ['sensitive_topic']);
  });
  test('waiting time and the risk of missing the queue target raise it too', () => {
    const late = computePriority(signals, rules, { minutes: 12, targetMinutes: 5 });
    assert.equal(late.priority, 'high');
    assert.deepEqual(late.reasons, ['waiting:12m', 'sla_risk']);
  });
});

const agent = (id: string, overrides: Partial<RoutingAgent> = {}): RoutingAgent => ({
  id,
  capacity: 2,
  load: 0,
  categories: new Set(),
  languages: new Set(),
  channels: new Set(),
  productLines: new Set(),
  teamIds: new Set(),
  lastAssignedAt: 0,
  ...overrides,
});
const request = (conversationId: string, overrides: Partial<RoutingRequest> = {}): RoutingRequest => ({
  conversationId,
  category: 'general',
  language: 'zh',
  channel: 'web',
  productLine: null,
  teamId: null,
  preferredAgentId: null,
  excludedAgentId: null,
  ...overrides,
});

describe('routing decision (pure)', () => {
  test('skills, capacity, least-loaded, stickiness, exclusions and teams', () => {
    const agents = [
      agent('en-only', { languages: new Set(['en']) }),
      agent('refunds', { categories: new Set(['refund']) }),
      agent('any', { load: 1 }),
      agent('team-a', { teamIds: new Set(['team_a']), capacity: 1 }),
    ];
    const plan = planAssignments(
      [
        request('c1', { language: 'en' }),
        request('c2', { category: 'refund' }),
        request('c3', { preferredAgentId: 'any' }),
        request('c4', { teamId: 'team_a' }),
        request('c5', { teamId: 'team_a' }),
        request('c6', { excludedAgentId: 'en-only', language: 'en' }),
      ],
      agents,
      'least_loaded',
    );
    assert.deepEqual(
      plan.map((assignment) => `${assignment.conversationId}>${assignment.agentId}`),
      ['c1>en-only', 'c2>refunds', 'c3>any', 'c4>team-a'],
      'c5: team full; c6: the only English agent is excluded (and "any" is full)',
    );
  });
  test('round robin takes turns; manual mode assigns nothing', () => {
    const agents = [agent('a', { capacity: 5 }), agent('b', { capacity: 5 })];
    const plan = planAssignments(
      [request('1'), request('2'), request('3'), request('4')],
      agents,
      'round_robin',
    );
    assert.deepEqual(
      plan.map((assignment) => assignment.agentId),
      ['a', 'b', 'a', 'b'],
    );
    assert.deepEqual(planAssignments([request('1')], agents, 'manual'), []);
  });
  test('queue order under load: 500 waiting, 20 agents — highest priority first, then longest waiting', () => {
    const priorities = ['low', 'normal', 'high', 'urgent'];
    const entries = Array.from({ length: 500 }, (_, index) => ({
      priorityRank: priorityRank(priorities[(index * 7) % 4] ?? 'normal'),
      enqueuedAt: new Date(Date.UTC(2026, 0, 5, 2, 0, (index * 13) % 500)).toISOString(),
      conversationId: `conv_${String(index).padStart(4, '0')}`,
    }));
    const ordered = [...entries].sort(compareQueueOrder);
    const agents = Array.from({ length: 20 }, (_, index) => agent(`agt_${index}`, { capacity: 3 }));
    const plan = planAssignments(
      ordered.map((entry) => request(entry.conversationId)),
      agents,
      'least_loaded',
    );
    assert.equal(plan.length, 60);
    assert.deepEqual(
      plan.map((assignment) => assignment.conversationId),
      ordered.slice(0, 60).map((entry) => entry.conversationId),
    );
    assert.ok(
      plan
        .slice(0, 60)
        .every(
          (assignment, index) =>
            index === 0 || (ordered[index]?.priorityRank ?? 0) <= (ordered[index - 1]?.priorityRank ?? 0),
        ),
    );
    const perAgent = new Map<string, number>();
    for (const assignment of plan)
      perAgent.set(assignment.agentId, (perAgent.get(assignment.agentId) ?? 0) + 1);
    assert.ok(
      [...perAgent.values()].every((count) => count === 3),
      'least-loaded spreads evenly up to capacity',
    );
  });
});

describe('business calendar (pure)', () => {
  const hours: BusinessHours = {
    enabled: true,
    utcOffsetMinutes: 480,
    weekly: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '18:00' })),
    holidays: ['2026-01-12'],
  };
  test('minutes after Friday closing continue on the next working day, skipping holidays', () => {
    // Friday 2026-01-09 17:30 in UTC+8 is 09:30Z; the next working day is Tuesday the 13th (Monday is a holiday).
    assert.equal(
      addBusinessMinutes(hours, new Date('2026-01-09T09:30:00Z'), 60).toISOString(),
      '2026-01-13T01:30:00.000Z',
    );
    assert.equal(
      addBusinessMinutes(hours, new Date('2026-01-09T09:30:00Z'), 30).toISOString(),
      '2026-01-09T10:00:00.000Z',
    );
    assert.equal(
      nextOpeningAt(hours, new Date('2026-01-10T04:00:00Z'))?.toISOString(),
      '2026-01-13T01:00:00.000Z',
    );
    assert.equal(isOpenAt(hours, new Date('2026-01-09T02:00:00Z')), true);
    assert.equal(
      addBusinessMinutes({ ...hours, enabled: false }, new Date('2026-01-10T04:00:00Z'), 60).toISOString(),
      '2026-01-10T05:00:00.000Z',
    );
  });
});

describe('queued-turn and CSAT text parsing (pure)', () => {
  test('leave-a-message requests, ratings, and what the bot may say while a shopper waits', () => {
    assert.equal(extractLeftMessage('我要留言'), '');
    assert.equal(extractLeftMessage('留言：明天下午联系我'), '明天下午联系我');
    assert.equal(extractLeftMessage('Leave a message'), '');
    assert.equal(extractLeftMessage('你好'), null);
    assert.equal(parseRatingText('评分：5'), 5);
    assert.equal(parseRatingText('Rating: 4'), 4);
    assert.equal(parseRatingText('3分'), 3);
    assert.equal(parseRatingText('我买了5件'), null);
    assert.equal(canAnswerWhileQueued('knowledge:faq'), true);
    assert.equal(canAnswerWhileQueued('knowledge:suggest'), false);
    assert.equal(canAnswerWhileQueued('rules:Greeting'), false);
    assert.equal(canAnswerWhileQueued('small_talk:greeting'), false);
    assert.equal(canAnswerWhileQueued('flow:order_tracking'), true);
    assert.equal(canAnswerWhileQueued('flow:clarify'), false);
  });
});
