import type { Message } from '@kefu/sdk';
import { parseJsonColumn } from '../../db/json';
import type { UnitOfWork } from '../../events/outbox';
import { normaliseLocale } from '../../replyLocale';
import type { BotOrderAction, BotPipeline, BotReply, BotTurn, Understanding } from '../bot';
import type { ConversationService } from '../conversations';
import { toMessage } from '../conversations';
import { messageAnalysisSchema } from '../../conversationWireSchemas';
import type { HandoffRequest, HandoffService } from '../handoff';
import { answerWhileQueued, handOffConversation } from '../handoff';
import type { TicketService } from '../tickets';

export interface AnswerDependencies {
  unitOfWork: UnitOfWork;
  conversations: ConversationService;
  bot: BotPipeline;
  handoff: HandoffService;
  tickets: TicketService;
}

/**
 * The job of `message.received`: the bot answers a stored shopper message while it holds the conversation (or
 * what it can while the shopper waits in the queue), the handoff triggers are checked once, and the answers
 * are stored with the message marked answered. Safe to repeat: a message already answered is left alone, and
 * the replies are stored only by the transaction that marks it.
 */
export async function answerCustomerMessage(
  dependencies: AnswerDependencies,
  messageId: string,
): Promise<void> {
  const { conversations, bot } = dependencies;
  const waiting = await conversations.findMessageAwaitingAnswer(messageId);
  if (!waiting) return;
  const { message: row, conversation } = waiting;
  const message = toMessage(row);
  const status = conversation.status;
  if (status === 'queued' || status === 'assigned')
    await dependencies.handoff.escalateAfterMessage(conversation.id, conversation.customer_id, message.text);
  if (status !== 'bot' && status !== 'queued')
    return conversations.markAnsweredWithoutReply(message.id, conversation.id);

  const understanding = readUnderstanding(row.analysis);
  const turn: BotTurn = {
    conversationId: conversation.id,
    customerId: conversation.customer_id,
    messageId: message.id,
    channel: conversation.channel,
    text: message.text,
    understanding,
    locale: normaliseLocale(conversation.locale),
    pageProductId: conversation.page_product_id,
    earlierIntents: (await conversations.listEarlierCustomerAnalyses(conversation.id, message.id, 3)).map(
      (analysis) => analysis.intent,
    ),
    attachments: imageAttachmentsOf(message),
  };
  if (status === 'queued') {
    const queued = await answerWhileQueued(
      {
        ...dependencies,
        queueStanding: (conversationId, locale) =>
          dependencies.handoff.describeQueueStanding(conversationId, locale),
      },
      turn,
    );
    return storeAnswer(dependencies, turn, { ...queued, handoff: null });
  }
  const decision = await bot.respond(turn);
  // The handoff check, one explicit step after the bot answered: the bot's own handoff or any trigger.
  const handoff = await dependencies.handoff.decide(turn, decision);
  // A fallback ("I didn't get that") says nothing once a person is on the way: the notice replaces it.
  const answered = handoff && decision.stage === 'fallback' ? [] : decision.replies;
  await storeAnswer(dependencies, turn, {
    answeredBy: decision.stage,
    replies: handoff ? [...answered, ...handoff.notice] : decision.replies,
    handoff: handoff?.request ?? null,
    orderActions: decision.orderActions ?? [],
  });
}

/**
 * One transaction: the message is marked answered with the replies stored, and the conversation handed off
 * when the bot asked for a person. A job repeated after a crash finds the message answered and stores nothing.
 */
async function storeAnswer(
  dependencies: AnswerDependencies,
  turn: BotTurn,
  answer: {
    answeredBy: string;
    replies: BotReply[];
    handoff: HandoffRequest | null;
    orderActions?: BotOrderAction[];
  },
): Promise<void> {
  await dependencies.unitOfWork.run(async (context) => {
    const stored = await dependencies.conversations.storeBotReplies(
      context,
      turn.conversationId,
      {
        messageId: turn.messageId,
        analysis: JSON.stringify({ ...turn.understanding, answeredBy: answer.answeredBy }),
        answeredBy: answer.answeredBy,
      },
      answer.replies,
    );
    if (stored && answer.handoff && stored.conversation.status === 'bot')
      await handOffConversation(context, stored.conversation, answer.handoff);
    if (!stored) return;
    for (const { orderNumber, action } of answer.orderActions ?? [])
      await context.emit('order.action_taken', {
        orderNumber,
        action,
        actorType: 'bot',
        agentId: null,
        conversationId: turn.conversationId,
        customerId: turn.customerId,
      });
  });
}

/** What the engine understood of the message when it was accepted (stored with it). */
function readUnderstanding(analysis: string | null): Understanding {
  if (analysis === null) throw new Error('a received message was stored without its understanding');
  const { answeredBy: _answeredBy, ...understanding } = parseJsonColumn(analysis, messageAnalysisSchema);
  return understanding;
}

function imageAttachmentsOf(message: Message): BotTurn['attachments'] {
  return message.attachments
    .filter((attachment) => attachment.contentType.startsWith('image/'))
    .map((attachment) => ({ kind: 'image', url: attachment.url }));
}
