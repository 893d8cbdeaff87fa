import { classifyConversation, requireConversation, listLatestMessages } from '../conversations';
import { findQueueEntry, upsertQueueEntry } from '../routing';
import { parseJsonColumn } from '../../db/json';
import type { UnitOfWorkContext } from '../../events/outbox';
import { toConversation } from '../conversations';
import { priorityRank } from '../routing';
import type { RoutingSettings } from '../routing';
import { buildHandoffSummary, readAnalysis } from './buildHandoffSummary';
import type { PrioritySignals } from './classification';
import { computePriority, isTopicIntent } from './classification';
import { parsePriority, readSignals } from './handOffConversation';
import * as handoffRepo from './repo';
import type { HandoffTrigger } from './schemas';
import { handoffSummarySchema } from './schemas';

const summaryMessageWindow = 60;

export interface EscalationInput {
  conversationId: string;
  vipTier: string;
  /** The sensitive topic (12315, legal, safety …) this message raised, if any. */
  sensitiveTopic: string | null;
  routing: RoutingSettings;
}

/**
 * A shopper writes after the handoff: the agent's briefing is rebuilt from the whole conversation (mood,
 * last question, entities) and the priority is scored again — raised at once on anger, 12315 or a safety
 * risk, never lowered behind the agent's back, never changed when a supervisor set it.
 */
export async function escalateAfterHandoff(
  context: UnitOfWorkContext,
  input: EscalationInput,
): Promise<void> {
  const latest = await handoffRepo.findLatestHandoff(context.trx, input.conversationId);
  if (!latest) return;
  const conversation = await requireConversation(context, input.conversationId);
  const messages = await listLatestMessages(context.trx, conversation.id, summaryMessageWindow);
  const analyses = messages.filter((message) => message.sender === 'customer').map(readAnalysis);
  const topical = [...analyses].reverse().find((analysis) => analysis && isTopicIntent(analysis.intent.id));
  const existing = await handoffRepo.findClassification(context.trx, conversation.id);
  const previous = existing ? readSignals(existing.signals) : null;
  const signals: PrioritySignals = {
    vipTier: input.vipTier,
    intentId: topical?.intent.id ?? previous?.intentId ?? null,
    anger: analyses.some((analysis) => analysis?.sentiment.anger === true),
    fallingSentiment: previous?.fallingSentiment ?? false,
    sensitiveTopic: (previous?.sensitiveTopic ?? false) || input.sensitiveTopic !== null,
  };
  const computed = computePriority(signals, input.routing.priorityRules, {
    minutes: minutesWaitingForPerson(conversation.first_agent_reply_at, latest.created_at, context.now),
    targetMinutes: input.routing.queueTargetMinutes,
  });
  const current = parsePriority(conversation.priority);
  const raise = !existing?.priority_overridden && priorityRank(computed.priority) > priorityRank(current);
  const priority = raise ? computed : { ...computed, priority: current };
  const briefing = parseJsonColumn(latest.summary, handoffSummarySchema);
  const triggers: HandoffTrigger[] = input.sensitiveTopic
    ? [...briefing.triggers, { reason: 'sensitive_topic', detail: input.sensitiveTopic }]
    : briefing.triggers;
  const summary = buildHandoffSummary({
    conversationId: conversation.id,
    customerId: conversation.customer_id,
    vipTier: input.vipTier,
    productLine: briefing.productLine,
    messages,
    triggers,
    reason: briefing.reason,
    category: conversation.category ?? briefing.category,
    priority,
    language: conversation.locale,
    now: context.now,
  });
  await handoffRepo.updateHandoffSummary(context.trx, latest.id, JSON.stringify(summary));
  if (!raise)
    return context.emit('handoff.summary_refreshed', { conversation: toConversation(conversation) });
  await handoffRepo.saveClassification(context.trx, {
    conversation_id: conversation.id,
    category: existing?.category ?? conversation.category ?? briefing.category,
    category_overridden: existing?.category_overridden ?? 0,
    priority: priority.priority,
    priority_overridden: 0,
    reasons: JSON.stringify(priority.reasons),
    signals: JSON.stringify(signals),
    updated_by: null,
    updated_at: context.now.toISOString(),
  });
  const updated = await classifyConversation(
    context,
    conversation.id,
    { priority: priority.priority },
    { touch: true },
  );
  const entry = await findQueueEntry(context.trx, conversation.id);
  if (entry) await upsertQueueEntry(context.trx, { ...entry, priority: priority.priority });
  await context.emit('conversation.classified', {
    conversation: toConversation(updated),
    category: updated.category ?? briefing.category,
    priority: priority.priority,
    changedBy: null,
  });
  await context.emit('handoff.summary_refreshed', { conversation: toConversation(updated) });
}

/** How long the shopper has waited for a person since the handoff: nothing once an agent has answered. */
function minutesWaitingForPerson(firstAgentReplyAt: string | null, handedOffAt: string, now: Date): number {
  if (firstAgentReplyAt !== null) return 0;
  return Math.max(0, Math.floor((now.getTime() - Date.parse(handedOffAt)) / 60_000));
}
