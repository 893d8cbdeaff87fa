import { z } from 'zod';
import type {
  Attachment,
  ChannelKind,
  Conversation,
  ConversationPriority,
  ConversationStatus,
  Message,
  MessageAnalysis,
  MessageCard,
  MessageSender,
  QuickReply,
} from '@kefu/sdk';
import { parseJsonColumn } from '../../db/json';
import { channelKindSchema } from '../../channelKinds';
import { normaliseLocale } from '../../replyLocale';
import { withAudienceUrl } from '../uploads';
import type { ConversationRow, MessageRow } from './repo';
import {
  conversationStatusSchema,
  conversationPrioritySchema,
  messageSenderSchema,
  attachmentSchema,
  messageCardSchema,
  messageAnalysisSchema,
  quickReplySchema,
} from '../../conversationWireSchemas';

export function toConversation(row: ConversationRow): Conversation {
  const channel: ChannelKind = channelKindSchema.parse(row.channel);
  const status: ConversationStatus = conversationStatusSchema.parse(row.status);
  const priority: ConversationPriority = conversationPrioritySchema.parse(row.priority);
  return {
    id: row.id,
    customerId: row.customer_id,
    channel,
    status,
    priority,
    category: row.category,
    assigneeId: row.assignee_id,
    teamId: row.team_id,
    subject: row.subject,
    locale: normaliseLocale(row.locale),
    lastMessageAt: row.last_message_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
  };
}

export function toMessage(row: MessageRow): Message {
  const sender: MessageSender = messageSenderSchema.parse(row.sender);
  const attachments: Attachment[] = parseJsonColumn(row.attachments, z.array(attachmentSchema));
  const quickReplies: QuickReply[] = parseJsonColumn(row.quick_replies, z.array(quickReplySchema));
  const card: MessageCard | null = row.card ? parseJsonColumn(row.card, messageCardSchema) : null;
  return {
    id: row.id,
    conversationId: row.conversation_id,
    sender,
    senderName: row.sender_name,
    text: row.text,
    attachments,
    quickReplies,
    card,
    isPrivate: row.is_private === 1,
    clientMessageId: row.client_message_id,
    createdAt: row.created_at,
    channel: row.channel === null ? null : channelKindSchema.parse(row.channel),
  };
}

/** The agents' view of a message: with what the bot understood of it, photos through the agent route. */
export function toAgentMessage(row: MessageRow): Message {
  const analysis: MessageAnalysis | null = row.analysis
    ? parseJsonColumn(row.analysis, messageAnalysisSchema)
    : null;
  const message = toMessage(row);
  const attachments = message.attachments.map((attachment) => withAudienceUrl(attachment, 'agent'));
  return { ...message, attachments, analysis };
}

/** The shopper's view of a message: nothing of the bot's analysis, photos through the visitor route. */
export function toVisitorMessage(message: Message): Message {
  const { analysis: _analysis, ...visible } = message;
  return {
    ...visible,
    attachments: visible.attachments.map((attachment) => withAudienceUrl(attachment, 'visitor')),
  };
}
