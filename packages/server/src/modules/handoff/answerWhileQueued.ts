import type { BotPipeline, BotReply, BotTurn } from '../bot';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import type { TicketService } from '../tickets';

export interface QueuedTurnDependencies {
  bot: BotPipeline;
  tickets: TicketService;
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
    const decision = await dependencies.bot.respond(turn);
    if (canAnswerWhileQueued(decision.stage)) {
      replies = decision.replies;
      answeredBy = decision.stage;
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
