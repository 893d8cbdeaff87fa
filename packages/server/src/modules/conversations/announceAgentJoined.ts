import type { UnitOfWorkContext } from '../../events/outbox';
import { appendSystemMessage } from './conversationWrites';
import * as conversationsRepo from './repo';
import type { ConversationRow } from './repo';

/**
 * Tells the shopper that a person joined — once per holder, and only when that person opened or answered the
 * conversation (an assignment alone is not a person watching). Returns the conversation as it now is.
 */
export async function announceAgentJoined(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  agent: { id: string; displayName: string },
): Promise<ConversationRow> {
  if (conversation.status !== 'assigned' || conversation.assignee_id !== agent.id) return conversation;
  if (conversation.announced_agent_id === agent.id) return conversation;
  const { conversation: updated } = await appendSystemMessage(context, conversation, {
    zh: `人工客服 ${agent.displayName} 已接入，为您服务。`,
    en: `${agent.displayName} has joined the conversation.`,
  });
  return conversationsRepo.updateConversation(context.trx, updated.id, { announced_agent_id: agent.id });
}

/** After the agent left (handed back), a later join is news to the shopper again. */
export async function forgetAnnouncedAgent(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
): Promise<ConversationRow> {
  if (conversation.announced_agent_id === null) return conversation;
  return conversationsRepo.updateConversation(context.trx, conversation.id, { announced_agent_id: null });
}
