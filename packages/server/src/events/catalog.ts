import type { Conversation, Message } from '@kefu/sdk';

/** Every domain event Kefu publishes, `noun.past_verb`, with its payload. */
export interface EventCatalog {
  'customer.created': { customerId: string; channel: string };
  'conversation.created': { conversation: Conversation };
  'conversation.assigned': {
    conversation: Conversation;
    assigneeId: string;
    previousAssigneeId: string | null;
  };
  'conversation.handed_off': { conversation: Conversation; reason: string };
  'conversation.handed_back': { conversation: Conversation; agentId: string };
  'conversation.resolved': { conversation: Conversation; resolvedBy: string | null };
  'conversation.reopened': { conversation: Conversation; reopenedBy: string | null };
  'message.created': { message: Message; conversation: Conversation };
}

export type EventName = keyof EventCatalog;

export type DomainEvent = {
  [Name in EventName]: { id: string; name: Name; payload: EventCatalog[Name]; occurredAt: string };
}[EventName];

export const eventNames: readonly EventName[] = [
  'customer.created',
  'conversation.created',
  'conversation.assigned',
  'conversation.handed_off',
  'conversation.handed_back',
  'conversation.resolved',
  'conversation.reopened',
  'message.created',
];

export function isEventName(name: string): name is EventName {
  return (eventNames as readonly string[]).includes(name);
}
