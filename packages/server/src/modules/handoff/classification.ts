import type { ConversationPriority } from '@kefu/sdk';
import type { PriorityRules } from '../routing';

/** Categories for routing and reports, grouped from the intent taxonomy; supervisors may change them. */
export const categoryByIntent: Record<string, string> = {
  order_tracking: 'logistics',
  urge_shipment: 'logistics',
  shipping_info: 'logistics',
  delivery_problem: 'delivery_problem',
  order_cancel: 'orders',
  order_modify: 'orders',
  order_place: 'orders',
  return_exchange: 'after_sales',
  refund: 'refund',
  warranty_repair: 'after_sales',
  payment: 'billing',
  invoice: 'billing',
  price_promotion: 'pre_sales',
  product_inquiry: 'pre_sales',
  stock_availability: 'pre_sales',
  account: 'account',
  complaint: 'complaint',
  feedback: 'feedback',
};

export const knownCategories = [...new Set([...Object.values(categoryByIntent), 'general'])];

/** The intents that say nothing about the topic and so never decide a category. */
const topiclessIntents = new Set(['greeting', 'goodbye', 'human_agent', 'out_of_scope', 'unknown']);

export function categoryFromIntent(intentId: string | null): string {
  return (intentId && categoryByIntent[intentId]) ?? 'general';
}

export function isTopicIntent(intentId: string): boolean {
  return !topiclessIntents.has(intentId);
}

export interface PrioritySignals {
  vipTier: string;
  intentId: string | null;
  anger: boolean;
  fallingSentiment: boolean;
  sensitiveTopic: boolean;
}

export interface PriorityOutcome {
  priority: ConversationPriority;
  score: number;
  reasons: string[];
}

/**
 * Sums the weights of the rules that match (VIP tier, refund/complaint/delivery problem, anger, falling
 * sentiment, waiting time, risk of missing the queue target) and maps the sum to a priority.
 */
export function computePriority(
  signals: PrioritySignals,
  rules: PriorityRules,
  waiting: { minutes: number; targetMinutes: number },
): PriorityOutcome {
  const reasons: string[] = [];
  let score = 0;
  const add = (weight: number | undefined, reason: string) => {
    if (!weight) return;
    score += weight;
    reasons.push(reason);
  };
  add(rules.vipTierWeights[signals.vipTier], `vip:${signals.vipTier}`);
  if (signals.intentId) add(rules.intentWeights[signals.intentId], `intent:${signals.intentId}`);
  if (signals.anger) add(rules.angerWeight, 'anger');
  if (signals.fallingSentiment) add(rules.fallingSentimentWeight, 'sentiment_falling');
  if (signals.sensitiveTopic) add(rules.sensitiveTopicWeight, 'sensitive_topic');
  const steps = Math.floor(waiting.minutes / rules.waitingStepMinutes);
  if (steps > 0)
    add(
      Math.min(rules.maxWaitingWeight, steps * rules.waitingStepWeight),
      `waiting:${Math.floor(waiting.minutes)}m`,
    );
  if (waiting.minutes >= waiting.targetMinutes * rules.slaRiskRatio) add(rules.slaRiskWeight, 'sla_risk');
  const priority: ConversationPriority =
    score >= rules.urgentAt ? 'urgent' : score >= rules.highAt ? 'high' : 'normal';
  return { priority, score, reasons };
}
