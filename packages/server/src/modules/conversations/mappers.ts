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
import { normaliseLocale } from '../bot/replyLocale';
import { withAudienceUrl } from '../uploads/attachments';
import type { ConversationRow, MessageRow } from './repo';

export const conversationStatusSchema = z.enum(['bot', 'queued', 'assigned', 'resolved', 'closed']);
export const conversationPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const channelKindSchema = z.enum(['web', 'app', 'wechat', 'email', 'webhook']);
export const messageSenderSchema = z.enum(['customer', 'bot', 'agent', 'system']);
export const attachmentSchema = z.object({
  name: z.string().min(1).max(255),
  // Absolute, or a path on this server for photos shoppers uploaded.
  url: z.union([z.string().url(), z.string().regex(/^\/api\/v1\/[\w/-]+$/)]).pipe(z.string().max(2048)),
  contentType: z.string().min(1).max(255),
  sizeBytes: z.number().int().nonnegative().optional(),
  uploadId: z.string().optional(),
});
const cardText = z.string().max(500);
export const messageCardSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('product'),
    productId: z.string(),
    title: cardText,
    priceCents: z.number().int(),
    currency: z.string(),
    imageUrl: z.string().nullable(),
    imageEmoji: z.string().nullable(),
    url: z.string().nullable(),
    facts: z.array(cardText).max(3),
  }),
  z.object({
    type: z.literal('order'),
    orderNumber: z.string(),
    statusLabel: cardText,
    items: z.array(z.object({ title: cardText, quantity: z.number().int() })),
    totalCents: z.number().int(),
    currency: z.string(),
    carrierName: cardText.nullable(),
    trackingNumber: z.string().nullable(),
    timeline: z.array(z.object({ at: z.string(), text: cardText })),
  }),
]);
export const messageAnalysisSchema = z.object({
  lang: z.string(),
  intent: z.object({
    id: z.string(),
    confidence: z.number(),
    alternatives: z.array(z.object({ id: z.string(), confidence: z.number() })),
  }),
  entities: z.array(z.object({ type: z.string(), value: z.string(), text: z.string() })),
  sentiment: z.object({
    score: z.number(),
    label: z.enum(['positive', 'negative', 'neutral']),
    anger: z.boolean(),
  }),
  answeredBy: z.string().nullable(),
});
export const quickReplySchema = z.object({
  label: z.string().min(1).max(100),
  text: z.string().min(1).max(500),
});

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
