import type { Message, SendMessageResponse } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { BotPipeline, BotTurn } from '../bot/pipeline';
import { decideConversationLocale } from '../bot/conversationLocale';
import { normaliseLocale } from '../bot/replyLocale';
import type { MessageUnderstander } from '../bot/understanding';
import { parseRatingText } from '../csat/service';
import type { CsatService } from '../csat/service';
import { answerWhileQueued } from '../handoff/answerWhileQueued';
import type { HandoffService } from '../handoff/service';
import type { TicketService } from '../tickets/service';
import { toMessage } from './mappers';
import type { ConversationService } from './service';

export interface CustomerMessageInput {
  customerId: string;
  channel: string;
  /** May be empty when the message carries photos. */
  text: string;
  clientMessageId?: string | undefined;
  /** Ids of the shopper's uploaded photos (`upl_…`) sent with this message. */
  uploadIds?: string[] | undefined;
}

export interface InboundDependencies {
  conversations: ConversationService;
  understander: MessageUnderstander;
  bot: BotPipeline;
  clock: Clock;
  handoff: HandoffService;
  tickets: TicketService;
  csat: CsatService;
}

/**
 * The inbound use-case: a rating for a waiting survey is recorded as such; otherwise understand and store the
 * shopper's message, let the bot answer while it holds the conversation (or what it can while the shopper
 * waits in the queue), check the handoff triggers, store the answers. Separate transactions, so no database
 * lock is held while the bot works.
 */
export async function receiveCustomerMessage(
  dependencies: InboundDependencies,
  input: CustomerMessageInput,
): Promise<SendMessageResponse> {
  const { conversations, understander, bot, clock } = dependencies;
  const rating = parseRatingText(input.text);
  if (rating !== null) {
    const rated = await dependencies.csat.answerFromMessage(input.customerId, input.channel, {
      ...input,
      rating,
    });
    if (rated) return rated;
  }
  const understanding = understander.understand(input.text, clock.now());
  const stored = await conversations.storeCustomerMessage(
    input.customerId,
    input.channel,
    {
      text: input.text,
      clientMessageId: input.clientMessageId ?? null,
      analysis: JSON.stringify({ ...understanding, answeredBy: null }),
      uploadIds: input.uploadIds,
    },
    (current, firstMessage) => decideConversationLocale(current, input.text, firstMessage),
  );
  const message = toMessage(stored.message);
  if (stored.duplicate) return { message, replies: await conversations.listRepliesTo(message.id) };
  const status = stored.conversation.status;
  if (status === 'queued' || status === 'assigned')
    await dependencies.handoff.escalateAfterMessage(stored.conversation.id, input.customerId, input.text);
  if (status !== 'bot' && status !== 'queued') return { message, replies: [] };

  const turn: BotTurn = {
    conversationId: stored.conversation.id,
    customerId: input.customerId,
    messageId: message.id,
    channel: input.channel,
    text: input.text,
    understanding,
    locale: normaliseLocale(stored.conversation.locale),
    pageProductId: stored.conversation.page_product_id,
    earlierIntents: (
      await conversations.listEarlierCustomerAnalyses(stored.conversation.id, message.id, 3)
    ).map((analysis) => analysis.intent),
    attachments: imageAttachmentsOf(message),
  };
  if (status === 'queued') return answerWhileQueued(dependencies, turn, message);
  const decision = await bot.respond(turn);
  // The handoff check, one explicit step after the bot answered: the bot's own handoff or any trigger.
  const handoff = await dependencies.handoff.decide(turn, decision);
  // A fallback ("I didn't get that") says nothing once a person is on the way: the notice replaces it.
  const answered = handoff && decision.stage === 'fallback' ? [] : decision.replies;
  const replies = await conversations.storeBotReplies(
    stored.conversation.id,
    { messageId: message.id, analysis: JSON.stringify({ ...understanding, answeredBy: decision.stage }) },
    handoff ? [...answered, ...handoff.notice] : decision.replies,
    handoff?.request ?? null,
  );
  return { message, replies: replies.map(toMessage) };
}

function imageAttachmentsOf(message: Message): BotTurn['attachments'] {
  return message.attachments
    .filter((attachment) => attachment.contentType.startsWith('image/'))
    .map((attachment) => ({ kind: 'image', url: attachment.url }));
}
