import type { EventJobs } from '../../events/eventJobs';
import type { CsatService } from '../csat';
import type { TicketService } from '../tickets';
import type { RoutingService } from './service';

export interface HandoffListenerServices {
  eventJobs: EventJobs;
  routing: RoutingService;
  tickets: TicketService;
  csat: CsatService;
}

/**
 * The cross-module reactions to handoff, presence and resolution, each one listener with one concern,
 * registered in one place so the whole list can be read here. They write, so they run as jobs: once across
 * all processes, in event order per conversation (or per agent).
 */
export function subscribeHandoffListeners(services: HandoffListenerServices): void {
  const { eventJobs, routing, tickets, csat } = services;
  const byConversation = { orderingKey: conversationKey };
  eventJobs.listen(
    'conversation.handed_off',
    'routing.route_handed_off_conversation',
    ({ payload }) => routing.routeHandedOffConversation(payload.conversation.id),
    byConversation,
  );
  eventJobs.listen(
    'conversation.handed_off',
    'tickets.open_delivery_problem_ticket',
    async ({ payload }) => {
      // A delivery problem needs follow-up beyond the chat (carrier claims, reshipment): open a ticket for it.
      if (payload.summary?.intent?.id === 'delivery_problem')
        await tickets.createFromConversation(payload.conversation.id, 'delivery_problem', null);
    },
    byConversation,
  );
  eventJobs.listen(
    'agent.presence_changed',
    'routing.follow_agent_presence',
    ({ payload }) =>
      routing.handlePresenceChange(payload.agentId, payload.presence, payload.previousPresence),
    { orderingKey: ({ payload }) => `agent:${payload.agentId}` },
  );
  // A conversation that frees an agent's slot lets the queue move.
  const dispatch = () => routing.dispatch().then(() => undefined);
  eventJobs.listen('conversation.resolved', 'routing.dispatch_after_resolution', dispatch, byConversation);
  eventJobs.listen('conversation.handed_back', 'routing.dispatch_after_hand_back', dispatch, byConversation);
  eventJobs.listen(
    'conversation.resolved',
    'csat.request_rating',
    ({ payload }) => csat.requestRating(payload.conversation),
    byConversation,
  );
}

function conversationKey(event: { payload: { conversation: { id: string } } }): string {
  return `conversation:${event.payload.conversation.id}`;
}
