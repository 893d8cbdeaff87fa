import type { EventJobs } from '../../events/eventJobs';
import { conversationKey } from '../routing';
import type { TicketService } from './service';

/** Tickets opened by what happens in conversations, as jobs (once across all processes). */
export function listenForTicketWork(eventJobs: EventJobs, tickets: TicketService): void {
  eventJobs.listen(
    'conversation.handed_off',
    'tickets.open_delivery_problem_ticket',
    async ({ payload }) => {
      // A delivery problem needs follow-up beyond the chat (carrier claims, reshipment): open a ticket for it.
      if (payload.summary?.intent?.id === 'delivery_problem')
        await tickets.createFromConversation(payload.conversation.id, 'delivery_problem', null);
    },
    { orderingKey: conversationKey },
  );
}
