// Badges and the title count only what the agent can see: a conversation another agent took is not theirs.
import type { AgentSummary, Conversation } from '@kefu/sdk';

export function canStillSee(agent: AgentSummary, conversation: Conversation | undefined): boolean {
  if (!conversation) return false;
  if (agent.permissions.includes('conversations:read_all')) return true;
  return conversation.assigneeId === null || conversation.assigneeId === agent.id;
}

/** The unread counts without the conversations the agent can no longer see. */
export function visibleUnread(
  unread: ReadonlyMap<string, number>,
  known: ReadonlyMap<string, Conversation>,
  agent: AgentSummary,
): ReadonlyMap<string, number> {
  const visible = new Map<string, number>();
  for (const [conversationId, count] of unread)
    if (count > 0 && canStillSee(agent, known.get(conversationId))) visible.set(conversationId, count);
  return visible;
}
