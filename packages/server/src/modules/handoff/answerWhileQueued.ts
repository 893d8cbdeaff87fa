import { toSimplified } from '@kefu/nlu';
import type { QuickReply } from '@kefu/sdk';
import type { BotDecision, BotPipeline, BotReply, BotTurn } from '../bot';
import type { ReplyLocale } from '../../replyLocale';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import type { TicketService } from '../tickets';

export interface QueuedTurnDependencies {
  bot: BotPipeline;
  tickets: TicketService;
  /** The shopper's place in the queue in words; null once they no longer wait. */
  queueStanding(
    conversationId: string,
    locale: ReplyLocale,
  ): Promise<{ text: string; quickReplies: QuickReply[] } | null>;
}

/** "还要等多久", "人呢", "how long do I wait": a question about the wait itself. */
const waitQuestion =
  /等(?:多久|多长时间|到什么时候|几分钟|很久|半天)|怎么还没(?:有)?人|人呢|人去哪|什么时候(?:才)?(?:有人|轮到|到我|能回)|排(?:到|在)第?几|第几位|还在排|还要排|快点|快一点|\b(?:how long|still waiting|anyone there|any ?body there|when will (?:someone|somebody|an agent|a person)|where is (?:the|an|my) agent)\b/i;

/** "在吗", "有人吗", "anyone there": checking someone is there (a plain "你好" is left to the agent). */
const presenceCheck =
  /在吗|在嗎|在么|在麼|在不在|有人吗|有人嗎|有人在|有没有人|有沒有人|anyone|any ?body|you there/i;

/**
 * Asking for a person again, asking how long it takes, "在吗" or anger while already in the queue: the shopper
 * is told where they stand rather than met with silence. A plain greeting stays with the agent.
 */
function asksAboutTheWait(turn: BotTurn, decision: BotDecision | null): boolean {
  return (
    decision === null ||
    decision.handoff !== null ||
    (decision.stage === 'small_talk:greeting' && presenceCheck.test(turn.text)) ||
    turn.understanding.sentiment.anger
  );
}

const leaveMessageRequest = /^(?:我要|我想)?留言[!！。.]*$|^leave (?:a |me a )?message[!.]*$/i;
const leaveMessageWithText = /^(?:我要|我想)?留言[:：]\s*(.+)$|^leave (?:a )?message:\s*(.+)$/is;

/**
 * A shopper writes while waiting for a person: "leave a message" becomes a ticket; otherwise the bot
 * answers only what it really knows (knowledge answers), never its fallback or small talk, so the wait
 * is not filled with noise. The agent still sees every message. The caller stores the replies.
 */
export async function answerWhileQueued(
  dependencies: QueuedTurnDependencies,
  turn: BotTurn,
): Promise<{ replies: BotReply[]; answeredBy: string }> {
  const leftText = extractLeftMessage(turn.text);
  let replies: BotReply[] = [];
  let answeredBy = 'queued';
  if (leftText !== null) {
    const ticket = await dependencies.tickets.createFromConversation(
      turn.conversationId,
      'left_message',
      leftText || null,
    );
    replies = [leftMessageConfirmation(turn, ticket.id)];
    answeredBy = 'queued:left_message';
  } else {
    // "还要等多久": about the wait, whatever a flow would make of it.
    const decision = waitQuestion.test(toSimplified(turn.text)) ? null : await dependencies.bot.respond(turn);
    if (decision && canAnswerWhileQueued(decision.stage)) {
      replies = decision.replies;
      answeredBy = decision.stage;
    } else if (asksAboutTheWait(turn, decision)) {
      const standing = await dependencies.queueStanding(turn.conversationId, turn.locale);
      if (standing) {
        const lead = localizeReply(
          pickLocalizedText(turn.locale, {
            zh: '已经在为您转接人工客服了。',
            en: 'You are already in line for a person.',
          }),
          turn.locale,
        );
        replies = [
          {
            text: `${lead}${turn.locale === 'en' ? ' ' : ''}${standing.text}`,
            quickReplies: standing.quickReplies,
          },
        ];
        answeredBy = 'queued:standing';
      }
    }
  }
  return { replies, answeredBy };
}

/**
 * Knowledge answers (FAQ, articles, product facts) and the order flows (a parcel's status once the phone is
 * checked) are worth sending while a shopper waits; guesses, small talk and repeated apologies are not.
 */
export function canAnswerWhileQueued(stage: string): boolean {
  if (stage.startsWith('flow:')) return stage !== 'flow:clarify' && stage !== 'flow:cancelled';
  return stage.startsWith('knowledge:') && stage !== 'knowledge:suggest';
}

/** null: not a request to leave a message; '' : the button alone; text: the message itself. */
export function extractLeftMessage(text: string): string | null {
  const trimmed = text.trim();
  if (leaveMessageRequest.test(trimmed)) return '';
  const match = leaveMessageWithText.exec(trimmed);
  return match ? (match[1] ?? match[2] ?? '').trim() : null;
}

function leftMessageConfirmation(turn: BotTurn, ticketId: string): BotReply {
  return {
    text: localizeReply(
      pickLocalizedText(turn.locale, {
        zh: `已为您登记留言（工单号 ${ticketId}），人工客服会尽快回复您。您之后补充的内容也会一并转给客服。`,
        en: `Your message is recorded (ticket ${ticketId}); an agent will get back to you as soon as possible. Anything you add here reaches them too.`,
      }),
      turn.locale,
    ),
    quickReplies: [],
  };
}
