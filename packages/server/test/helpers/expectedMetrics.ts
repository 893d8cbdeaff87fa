// The metrics of a generated conversation worked out straight from the history, by the definitions in the
// README, independently of the server's code; report tests compare every figure with sums of these.
import type { ModelConversation } from './historyModel';
import { categoryOf, firstTopic } from './historyModel';

export interface ExpectedConversation {
  model: ModelConversation;
  category: string;
  intent: string | null;
  productId: string | null;
  agentId: string | null;
  customerMessages: number;
  botMessages: number;
  agentMessages: number;
  engaged: boolean;
  contained: boolean;
  handedOff: boolean;
  handoffReason: string | null;
  humanStartAt: number | null;
  firstResponseSeconds: number | null;
  handlingSeconds: number | null;
  resolutionSeconds: number | null;
  csatRequested: boolean;
  csatRating: number | null;
}

export function expectConversation(model: ModelConversation): ExpectedConversation {
  const visible = model.messages.filter((message) => !message.isPrivate);
  const customer = visible.filter((message) => message.sender === 'customer');
  const agents = visible.filter((message) => message.sender === 'agent');
  const firstAgent = agents[0];
  const handoff = model.handoffs[0];
  const intent = firstTopic(model);
  const ratedSurveys = model.surveys.filter((survey) => survey.rating !== null);
  const productQuestions = model.questions.filter((question) => question.productId !== null);
  let firstResponseSeconds: number | null = null;
  if (firstAgent) {
    const waitingFrom =
      handoff && handoff.at <= firstAgent.at ? handoff.at : (customer[0]?.at ?? model.createdAt);
    firstResponseSeconds = Math.round((firstAgent.at - waitingFrom) / 1000);
  }
  const starts = [handoff?.at, firstAgent?.at].filter((at): at is number => at !== undefined);
  return {
    model,
    category: model.category ?? categoryOf(intent) ?? 'general',
    intent,
    productId: model.pageProductId ?? productQuestions[productQuestions.length - 1]?.productId ?? null,
    agentId: model.assigneeId ?? agents[agents.length - 1]?.senderId ?? null,
    customerMessages: customer.length,
    botMessages: visible.filter((message) => message.sender === 'bot').length,
    agentMessages: agents.length,
    engaged: customer.length > 0,
    contained: customer.length > 0 && !handoff && agents.length === 0,
    handedOff: handoff !== undefined,
    handoffReason: handoff?.reason ?? null,
    humanStartAt: starts.length > 0 ? Math.min(...starts) : null,
    firstResponseSeconds,
    handlingSeconds:
      firstAgent && model.resolvedAt !== null ? Math.round((model.resolvedAt - firstAgent.at) / 1000) : null,
    resolutionSeconds:
      model.resolvedAt !== null ? Math.round((model.resolvedAt - model.createdAt) / 1000) : null,
    csatRequested: model.surveys.length > 0,
    csatRating: ratedSurveys[ratedSurveys.length - 1]?.rating ?? null,
  };
}

export interface ExpectedFilter {
  from: string;
  to: string;
  timeZone: string;
  channel?: string;
  category?: string;
  /** Handling agents allowed (an agent filter, a team's members). */
  agentIds?: string[];
}

/** The local date (YYYY-MM-DD) of an instant, by the platform's time-zone database. */
export function localDate(at: number, timeZone: string): string {
  return formatter(
    `date:${timeZone}`,
    () => new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(new Date(at));
}

export function localHour(at: number, timeZone: string): number {
  return Number(
    formatter(
      `hour:${timeZone}`,
      () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }),
    ).format(new Date(at)),
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, create: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const existing = formatters.get(key);
  if (existing) return existing;
  const created = create();
  formatters.set(key, created);
  return created;
}

export function matchesDimensions(conversation: ExpectedConversation, filter: ExpectedFilter): boolean {
  if (filter.channel && conversation.model.channel !== filter.channel) return false;
  if (filter.category && conversation.category !== filter.category) return false;
  if (filter.agentIds && !(conversation.agentId && filter.agentIds.includes(conversation.agentId)))
    return false;
  return true;
}

export function inRange(at: number, filter: ExpectedFilter): boolean {
  const date = localDate(at, filter.timeZone);
  return date >= filter.from && date <= filter.to;
}

export function selectConversations(
  all: readonly ExpectedConversation[],
  filter: ExpectedFilter,
): ExpectedConversation[] {
  return all.filter(
    (conversation) =>
      inRange(conversation.model.createdAt, filter) && matchesDimensions(conversation, filter),
  );
}

/** Resolved and the same shopper did not start another conversation within 7 days of the resolution. */
export function isFirstContactResolution(
  conversation: ExpectedConversation,
  all: readonly ExpectedConversation[],
): boolean {
  const { model } = conversation;
  if (model.resolvedAt === null) return false;
  const minute = (at: number) => Math.floor(at / 60_000);
  return !all.some(
    (other) =>
      other.model.customerId === model.customerId &&
      minute(other.model.createdAt) > minute(model.createdAt) &&
      minute(other.model.createdAt) <= minute(model.resolvedAt ?? 0) + 7 * 1440,
  );
}

/** Nearest-rank percentile of integers. */
export function percentile(values: readonly number[], percent: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.max(1, Math.ceil((percent / 100) * sorted.length)) - 1] ?? null;
}

export function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Counts by key; a null key is counted under 'null'. */
export function countBy<Item>(
  items: readonly Item[],
  keyOf: (item: Item) => string | null,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item) ?? 'null';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
