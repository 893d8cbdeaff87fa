import type { MessageAnalysis } from '@kefu/sdk';
import type { Understanding } from '../bot';
import { categoryFromIntent, isTopicIntent } from './classification';
import type { HandoffSettings, HandoffTrigger } from './schemas';

export interface PastCustomerMessage {
  text: string;
  analysis: MessageAnalysis | null;
}

export interface TriggerInput {
  text: string;
  understanding: Understanding;
  /** The stage that answered this turn (`fallback…` counts as a failure). */
  answeredBy: string;
  /** Earlier customer messages of the conversation, oldest first, without the current one. */
  history: readonly PastCustomerMessage[];
  vipTier: string;
}

/** Rough rates to compare amounts in other currencies with the CNY threshold. */
const cnyPerUnit: Record<string, number> = { CNY: 1, USD: 7.2, EUR: 7.8, HKD: 0.92, TWD: 0.22 };

/**
 * Every automatic handoff trigger, evaluated after the bot answered the turn. Returns the triggers that
 * fired, most important first; the first becomes the handoff reason.
 */
export function evaluateHandoffTriggers(input: TriggerInput, settings: HandoffSettings): HandoffTrigger[] {
  const fired: HandoffTrigger[] = [];
  const { intent, sentiment } = input.understanding;
  const topic = settings.sensitiveTopics.enabled ? findSensitiveTopic(input.text, settings) : null;
  if (topic) fired.push({ reason: 'sensitive_topic', detail: topic });
  if (settings.anger.enabled && sentiment.anger) {
    const angry = countTrailing(input.history, (message) => message.analysis?.sentiment.anger === true) + 1;
    if (angry >= settings.anger.angryMessages)
      fired.push({ reason: 'anger', detail: `${angry} angry message(s)` });
  }
  // Small talk ("are you a bot", a request for the bot's secrets) is answered for what it is, whatever the
  // engine guessed its topic to be.
  const topical = !input.answeredBy.startsWith('small_talk');
  if (
    topical &&
    settings.complaint.enabled &&
    intent.id === 'complaint' &&
    intent.confidence >= settings.complaint.minimumConfidence
  )
    fired.push({ reason: 'complaint', detail: `confidence ${intent.confidence}` });
  const refund = settings.refundAmount.enabled ? findLargeRefund(input, settings) : null;
  if (refund) fired.push({ reason: 'refund_amount', detail: refund });
  if (
    topical &&
    settings.vip.enabled &&
    settings.vip.tiers.includes(input.vipTier) &&
    isTopicIntent(intent.id)
  )
    fired.push({ reason: 'vip', detail: input.vipTier });
  const rule = topical ? matchIntentRule(input.understanding, settings) : null;
  if (rule) fired.push({ reason: 'intent_rule', detail: rule });
  if (settings.botFailures.enabled) {
    const failures = input.answeredBy.startsWith('fallback')
      ? countTrailing(
          input.history,
          (message) => message.analysis?.answeredBy?.startsWith('fallback') === true,
        ) + 1
      : 0;
    if (failures >= settings.botFailures.consecutive)
      fired.push({ reason: 'bot_failures', detail: `${failures} answers in a row` });
  }
  if (settings.notHelpful.enabled) {
    const ratings = [...input.history.map((message) => message.text), input.text].filter((text) =>
      containsPhrase(text, settings.notHelpful.phrases),
    ).length;
    if (ratings >= settings.notHelpful.count && containsPhrase(input.text, settings.notHelpful.phrases))
      fired.push({ reason: 'not_helpful', detail: `${ratings} "not helpful" ratings` });
  }
  // Only messages that carry a feeling count: an order number or phone digits (neutral, 0) between two
  // remarks is no step down, and a neutral message now cannot fire on what was said before.
  if (settings.sentimentDecline.enabled && sentiment.score !== 0) {
    const window = settings.sentimentDecline.window;
    const felt = [...sentimentScores(input.history), sentiment.score].filter((score) => score !== 0);
    const scores = felt.slice(-window);
    if (scores.length >= window && isDecline(scores, settings.sentimentDecline))
      fired.push({ reason: 'sentiment_decline', detail: scores.join(' → ') });
  }
  return fired;
}

export function sentimentScores(history: readonly PastCustomerMessage[]): number[] {
  return history.flatMap((message) => (message.analysis ? [message.analysis.sentiment.score] : []));
}

/** Falling when each score is no higher than the one before and the whole drop is clear. */
export function sentimentTrend(scores: readonly number[]): 'falling' | 'rising' | 'steady' | 'unknown' {
  if (scores.length < 2) return 'unknown';
  const first = scores[0] ?? 0;
  const last = scores[scores.length - 1] ?? 0;
  if (last - first <= -0.3) return 'falling';
  if (last - first >= 0.3) return 'rising';
  return 'steady';
}

function isDecline(scores: readonly number[], rule: { minimumDrop: number; below: number }): boolean {
  const monotonic = scores.every((score, index) => index === 0 || score <= (scores[index - 1] ?? score));
  const first = scores[0] ?? 0;
  const last = scores[scores.length - 1] ?? 0;
  return monotonic && first - last >= rule.minimumDrop && last <= rule.below;
}

function countTrailing(
  history: readonly PastCustomerMessage[],
  matches: (message: PastCustomerMessage) => boolean,
): number {
  let count = 0;
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const message = history[index];
    if (!message || !matches(message)) break;
    count += 1;
  }
  return count;
}

export function findSensitiveTopic(text: string, settings: HandoffSettings): string | null {
  for (const topic of settings.sensitiveTopics.topics) {
    const keyword = topic.keywords.find((candidate) => containsPhrase(text, [candidate]));
    if (keyword) return `${topic.id}: ${keyword}`;
  }
  return null;
}

/** CJK phrases match anywhere; Latin ones as whole words, so "sue" does not match "issue". */
function containsPhrase(text: string, phrases: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return phrases.some((phrase) => {
    const needle = phrase.toLowerCase();
    if (!/^[\w\s'-]+$/.test(needle)) return lower.includes(needle);
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(lower);
  });
}

function findLargeRefund(input: TriggerInput, settings: HandoffSettings): string | null {
  const { intents, thresholdCny } = settings.refundAmount;
  const recentIntents = [
    input.understanding.intent.id,
    ...input.history.slice(-3).map((message) => message.analysis?.intent.id ?? ''),
  ];
  const aboutRefund =
    recentIntents.some((intentId) => intents.includes(intentId)) || /退款|退錢|退钱|refund/i.test(input.text);
  if (!aboutRefund) return null;
  for (const entity of input.understanding.entities) {
    if (entity.type !== 'money') continue;
    const [amountText, currency = 'CNY'] = entity.value.split(' ');
    const amountCny = Number(amountText) * (cnyPerUnit[currency] ?? 1);
    if (Number.isFinite(amountCny) && amountCny > thresholdCny)
      return `${entity.value} > ${thresholdCny} CNY`;
  }
  return null;
}

function matchIntentRule(understanding: Understanding, settings: HandoffSettings): string | null {
  const { intent } = understanding;
  const category = categoryFromIntent(intent.id);
  for (const rule of settings.intentRules) {
    if (intent.confidence < rule.minimumConfidence) continue;
    if (rule.intent && rule.intent === intent.id) return `intent ${intent.id}`;
    if (rule.category && rule.category === category) return `category ${category}`;
  }
  return null;
}
