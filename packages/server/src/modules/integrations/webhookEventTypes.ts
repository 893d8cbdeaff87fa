import type { WebhookEventType } from '@kefu/sdk';
import { webhookEventTypes } from '@kefu/sdk';
import type { DomainEvent } from '../../events/catalog';

// The events a CRM or ERP can subscribe to (the payload's `type`): the one list lives in `@kefu/sdk`.
export { webhookEventTypes } from '@kefu/sdk';
export type { WebhookEventType } from '@kefu/sdk';

/** Sent only by "send test event"; never subscribed to. */
export const testEventType = 'webhook.test';

export interface WebhookEvent {
  type: WebhookEventType;
  data: Record<string, unknown>;
}

/**
 * What a domain event becomes on the wire: ids and the fields a CRM needs, never the shopper's contact details
 * (README, "Outbound webhooks", lists every field). Null: the event is not sent (an agent's private note).
 */
export function toWebhookEvent(event: DomainEvent): WebhookEvent | null {
  switch (event.name) {
    case 'conversation.created':
      return { type: 'conversation.opened', data: conversationData(event.payload.conversation) };
    case 'conversation.resolved':
      return {
        type: 'conversation.closed',
        data: { ...conversationData(event.payload.conversation), resolvedBy: event.payload.resolvedBy },
      };
    case 'conversation.handed_off':
      return {
        type: 'conversation.handed_off',
        data: { ...conversationData(event.payload.conversation), reason: event.payload.reason },
      };
    case 'message.created':
      return messageEvent(event.payload);
    case 'ticket.created':
      return { type: 'ticket.created', data: ticketData(event.payload.ticket) };
    case 'ticket.updated':
      return {
        type: event.payload.action === 'status:solved' ? 'ticket.solved' : 'ticket.updated',
        data: { ...ticketData(event.payload.ticket), change: event.payload.action },
      };
    case 'csat.submitted':
      return { type: 'csat.submitted', data: { ...event.payload } };
    case 'order.action_taken':
      return { type: 'order.action_taken', data: { ...event.payload } };
    default:
      return null;
  }
}

/** The domain events that become webhook events (one durable listener each). */
export const webhookSourceEvents = [
  'conversation.created',
  'conversation.resolved',
  'conversation.handed_off',
  'message.created',
  'ticket.created',
  'ticket.updated',
  'csat.submitted',
  'order.action_taken',
] as const satisfies readonly DomainEvent['name'][];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return webhookEventTypes.some((type) => type === value);
}

type ConversationOf<Name extends DomainEvent['name']> = Extract<DomainEvent, { name: Name }>['payload'];

function conversationData(conversation: ConversationOf<'conversation.created'>['conversation']) {
  return {
    conversationId: conversation.id,
    customerId: conversation.customerId,
    channel: conversation.channel,
    status: conversation.status,
    priority: conversation.priority,
    category: conversation.category,
    assigneeId: conversation.assigneeId,
    teamId: conversation.teamId,
    locale: conversation.locale,
    createdAt: conversation.createdAt,
    resolvedAt: conversation.resolvedAt,
  };
}

function messageEvent({ message, conversation }: ConversationOf<'message.created'>): WebhookEvent | null {
  if (message.isPrivate || message.sender === 'system') return null;
  return {
    type: 'message.created',
    data: {
      messageId: message.id,
      conversationId: conversation.id,
      customerId: conversation.customerId,
      channel: conversation.channel,
      sender: message.sender === 'customer' ? 'shopper' : message.sender,
      agentName: message.sender === 'agent' ? message.senderName : null,
      text: message.text,
      attachmentCount: message.attachments.length,
      createdAt: message.createdAt,
    },
  };
}

function ticketData(ticket: ConversationOf<'ticket.created'>['ticket']) {
  return {
    ticketId: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    priority: ticket.priority,
    category: ticket.category,
    channel: ticket.channel,
    source: ticket.source,
    customerId: ticket.customerId,
    assigneeId: ticket.assigneeId,
    teamId: ticket.teamId,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    solvedAt: ticket.solvedAt,
  };
}
