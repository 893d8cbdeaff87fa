import type { ChannelKind, Message } from '@kefu/sdk';
import type { Db } from '../../db/database';
import type { AuthenticatedAgent } from '../auth';
import { canAgentSeeConversation } from '../auth';
import { toAgentMessage, toConversation } from './mappers';
import * as conversationsRepo from './repo';

/** One message of a customer's cross-channel timeline. */
export interface TimelineItem {
  conversationId: string;
  channel: ChannelKind;
  message: Message;
}

/**
 * A customer's conversations on every channel as one timeline, oldest first: each message with the channel
 * it came on or went out on. Only conversations the agent may see (the caller checks the customer is one).
 */
export async function listCustomerTimeline(
  db: Db,
  agent: AuthenticatedAgent,
  customerId: string,
): Promise<TimelineItem[]> {
  const conversations = (await conversationsRepo.listConversationsOfCustomer(db, customerId))
    .map(toConversation)
    .filter((conversation) => canAgentSeeConversation(agent, conversation));
  const items: TimelineItem[] = [];
  for (const conversation of conversations) {
    const rows = await conversationsRepo.listMessages(db, conversation.id, {
      includePrivate: true,
      limit: 1000,
    });
    for (const row of rows) {
      const message = toAgentMessage(row);
      items.push({
        conversationId: conversation.id,
        channel: message.channel ?? conversation.channel,
        message,
      });
    }
  }
  return items
    .sort(
      (a, b) =>
        a.message.createdAt.localeCompare(b.message.createdAt) || a.message.id.localeCompare(b.message.id),
    )
    .slice(-2000);
}
