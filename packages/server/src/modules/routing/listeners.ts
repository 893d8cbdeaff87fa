import type { EventJobs } from '../../events/eventJobs';
import type { RoutingService } from './service';

/**
 * Routing's reactions to handoff, presence and resolution, one listener per concern. They write, so they run
 * as jobs: once across all processes, in event order per conversation (or per agent).
 */
export function listenForRoutingWork(eventJobs: EventJobs, routing: RoutingService): void {
  const byConversation = { orderingKey: conversationKey };
  eventJobs.listen(
    'conversation.handed_off',
    'routing.route_handed_off_conversation',
    ({ payload }) => routing.routeHandedOffConversation(payload.conversation.id),
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
}

/** One conversation's jobs run in event order, whichever module's listener they are. */
export function conversationKey(event: { payload: { conversation: { id: string } } }): string {
  return `conversation:${event.payload.conversation.id}`;
}
