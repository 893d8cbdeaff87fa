// Which conversations a tab of the inbox shows, as a server query and as a local test for live events.
import type { ChannelKind, Conversation, ConversationFilter, ConversationStatus } from '@kefu/sdk';

export type InboxTab = 'mine' | 'queue' | 'all';

export interface InboxFilters {
  statuses: ConversationStatus[];
  channel: ChannelKind | null;
  search: string;
}

export const openStatuses: ConversationStatus[] = ['bot', 'queued', 'assigned'];
export const defaultFilters: InboxFilters = { statuses: openStatuses, channel: null, search: '' };

export function toConversationQuery(tab: InboxTab, filters: InboxFilters): ConversationFilter {
  return {
    assignee: tab === 'mine' ? 'me' : tab === 'queue' ? 'unassigned' : undefined,
    status: tab === 'queue' ? intersectQueueStatuses(filters.statuses) : filters.statuses,
    channel: filters.channel ?? undefined,
    q: filters.search.trim() || undefined,
    limit: 50,
  };
}

/** Whether a conversation pushed over the WebSocket belongs in the tab (search is left to the server). */
export function belongsToTab(
  conversation: Conversation,
  tab: InboxTab,
  filters: InboxFilters,
  agentId: string,
): boolean {
  if (tab === 'mine' && conversation.assigneeId !== agentId) return false;
  if (tab === 'queue' && conversation.assigneeId !== null) return false;
  const statuses = tab === 'queue' ? intersectQueueStatuses(filters.statuses) : filters.statuses;
  if (statuses.length > 0 && !statuses.includes(conversation.status)) return false;
  return filters.channel === null || conversation.channel === filters.channel;
}

/** Newest activity first, as the server lists them. */
export function compareByActivity(first: Conversation, second: Conversation): number {
  const firstTime = first.lastMessageAt ?? first.createdAt;
  const secondTime = second.lastMessageAt ?? second.createdAt;
  return firstTime < secondTime ? 1 : firstTime > secondTime ? -1 : 0;
}

/** The queue is what no agent holds yet: waiting for a person, or still with the bot. */
function intersectQueueStatuses(statuses: ConversationStatus[]): ConversationStatus[] {
  const queueStatuses: ConversationStatus[] = ['queued', 'bot'];
  if (statuses.length === 0) return queueStatuses;
  const kept = queueStatuses.filter((status) => statuses.includes(status));
  return kept.length > 0 ? kept : queueStatuses;
}
