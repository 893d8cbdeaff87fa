import {
  classifyConversation,
  changeStatus,
  findPreviousAssignee,
  listLatestMessages,
} from '../conversations';
import type { ConversationRow } from '../conversations';
import { upsertQueueEntry } from '../routing';
import { z } from 'zod';
import { parseJsonColumn } from '../../db/json';
import type { UnitOfWorkContext } from '../../events/outbox';
import { newId } from '../../ids';
import { toConversation } from '../conversations';
import type { RoutingSettings } from '../routing';
import { buildHandoffSummary, languageOf, readAnalysis } from './buildHandoffSummary';
import type { PrioritySignals } from './classification';
import { categoryFromIntent, computePriority, isTopicIntent } from './classification';
import * as handoffRepo from './repo';
import type { HandoffReason, HandoffSummary, HandoffTrigger } from './schemas';

export interface HandoffRequest {
  reason: HandoffReason;
  triggers: HandoffTrigger[];
  vipTier: string;
  productLine: string | null;
  routing: RoutingSettings;
}

const summaryMessageWindow = 60;

export const prioritySignalsSchema = z.object({
  vipTier: z.string(),
  intentId: z.string().nullable(),
  anger: z.boolean(),
  fallingSentiment: z.boolean(),
  /** 12315, legal action, the media, a safety risk: raised in any message of the conversation. */
  sensitiveTopic: z.boolean().default(false),
});

/**
 * The handoff use-case, inside the caller's unit of work: classify, brief the agent, queue the
 * conversation (one transaction, so it is never queued without an entry) and announce it. Routing then
 * runs on `conversation.handed_off`.
 */
export async function handOffConversation(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  request: HandoffRequest,
): Promise<{ conversation: ConversationRow; summary: HandoffSummary }> {
  const messages = await listLatestMessages(context.trx, conversation.id, summaryMessageWindow);
  const analyses = messages.filter((message) => message.sender === 'customer').map(readAnalysis);
  const topical = [...analyses].reverse().find((analysis) => analysis && isTopicIntent(analysis.intent.id));
  const signals: PrioritySignals = {
    vipTier: request.vipTier,
    intentId: topical?.intent.id ?? null,
    anger: analyses.some((analysis) => analysis?.sentiment.anger === true),
    fallingSentiment: request.triggers.some((trigger) => trigger.reason === 'sentiment_decline'),
    sensitiveTopic: request.triggers.some((trigger) => trigger.reason === 'sensitive_topic'),
  };
  const existing = await handoffRepo.findClassification(context.trx, conversation.id);
  const computed = computePriority(signals, request.routing.priorityRules, {
    minutes: 0,
    targetMinutes: request.routing.queueTargetMinutes,
  });
  const category = existing?.category_overridden ? existing.category : categoryFromIntent(signals.intentId);
  const priority = existing?.priority_overridden
    ? { ...computed, priority: parsePriority(existing.priority) }
    : computed;
  const summary = buildHandoffSummary({
    conversationId: conversation.id,
    customerId: conversation.customer_id,
    vipTier: request.vipTier,
    productLine: request.productLine,
    messages,
    triggers: request.triggers,
    reason: request.reason,
    category,
    priority,
    language: conversation.locale,
    now: context.now,
  });
  const timestamp = context.now.toISOString();
  await handoffRepo.saveClassification(context.trx, {
    conversation_id: conversation.id,
    category,
    category_overridden: existing?.category_overridden ?? 0,
    priority: priority.priority,
    priority_overridden: existing?.priority_overridden ?? 0,
    reasons: JSON.stringify(priority.reasons),
    signals: JSON.stringify(signals),
    updated_by: existing?.updated_by ?? null,
    updated_at: timestamp,
  });
  await handoffRepo.insertHandoff(context.trx, {
    id: newId('hof'),
    conversation_id: conversation.id,
    reason: request.reason,
    summary: JSON.stringify(summary),
    created_at: timestamp,
  });
  await classifyConversation(
    context,
    conversation.id,
    { category, priority: priority.priority },
    { touch: false },
  );
  const queued = await changeStatus(context, conversation, { status: 'queued', assignee_id: null });
  const previousAgentId = request.routing.stickyToPreviousAgent
    ? await findPreviousAssignee(context.trx, conversation.customer_id, conversation.id)
    : null;
  await upsertQueueEntry(context.trx, {
    conversation_id: conversation.id,
    customer_id: conversation.customer_id,
    channel: conversation.channel,
    category,
    language: languageOf(conversation.locale),
    product_line: request.productLine,
    priority: priority.priority,
    team_id: null,
    preferred_agent_id: previousAgentId,
    excluded_agent_id: null,
    reason: request.reason,
    enqueued_at: timestamp,
    notified_at: null,
  });
  await context.emit('conversation.handed_off', {
    conversation: toConversation(queued),
    reason: request.reason,
    summary,
  });
  return { conversation: queued, summary };
}

export function readSignals(text: string): PrioritySignals {
  return parseJsonColumn(text, prioritySignalsSchema);
}

export function parsePriority(priority: string): 'low' | 'normal' | 'high' | 'urgent' {
  return priority === 'low' || priority === 'high' || priority === 'urgent' ? priority : 'normal';
}
