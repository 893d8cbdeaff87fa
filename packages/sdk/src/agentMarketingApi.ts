// Typed calls of the after-conversation offers admin API over an agent client's session:
// `new KefuMarketingApi(agentClient).listRules()`.
import type { KefuAgentClient } from './agentClient';
import {
  readEnum,
  readField,
  readList,
  readNullableString,
  readNumber,
  readString,
  readStringArray,
  requireRecord,
} from './agentWire';

/** Why an offer whose rule matched was not sent. */
export const offerSkipReasons = [
  'opted_out',
  'frequency_cap',
  'customer_erased',
  'reply_window_closed',
  'conversation_active',
  'nothing_to_offer',
  'shop_unavailable',
  'rule_not_matched',
  'conversation_closed',
] as const;
export type OfferSkipReason = (typeof offerSkipReasons)[number];

/** Who resolved the conversation: anyone, an agent who held it, or the bot alone (no agent was assigned). */
export const offerResolvers = ['anyone', 'agent', 'bot'] as const;
export type OfferResolver = (typeof offerResolvers)[number];

export interface OfferRuleConditions {
  resolvedBy: OfferResolver;
  /** Conversation categories or intents; empty: any. */
  categories: string[];
  /** Only when a product was discussed (shown as a card, or the page the shopper chatted from). */
  requireProductDiscussed: boolean;
  /** When the shopper rated the service, at least this; null: ratings do not matter. */
  minimumCsat: number | null;
  /** Never when the shopper was angry or complained. */
  skipUpsetShoppers: boolean;
  /** VIP tiers (`none`, `silver`, `gold`, `platinum` …); empty: any. */
  customerTiers: string[];
}

export interface OfferRuleContent {
  /** Products related to what the shopper asked about or bought (0–5). */
  recommendations: number;
  /** A coupon from the shop's promotions the shopper may use. */
  coupon: boolean;
}

export interface OfferRuleInput {
  name: string;
  enabled: boolean;
  conditions: OfferRuleConditions;
  content: OfferRuleContent;
  /** Minutes after the resolution; 0: at once. */
  delayMinutes: number;
  /** At most one offer per shopper in this many days, across all rules; 0: no cap. */
  capDays: number;
}

export interface OfferRule extends OfferRuleInput {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface OfferRuleFigures {
  ruleId: string;
  ruleName: string;
  sent: number;
  skipped: Record<OfferSkipReason, number>;
  /** Offers with at least one recommendation clicked. */
  clicked: number;
  /** clicked / sent; null when nothing was sent. */
  clickRate: number | null;
  couponsSent: number;
  redeemed: number;
  /** redeemed / coupons sent; null when no coupon was sent. */
  redemptionRate: number | null;
}

/** Whether a shopper takes offers; `source`: `shopper` (wrote 退订 / unsubscribe) or `agent`; null: never set. */
export interface MarketingConsent {
  customerId: string;
  optedOut: boolean;
  source: string | null;
  updatedAt: string | null;
}

const rulesPath = '/api/v1/admin/marketing/rules';

export class KefuMarketingApi {
  constructor(private readonly client: Pick<KefuAgentClient, 'requestJson'>) {}

  async listRules(): Promise<OfferRule[]> {
    return readList(await this.client.requestJson('GET', rulesPath), 'rules', parseOfferRule);
  }

  async createRule(input: OfferRuleInput): Promise<OfferRule> {
    return parseOfferRule(readField(await this.client.requestJson('POST', rulesPath, input), 'rule'));
  }

  async updateRule(ruleId: string, change: Partial<OfferRuleInput>): Promise<OfferRule> {
    const path = `${rulesPath}/${encodeURIComponent(ruleId)}`;
    return parseOfferRule(readField(await this.client.requestJson('PATCH', path, change), 'rule'));
  }

  async deleteRule(ruleId: string): Promise<void> {
    await this.client.requestJson('DELETE', `${rulesPath}/${encodeURIComponent(ruleId)}`);
  }

  /** Any agent who may read customers sees it (the customer panel). */
  async consent(customerId: string): Promise<MarketingConsent> {
    const path = `/api/v1/agent/customers/${encodeURIComponent(customerId)}/marketing-consent`;
    const record = requireRecord(readField(await this.client.requestJson('GET', path), 'consent'));
    return {
      customerId: readString(record, 'customerId'),
      optedOut: record.optedOut === true,
      source: readNullableString(record, 'source'),
      updatedAt: readNullableString(record, 'updatedAt'),
    };
  }

  /** Per-rule figures of offers made in [from, to) (ISO times). */
  async figures(period: { from: string; to: string }): Promise<OfferRuleFigures[]> {
    const query = new URLSearchParams(period).toString();
    const body = await this.client.requestJson('GET', `/api/v1/admin/marketing/figures?${query}`);
    return readList(body, 'rules', parseFigures);
  }
}

export function parseOfferRule(value: unknown): OfferRule {
  const record = requireRecord(value);
  const conditions = requireRecord(record.conditions);
  const content = requireRecord(record.content);
  return {
    id: readString(record, 'id'),
    name: readString(record, 'name'),
    enabled: record.enabled === true,
    conditions: {
      resolvedBy: readEnum(conditions.resolvedBy, offerResolvers),
      categories: readStringArray(conditions, 'categories'),
      requireProductDiscussed: conditions.requireProductDiscussed === true,
      minimumCsat: typeof conditions.minimumCsat === 'number' ? conditions.minimumCsat : null,
      skipUpsetShoppers: conditions.skipUpsetShoppers === true,
      customerTiers: readStringArray(conditions, 'customerTiers'),
    },
    content: { recommendations: readNumber(content, 'recommendations'), coupon: content.coupon === true },
    delayMinutes: readNumber(record, 'delayMinutes'),
    capDays: readNumber(record, 'capDays'),
    createdAt: readString(record, 'createdAt'),
    updatedAt: readString(record, 'updatedAt'),
  };
}

function parseFigures(value: unknown): OfferRuleFigures {
  const record = requireRecord(value);
  const skipped = requireRecord(record.skipped);
  return {
    ruleId: readString(record, 'ruleId'),
    ruleName: readString(record, 'ruleName'),
    sent: readNumber(record, 'sent'),
    skipped: parseSkipped(skipped),
    clicked: readNumber(record, 'clicked'),
    clickRate: typeof record.clickRate === 'number' ? record.clickRate : null,
    couponsSent: readNumber(record, 'couponsSent'),
    redeemed: readNumber(record, 'redeemed'),
    redemptionRate: typeof record.redemptionRate === 'number' ? record.redemptionRate : null,
  };
}

function parseSkipped(record: Record<string, unknown>): Record<OfferSkipReason, number> {
  const count = (reason: OfferSkipReason): number => {
    const value = record[reason];
    return typeof value === 'number' ? value : 0;
  };
  return {
    opted_out: count('opted_out'),
    frequency_cap: count('frequency_cap'),
    customer_erased: count('customer_erased'),
    reply_window_closed: count('reply_window_closed'),
    conversation_active: count('conversation_active'),
    nothing_to_offer: count('nothing_to_offer'),
    shop_unavailable: count('shop_unavailable'),
    rule_not_matched: count('rule_not_matched'),
    conversation_closed: count('conversation_closed'),
  };
}
