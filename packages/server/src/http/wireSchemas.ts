import { z } from 'zod';
import { channelKindSchema } from '../channelKinds';
import {
  attachmentSchema,
  conversationPrioritySchema,
  conversationStatusSchema,
  messageAnalysisSchema,
  messageCardSchema,
  messageSenderSchema,
  quickReplySchema,
} from '../conversationWireSchemas';

/** Response schemas of the wire types, used for validation of outgoing JSON and for the OpenAPI document. */
export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  sender: messageSenderSchema,
  senderName: z.string().nullable(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  quickReplies: z.array(quickReplySchema),
  card: messageCardSchema.nullable(),
  isPrivate: z.boolean(),
  clientMessageId: z.string().nullable(),
  createdAt: z.string(),
  analysis: messageAnalysisSchema.nullable().optional(),
  /** The channel it came on (shopper) or went out on (others); null for messages older than the field. */
  channel: channelKindSchema.nullable().optional(),
});

export const conversationSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  channel: channelKindSchema,
  status: conversationStatusSchema,
  priority: conversationPrioritySchema,
  category: z.string().nullable(),
  assigneeId: z.string().nullable(),
  teamId: z.string().nullable(),
  subject: z.string().nullable(),
  locale: z.enum(['zh-CN', 'zh-TW', 'en']),
  lastMessageAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const errorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const sendMessageResponseSchema = z.object({
  message: messageSchema,
  replies: z.array(messageSchema),
});

/** Shopper and agent text: trimmed, non-empty, at most 4,000 characters (documented in the README). */
export const messageTextSchema = z
  .string()
  .trim()
  .min(1, 'text must not be empty')
  .max(4000, 'text is limited to 4000 characters');
export const clientMessageIdSchema = z.string().trim().min(1).max(100);
export const idParamSchema = z.object({ id: z.string().min(1).max(64) }).strict();
export const bearerSecurity = [{ bearerAuth: [] }];
