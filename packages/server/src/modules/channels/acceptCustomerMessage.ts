import type { Attachment, ChannelKind } from '@kefu/sdk';
import type { UnitOfWorkContext } from '../../events/outbox';
import { decideConversationLocale } from '../bot';
import type { MessageUnderstander } from '../bot';
import { parseRatingText } from '../csat';
import type { CsatService } from '../csat';
import type { ConversationService, MessageRow } from '../conversations';

export interface CustomerMessageInput {
  customerId: string;
  channel: ChannelKind;
  /** May be empty when the message carries photos. */
  text: string;
  clientMessageId?: string | undefined;
  /** Ids of the shopper's uploaded photos (`upl_…`) sent with this message. */
  uploadIds?: string[] | undefined;
  /** Files the platform keeps (a WeChat photo), stored with the message as they are. */
  platformAttachments?: Attachment[] | undefined;
  /** False for a machine's message (an auto-reply, a bounce): stored, but the bot is not asked to answer. */
  answer?: boolean | undefined;
  /** A threaded channel's conversation for the message (null: a new thread, so a new conversation). */
  thread?: { conversationId: string | null } | undefined;
}

export interface AcceptDependencies {
  conversations: ConversationService;
  understander: MessageUnderstander;
  csat: CsatService;
}

export interface AcceptedMessage {
  message: MessageRow;
  conversationId: string;
  /** Replies stored with it (the thanks for a rating); the bot's come later, from its job. */
  replies: MessageRow[];
}

/**
 * The conversation side of a channel's ingest, inside its transaction: a rating for a waiting survey is
 * recorded and thanked at once; any other message is understood, stored and announced as `message.received`,
 * whose durable job lets the bot answer it. Storing the message and the "answer this" event in one transaction
 * means a crash between receiving and replying loses nothing.
 *
 * Understanding runs here rather than in the job: it is the in-process engine (tens of microseconds), and the
 * stored message then carries it at once for agents, the conversation's language and the opening screen.
 */
export async function acceptCustomerMessage(
  dependencies: AcceptDependencies,
  context: UnitOfWorkContext,
  input: CustomerMessageInput,
): Promise<AcceptedMessage> {
  const rating = input.answer === false ? null : parseRatingText(input.text);
  if (rating !== null) {
    const rated = await dependencies.csat.answerRatingMessage(context, { ...input, rating });
    if (rated) return { ...rated, conversationId: rated.message.conversation_id };
  }
  const understanding = dependencies.understander.understand(input.text, context.now);
  const stored = await dependencies.conversations.appendCustomerMessage(
    context,
    input.customerId,
    input.channel,
    {
      text: input.text,
      clientMessageId: input.clientMessageId ?? null,
      analysis: JSON.stringify({ ...understanding, answeredBy: null }),
      uploadIds: input.uploadIds,
      platformAttachments: input.platformAttachments,
      thread: input.thread,
    },
    (current, firstMessage) => decideConversationLocale(current, input.text, firstMessage),
  );
  // A clientMessageId stored before channel records existed: that message was handled when it came.
  if (!stored.duplicate && input.answer !== false)
    await context.emit('message.received', {
      messageId: stored.message.id,
      conversationId: stored.conversation.id,
      customerId: input.customerId,
      channel: input.channel,
    });
  return { message: stored.message, conversationId: stored.conversation.id, replies: [] };
}
