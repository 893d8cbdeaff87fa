import type { SendMessageResponse } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { BotPipeline } from '../bot/pipeline';
import { chooseReplyLocale } from '../bot/replyLocale';
import type { MessageUnderstander } from '../bot/understanding';
import { toMessage } from './mappers';
import type { ConversationService } from './service';

export interface CustomerMessageInput {
  customerId: string;
  channel: string;
  text: string;
  clientMessageId?: string | undefined;
}

export interface InboundDependencies {
  conversations: ConversationService;
  understander: MessageUnderstander;
  bot: BotPipeline;
  clock: Clock;
}

/**
 * The inbound use-case: understand and store the shopper's message, let the bot answer while it holds the
 * conversation, store the answers. Two transactions, so no database lock is held while the bot works.
 */
export async function receiveCustomerMessage(
  dependencies: InboundDependencies,
  input: CustomerMessageInput,
): Promise<SendMessageResponse> {
  const { conversations, understander, bot, clock } = dependencies;
  const understanding = understander.understand(input.text, clock.now());
  const stored = await conversations.storeCustomerMessage(input.customerId, input.channel, {
    text: input.text,
    clientMessageId: input.clientMessageId ?? null,
    analysis: JSON.stringify({ ...understanding, answeredBy: null }),
  });
  const message = toMessage(stored.message);
  if (stored.duplicate) return { message, replies: await conversations.listRepliesTo(message.id) };
  if (stored.conversation.status !== 'bot') return { message, replies: [] };

  const decision = await bot.respond({
    conversationId: stored.conversation.id,
    customerId: input.customerId,
    text: input.text,
    understanding,
    locale: chooseReplyLocale(input.text, understanding.lang, stored.conversation.locale),
    pageProductId: stored.conversation.page_product_id,
  });
  const replies = await conversations.storeBotReplies(
    stored.conversation.id,
    { messageId: message.id, analysis: JSON.stringify({ ...understanding, answeredBy: decision.stage }) },
    decision.replies,
    decision.handoff,
  );
  return { message, replies: replies.map(toMessage) };
}
