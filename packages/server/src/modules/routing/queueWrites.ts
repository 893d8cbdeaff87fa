import { assignQueuedConversation, appendMessage, changeStatus } from '../conversations';
import { findAgentById, touchLastAssigned } from '../agents';
import type { ConversationRow } from '../conversations';
import type { UnitOfWorkContext } from '../../events/outbox';
import { toConversation } from '../conversations';
import * as routingRepo from './repo';
import type { QueueEntryRow } from './repo';

// Writes of the routing use-cases, each inside the caller's unit of work.

/**
 * Gives a queued conversation to an agent. Guarded by the status, so when two processes (or a manual pull
 * and the dispatcher) race for one conversation exactly one wins; the loser gets null.
 */
export async function assignFromQueue(
  context: UnitOfWorkContext,
  conversationId: string,
  agentId: string,
): Promise<ConversationRow | null> {
  const agent = await findAgentById(context.trx, agentId);
  if (!agent) return null;
  const assigned = await assignQueuedConversation(context, conversationId, agentId);
  await routingRepo.deleteQueueEntry(context.trx, conversationId);
  if (!assigned) return null;
  await touchLastAssigned(context.trx, agentId, context.now.toISOString());
  // No "agent joined" notice yet: the shopper hears it when the agent opens or answers the conversation.
  await context.emit('conversation.assigned', {
    conversation: toConversation(assigned),
    assigneeId: agentId,
    previousAssigneeId: null,
  });
  return assigned;
}

export interface RequeueInput {
  reason: string;
  /** The team it is for (a transfer); absent: the team it already had, so a requeue never widens who sees it. */
  teamId?: string | null;
  excludedAgentId: string | null;
  /** The agent to offer it to first when they are back online (the one who went offline). */
  preferredAgentId?: string | null;
  /** Keeps the first place in line of a conversation that already waited. */
  enqueuedAt?: string;
}

/** Puts an assigned (or bot) conversation back in the queue, keeping its classification. */
export async function requeueConversation(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  input: RequeueInput,
): Promise<ConversationRow> {
  const previousAssigneeId = conversation.assignee_id;
  const teamId = input.teamId === undefined ? conversation.team_id : input.teamId;
  const queued = await changeStatus(context, conversation, {
    status: 'queued',
    assignee_id: null,
    team_id: teamId,
  });
  const entry: QueueEntryRow = {
    conversation_id: conversation.id,
    customer_id: conversation.customer_id,
    channel: conversation.channel,
    category: conversation.category ?? 'general',
    language: conversation.locale?.startsWith('en') ? 'en' : 'zh',
    product_line: null,
    priority: conversation.priority,
    team_id: teamId,
    preferred_agent_id: input.preferredAgentId ?? null,
    excluded_agent_id: input.excludedAgentId,
    reason: input.reason,
    enqueued_at: input.enqueuedAt ?? context.now.toISOString(),
    notified_at: null,
  };
  await routingRepo.upsertQueueEntry(context.trx, entry);
  await context.emit('conversation.requeued', {
    conversation: toConversation(queued),
    previousAssigneeId,
    reason: input.reason,
  });
  return queued;
}

/** A private note for the agents, e.g. the reason of a transfer. */
export async function addInternalNote(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  author: { id: string; displayName: string },
  text: string,
): Promise<void> {
  await appendMessage(context, conversation, {
    sender: 'agent',
    senderId: author.id,
    senderName: author.displayName,
    text,
    isPrivate: true,
  });
}
