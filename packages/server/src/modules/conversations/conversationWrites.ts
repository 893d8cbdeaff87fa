import type { Attachment, MessageCard } from '@kefu/sdk';
import type { UnitOfWorkContext } from '../../events/outbox';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { localizeReply, normaliseLocale, pickLocalizedText } from '../../replyLocale';
import { deleteQueueEntry } from '../routing';
import { toAgentMessage, toConversation } from './mappers';
import * as conversationsRepo from './repo';
import type { ConversationRow, MessageRow } from './repo';

// Writes shared by the customer-side and agent-side use-cases; each runs inside the caller's unit of work.

export interface NewMessageInput {
  sender: 'customer' | 'bot' | 'agent' | 'system';
  senderId: string | null;
  senderName: string | null;
  text: string;
  isPrivate?: boolean;
  clientMessageId?: string | null;
  replyToMessageId?: string | null;
  quickReplies?: { label: string; text: string }[];
  attachments?: Attachment[];
  /** A product or order card shown beside the text by channels that can. */
  card?: MessageCard | null;
  /** JSON of the bot's understanding (customer messages). */
  analysis?: string | null;
  /** Customer messages answered as they are stored (a rating); others wait for the bot's job. */
  answeredAt?: string | null;
  /**
   * Customer messages: the channel it came on. Others: the channel it goes out on (an agent's choice); by
   * default the channel the shopper last wrote on in the conversation.
   */
  channel?: string | null;
}

export async function findOrCreateOpenConversation(
  context: UnitOfWorkContext,
  customerId: string,
  channel: string,
  locale: string | null | undefined,
): Promise<ConversationRow> {
  const existing = await conversationsRepo.findLatestOpenConversation(context.trx, customerId, channel);
  return existing ?? createConversation(context, customerId, channel, locale);
}

/** A new conversation of the customer on the channel, whatever else is open (a new e-mail thread). */
export async function createConversation(
  context: UnitOfWorkContext,
  customerId: string,
  channel: string,
  locale: string | null | undefined,
): Promise<ConversationRow> {
  const timestamp = context.now.toISOString();
  const row: ConversationRow = {
    id: newId('conv'),
    customer_id: customerId,
    channel,
    status: 'bot',
    priority: 'normal',
    category: null,
    assignee_id: null,
    subject: null,
    locale: locale ?? null,
    page_url: null,
    page_product_id: null,
    bot_state: '{}',
    last_message_at: null,
    first_agent_reply_at: null,
    created_at: timestamp,
    updated_at: timestamp,
    resolved_at: null,
    team_id: null,
    announced_agent_id: null,
  };
  await conversationsRepo.insertConversation(context.trx, row);
  await context.emit('conversation.created', { conversation: toConversation(row) });
  return row;
}

export async function updatePage(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  page: { url?: string | undefined; productId?: string | undefined },
): Promise<ConversationRow> {
  return conversationsRepo.updateConversation(context.trx, conversation.id, {
    page_url: page.url ?? conversation.page_url,
    page_product_id: page.productId ?? conversation.page_product_id,
    updated_at: context.now.toISOString(),
  });
}

export async function appendMessage(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  input: NewMessageInput,
) {
  const timestamp = context.now.toISOString();
  const channel =
    input.channel ??
    (input.sender === 'customer'
      ? conversation.channel
      : ((await conversationsRepo.findLastCustomerChannel(context.trx, conversation.id)) ??
        conversation.channel));
  const message: MessageRow = {
    id: newId('msg'),
    conversation_id: conversation.id,
    sender: input.sender,
    sender_id: input.senderId,
    sender_name: input.senderName,
    text: input.text,
    attachments: JSON.stringify(input.attachments ?? []),
    quick_replies: JSON.stringify(input.quickReplies ?? []),
    is_private: input.isPrivate ? 1 : 0,
    client_message_id: input.clientMessageId ?? null,
    reply_to_message_id: input.replyToMessageId ?? null,
    analysis: input.analysis ?? null,
    card: input.card ? JSON.stringify(input.card) : null,
    created_at: timestamp,
    answered_at: input.answeredAt ?? null,
    channel,
  };
  await conversationsRepo.insertMessage(context.trx, message);
  const updated = await conversationsRepo.updateConversation(context.trx, conversation.id, {
    last_message_at: input.isPrivate ? conversation.last_message_at : timestamp,
    // A photo without words gives no subject; the next worded message does.
    subject: conversation.subject ?? (input.sender === 'customer' ? input.text.slice(0, 80) || null : null),
    first_agent_reply_at:
      conversation.first_agent_reply_at ?? (input.sender === 'agent' && !input.isPrivate ? timestamp : null),
    updated_at: timestamp,
  });
  await context.emit('message.created', {
    message: toAgentMessage(message),
    conversation: toConversation(updated),
  });
  return { message, conversation: updated };
}

export async function appendSystemMessage(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  texts: { zh: string; en: string },
) {
  const locale = normaliseLocale(conversation.locale);
  const text = localizeReply(pickLocalizedText(locale, texts), locale);
  return appendMessage(context, conversation, {
    sender: 'system',
    senderId: null,
    senderName: null,
    text,
  });
}

export async function changeStatus(
  context: UnitOfWorkContext,
  conversation: ConversationRow,
  changes: {
    status: string;
    assignee_id?: string | null;
    team_id?: string | null;
    resolved_at?: string | null;
  },
): Promise<ConversationRow> {
  // The queue holds exactly the queued conversations: leaving `queued` by any path leaves the queue.
  if (changes.status !== 'queued') await deleteQueueEntry(context.trx, conversation.id);
  return conversationsRepo.updateConversation(context.trx, conversation.id, {
    ...changes,
    updated_at: context.now.toISOString(),
  });
}

export async function requireConversation(
  context: UnitOfWorkContext,
  conversationId: string,
): Promise<ConversationRow> {
  const conversation = await conversationsRepo.findConversationById(context.trx, conversationId);
  if (!conversation) throw new KefuError('conversation_not_found');
  return conversation;
}

/**
 * The category and priority handoff and routing decided; `touch` marks the conversation updated (a change an
 * agent sees as activity), which the queue's periodic re-prioritisation does not.
 */
export function classifyConversation(
  context: UnitOfWorkContext,
  conversationId: string,
  classification: { category?: string | null; priority: string },
  options: { touch: boolean },
): Promise<ConversationRow> {
  return conversationsRepo.updateConversation(context.trx, conversationId, {
    ...classification,
    ...(options.touch && { updated_at: context.now.toISOString() }),
  });
}

/** Gives a queued conversation to an agent; undefined when it is no longer queued (another path took it). */
export function assignQueuedConversation(
  context: UnitOfWorkContext,
  conversationId: string,
  agentId: string,
): Promise<ConversationRow | undefined> {
  return conversationsRepo.updateConversationIfStatus(context.trx, conversationId, 'queued', {
    status: 'assigned',
    assignee_id: agentId,
    resolved_at: null,
    updated_at: context.now.toISOString(),
  });
}
