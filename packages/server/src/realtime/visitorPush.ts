import type { Message } from '@kefu/sdk';
import type { Clock } from '../clock';
import type { EventBus } from '../events/eventBus';
import { newId } from '../ids';

/**
 * The web and app channels' send: `message.dispatched` on the event bus reaches every server process, and
 * each gateway pushes it to the shopper's sockets connected there (see `RealtimeGateway`). Realtime only:
 * the message is already stored, and the widget lists the conversation again when it reconnects.
 */
export function createVisitorPush(bus: EventBus, clock: Clock) {
  return {
    push: (customerId: string, conversationId: string, message: Message): Promise<void> =>
      bus.publish({
        id: newId('evt'),
        name: 'message.dispatched',
        payload: { customerId, conversationId, message },
        occurredAt: clock.now().toISOString(),
      }),
  };
}
