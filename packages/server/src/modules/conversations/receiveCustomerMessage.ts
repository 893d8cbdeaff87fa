import type { SendMessageResponse } from '@kefu/sdk';
import type { BotPipeline } from '../bot/pipeline';
import { chooseReplyLocale } from '../bot/replyLocale';
import { toMessage } from './mappers';
import type { ConversationService } from './service';

export interface CustomerMessageInput {
  customerId: string;
  channel: string;
  text: string;
  clientMessageId?: string | undefined;
}

/**
 * The inbound use-case: store the shopper's message, let the bot answer while it holds the conversation,
 * store the answers. Two transactions, so no database lock is held while the bot thinks.
 */
export async function receiveCustomerMessage(
  conversations: ConversationService,
  bot: BotPipeline,
  input: CustomerMessageInput,
): Promise<SendMessageResponse> {
  const stored = await conversations.storeCustomerMessage(input.customerId, input.channel, {
    text: input.text,
    clientMessageId: input.clientMessageId ?? null,
  });
  const message = toMessage(stored.message);
  if (stored.duplicate) return { message, replies: await conversations.listRepliesTo(message.id) };
  if (stored.conversation.status !== 'bot') return { message, replies: [] };

  const decision = await bot.respond({
    conversationId: stored.conversation.id,
    customerId: input.customerId,
    text: input.text,
    locale: chooseReplyLocale(input.text, null, stored.conversation.locale),
    pageProductId: stored.conversation.page_product_id,
  });
  const replies = await conversations.storeBotReplies(
    stored.conversation.id,
    message.id,
    decision.replies,
    decision.handoff,
  );
  return { message, replies: replies.map(toMessage) };
}
