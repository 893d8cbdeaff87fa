import { z } from 'zod';
import { KefuError } from '../../../errors';
import { messageTextSchema } from '../../../http/wireSchemas';
import type { InboundMessage, OutboundMessage } from '../channelAdapter';

const externalIdSchema = z.string().trim().min(1).max(200);

/** What a system connected over the webhook channel posts: one or more of its users' messages. */
export const webhookInboundBodySchema = z
  .object({
    /** Which of the sender's accounts (an app, a shop) the messages reached; `default` when omitted. */
    account: z.string().trim().min(1).max(100).default('default'),
    messages: z
      .array(
        z
          .object({
            /** The sender system's id of the message: posting it again stores nothing new. */
            id: externalIdSchema,
            from: z
              .object({
                id: externalIdSchema,
                name: z.string().trim().min(1).max(100).optional(),
                locale: z.string().trim().min(2).max(20).optional(),
              })
              .strict(),
            text: messageTextSchema,
            sentAt: z.string().datetime({ offset: true }).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();

/** Reads a verified body into inbound messages; a body that does not fit is a 400 naming the first problem. */
export function convertWebhookBodyToInbound(body: unknown): InboundMessage[] {
  const parsed = webhookInboundBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KefuError('validation_failed', issue ? `${issue.path.join('.')}: ${issue.message}` : undefined);
  }
  const { account, messages } = parsed.data;
  return messages.map((message) => ({
    channel: 'webhook',
    accountId: account,
    externalMessageId: message.id,
    sender: { externalId: message.from.id, displayName: message.from.name, locale: message.from.locale },
    text: message.text,
    sentAt: message.sentAt ? new Date(message.sentAt) : null,
  }));
}

/** The body Kefu posts to the connected system for one message to its user. */
export function convertOutboundToWebhookBody(outbound: OutboundMessage) {
  const { message, recipient } = outbound;
  return {
    type: 'message.created',
    account: recipient.accountId,
    to: recipient.externalId,
    conversationId: outbound.conversationId,
    message: {
      id: message.id,
      sender: message.sender,
      senderName: message.senderName,
      text: message.text,
      quickReplies: message.quickReplies,
      card: message.card,
      attachments: message.attachments,
      createdAt: message.createdAt,
    },
  };
}
