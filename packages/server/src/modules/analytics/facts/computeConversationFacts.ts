import type { Insertable } from 'kysely';
import type { AnalyticsConversationsTable } from '../../../db/insightSchema';
import { describeIssueReason, isTopicIntent, readCategoryFromIntent } from '../sources/foreignRules';
import type { ConversationSource, SourceMessage } from './conversationSource';
import { extractKeywords } from './keywords';

export type ConversationFactsRow = Omit<Insertable<AnalyticsConversationsTable>, 'refreshed_at'>;

export interface ConversationTopic {
  kind: 'keyword' | 'product_keyword';
  topic: string;
}

export interface ConversationFacts {
  row: ConversationFactsRow;
  topics: ConversationTopic[];
}

const minuteMs = 60_000;

/**
 * The metrics of one conversation, from what was recorded about it (see the README for each definition):
 * - first response: from the handoff (or, when an agent stepped in unasked, the shopper's first message) to the
 *   first public agent reply;
 * - handling time: from the first agent reply to the resolution;
 * - resolution time: from the start of the conversation to its resolution;
 * - bot contained: the shopper wrote, it was never handed off and no agent wrote.
 */
export function computeConversationFacts(source: ConversationSource): ConversationFacts {
  const publicMessages = source.messages.filter((message) => !message.isPrivate);
  const customerMessages = publicMessages.filter((message) => message.sender === 'customer');
  const agentMessages = publicMessages.filter((message) => message.sender === 'agent');
  const botMessages = publicMessages.filter((message) => message.sender === 'bot');
  const firstHandoff = source.handoffs[0] ?? null;
  const firstAgentReply = agentMessages[0] ?? null;
  const resolvedAt = isResolved(source.status) ? source.resolvedAt : null;
  const intent = findTopicIntent(customerMessages);
  const productId = source.pageProductId ?? source.discussedProductId;
  const humanStart = earliest(firstHandoff?.createdAt ?? null, firstAgentReply?.createdAt ?? null);
  const row: ConversationFactsRow = {
    conversation_id: source.id,
    customer_id: source.customerId,
    channel: source.channel,
    locale: source.locale ?? 'zh-CN',
    status: source.status,
    category: source.category ?? readCategoryFromIntent(intent),
    intent,
    product_id: productId,
    issue_reason: findIssueReason(customerMessages),
    agent_id: source.assigneeId ?? lastAgentId(agentMessages),
    created_at: source.createdAt,
    created_minute: toMinute(source.createdAt),
    customer_messages: customerMessages.length,
    bot_messages: botMessages.length,
    agent_messages: agentMessages.length,
    bot_contained: customerMessages.length > 0 && !firstHandoff && agentMessages.length === 0 ? 1 : 0,
    handed_off: firstHandoff ? 1 : 0,
    handoff_reason: firstHandoff?.reason ?? null,
    human_start_minute: humanStart === null ? null : toMinute(humanStart),
    resolved_minute: resolvedAt === null ? null : toMinute(resolvedAt),
    first_response_seconds: firstAgentReply
      ? secondsBetween(
          firstResponseStart(source, firstAgentReply, customerMessages),
          firstAgentReply.createdAt,
        )
      : null,
    handling_seconds:
      firstAgentReply && resolvedAt ? secondsBetween(firstAgentReply.createdAt, resolvedAt) : null,
    resolution_seconds: resolvedAt ? secondsBetween(source.createdAt, resolvedAt) : null,
    csat_requested: source.csat.requested ? 1 : 0,
    csat_rating: source.csat.rating,
    qa_score: source.qaScore,
    last_sentiment: lastSentiment(customerMessages),
  };
  return { row, topics: topicsOf(customerMessages, productId) };
}

export function toMinute(isoTime: string): number {
  return Math.floor(Date.parse(isoTime) / minuteMs);
}

function isResolved(status: string): boolean {
  return status === 'resolved' || status === 'closed';
}

/** The first customer message the bot understood as a topic (not a greeting, a goodbye or "a person, please"). */
function findTopicIntent(customerMessages: readonly SourceMessage[]): string | null {
  for (const message of customerMessages) {
    const intentId = message.analysis?.intent.id;
    if (intentId && intentId !== 'unknown' && isTopicIntent(intentId)) return intentId;
  }
  return null;
}

function findIssueReason(customerMessages: readonly SourceMessage[]): string | null {
  for (const message of customerMessages) {
    const reason = describeIssueReason(message.text);
    if (reason) return reason;
  }
  return null;
}

function firstResponseStart(
  source: ConversationSource,
  firstAgentReply: SourceMessage,
  customerMessages: readonly SourceMessage[],
): string {
  const handoffAt = source.handoffs[0]?.createdAt;
  if (handoffAt && handoffAt <= firstAgentReply.createdAt) return handoffAt;
  return customerMessages[0]?.createdAt ?? source.createdAt;
}

function lastAgentId(agentMessages: readonly SourceMessage[]): string | null {
  for (let index = agentMessages.length - 1; index >= 0; index--) {
    const senderId = agentMessages[index]?.senderId;
    if (senderId) return senderId;
  }
  return null;
}

function lastSentiment(customerMessages: readonly SourceMessage[]): string | null {
  for (let index = customerMessages.length - 1; index >= 0; index--) {
    const label = customerMessages[index]?.analysis?.sentiment.label;
    if (label) return label;
  }
  return null;
}

function topicsOf(customerMessages: readonly SourceMessage[], productId: string | null): ConversationTopic[] {
  const keywords = extractKeywords(customerMessages.map((message) => message.text));
  const topics: ConversationTopic[] = keywords.map((keyword) => ({ kind: 'keyword', topic: keyword }));
  if (productId)
    for (const keyword of keywords)
      topics.push({ kind: 'product_keyword', topic: `${productId}|${keyword}` });
  return topics;
}

function earliest(left: string | null, right: string | null): string | null {
  if (left === null) return right;
  if (right === null) return left;
  return left <= right ? left : right;
}

function secondsBetween(from: string, to: string): number {
  return Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
}
