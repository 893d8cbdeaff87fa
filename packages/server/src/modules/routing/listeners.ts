import type { EventBus } from '../../events/eventBus';
import type { CsatService } from '../csat/service';
import type { TicketService } from '../tickets/service';
import type { RoutingService } from './service';

export interface HandoffListenerServices {
  bus: EventBus;
  routing: RoutingService;
  tickets: TicketService;
  csat: CsatService;
}

/**
 * The cross-module reactions to handoff, presence and resolution, each one listener with one concern,
 * registered in one place so the whole list can be read here.
 */
export function subscribeHandoffListeners(services: HandoffListenerServices): void {
  const { bus, routing, tickets, csat } = services;
  bus.subscribe('conversation.handed_off', ({ payload }) =>
    routing.routeHandedOffConversation(payload.conversation.id),
  );
  bus.subscribe('conversation.handed_off', async ({ payload }) => {
    // A delivery problem needs follow-up beyond the chat (carrier claims, reshipment): open a ticket for it.
    if (payload.summary?.intent?.id === 'delivery_problem')
      await tickets.createFromConversation(payload.conversation.id, 'delivery_problem', null);
  });
  bus.subscribe('agent.presence_changed', ({ payload }) =>
    routing.handlePresenceChange(payload.agentId, payload.presence, payload.previousPresence),
  );
  // A conversation that frees an agent's slot lets the queue move.
  bus.subscribe('conversation.resolved', () => routing.dispatch().then(() => undefined));
  bus.subscribe('conversation.handed_back', () => routing.dispatch().then(() => undefined));
  bus.subscribe('conversation.resolved', ({ payload }) => csat.requestRating(payload.conversation));
}
