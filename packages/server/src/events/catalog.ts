import type { ChannelKind, Conversation, Message, SpikeAlertNotice } from '@kefu/sdk';
import type { HandoffSummary } from '../modules/handoff';
import type { SlaTargetKind } from '../modules/sla';
import type { Ticket } from '../modules/tickets';

/** Every domain event Kefu publishes, `noun.past_verb`, with its payload. */
export interface EventCatalog {
  'customer.created': { customerId: string; channel: string };
  'conversation.created': { conversation: Conversation };
  'conversation.assigned': {
    conversation: Conversation;
    assigneeId: string;
    previousAssigneeId: string | null;
  };
  'conversation.handed_off': { conversation: Conversation; reason: string; summary: HandoffSummary | null };
  'conversation.handed_back': { conversation: Conversation; agentId: string };
  'conversation.resolved': { conversation: Conversation; resolvedBy: string | null };
  'conversation.reopened': { conversation: Conversation; reopenedBy: string | null };
  'message.created': { message: Message; conversation: Conversation };
  /** A shopper's message came in through a channel and waits for the bot (its job answers it). */
  'message.received': { messageId: string; conversationId: string; customerId: string; channel: ChannelKind };
  /** The bot is done with a shopper's message: its replies (maybe none) are stored. */
  'message.answered': {
    messageId: string;
    conversationId: string;
    answeredBy: string | null;
    replyIds: string[];
  };
  /**
   * A message handed to the shopper's open widget and app connections, wherever they are connected. Realtime
   * only: published on the bus by the web and app channels' delivery, never written to the outbox.
   */
  'message.dispatched': { customerId: string; conversationId: string; message: Message };
  'conversation.classified': {
    conversation: Conversation;
    category: string;
    priority: string;
    changedBy: string | null;
  };
  'conversation.transferred': {
    conversation: Conversation;
    fromAgentId: string;
    toAgentId: string | null;
    toTeamId: string | null;
    note: string | null;
  };
  'conversation.requeued': { conversation: Conversation; previousAssigneeId: string | null; reason: string };
  /** A shopper wrote after the handoff: the agent's briefing (mood, last question) was rebuilt. */
  'handoff.summary_refreshed': { conversation: Conversation };
  'agent.presence_changed': { agentId: string; presence: string; previousPresence: string };
  'ticket.created': { ticket: Ticket };
  'ticket.updated': { ticket: Ticket; action: string };
  'ticket.sla_warning': { ticket: Ticket; target: SlaTargetKind; dueAt: string };
  'ticket.sla_breached': { ticket: Ticket; target: SlaTargetKind; dueAt: string };
  'csat.submitted': { conversationId: string; surveyId: string; rating: number; agentId: string | null };
  'knowledge.entry_published': { entryId: string; version: number };
  'knowledge.entry_unpublished': { entryId: string };
  /** The bot's intent model changed (promotion or roll back); null: the shipped model. */
  'intents.model_promoted': { modelId: string | null };
  /** An agent (orders panel) or the bot (a flow) acted on a shopper's order through the shop connector. */
  'order.action_taken': {
    orderNumber: string;
    /** `return_started`, `refund_started`, `cancelled`, `address_changed`, `invoice_resent` (agent), `invoice_requested` (bot) … */
    action: string;
    actorType: 'agent' | 'bot';
    agentId: string | null;
    conversationId: string;
    customerId: string;
  };
  'commerce.order_updated': {
    orderNumber: string;
    shopCustomerId: string;
    status: string;
    previousStatus: string | null;
  };
  /** A topic surged against its baseline, or appeared; raised once per cool-down. */
  'analytics.spike_detected': { alert: SpikeAlertNotice };
  'commerce.shipment_updated': {
    orderNumber: string;
    shopCustomerId: string;
    trackingNumber: string;
    carrierName: string;
    carrierNameEn: string;
    status: string;
    previousStatus: string | null;
  };
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
  'message.received',
  'message.answered',
  'message.dispatched',
  'conversation.classified',
  'conversation.transferred',
  'conversation.requeued',
  'handoff.summary_refreshed',
  'agent.presence_changed',
  'ticket.created',
  'ticket.updated',
  'ticket.sla_warning',
  'ticket.sla_breached',
  'csat.submitted',
  'knowledge.entry_published',
  'knowledge.entry_unpublished',
  'intents.model_promoted',
  'order.action_taken',
  'commerce.order_updated',
  'commerce.shipment_updated',
  'analytics.spike_detected',
];

export function isEventName(name: string): name is EventName {
  return (eventNames as readonly string[]).includes(name);
}
