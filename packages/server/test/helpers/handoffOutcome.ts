import type { Db } from '../../src/db/database';

/** The shopper's "you are number N in the queue" notice, in Chinese. */
export const queueNoticePattern = /第 \d+ 位/;

export interface HandoffOutcome {
  /** Tickets linked to the conversation. */
  ticketIds: string[];
  /** Comments on the first of them. */
  commentCount: number;
  /** The queue notices posted in the conversation. */
  queueNotices: { id: string; text: string }[];
}

/** What a handoff left in the store: the follow-up tickets and the shopper's queue notices. */
export async function readHandoffOutcome(db: Db, conversationId: string): Promise<HandoffOutcome> {
  const tickets = await db
    .selectFrom('ticket_links')
    .innerJoin('tickets', 'tickets.id', 'ticket_links.ticket_id')
    .select('tickets.id')
    .where('ticket_links.kind', '=', 'conversation')
    .where('ticket_links.target_id', '=', conversationId)
    .execute();
  const comments = await db
    .selectFrom('ticket_comments')
    .select('id')
    .where('ticket_id', '=', tickets[0]?.id ?? '')
    .execute();
  const systemMessages = await db
    .selectFrom('messages')
    .select(['id', 'text'])
    .where('conversation_id', '=', conversationId)
    .where('sender', '=', 'system')
    .execute();
  return {
    ticketIds: tickets.map((ticket) => ticket.id),
    commentCount: comments.length,
    queueNotices: systemMessages.filter((message) => queueNoticePattern.test(message.text)),
  };
}
