import { chineseNumerals } from '@kefu/nlu';
import type { DbExecutor } from '../../db/database';
import { findLatestOpenConversation, listLatestMessages, toMessage } from '../conversations';

/** How many of the conversation's latest messages are searched for the bot's offer of choices. */
const lookBack = 10;

/**
 * The number a shopper typed to pick a numbered choice: `2`, `２`, `二`, `2.`, `(2)`, `第二个`, `选2`; null when
 * the text is anything else (a sentence that merely contains a number is not a pick).
 */
export function readChoiceNumber(text: string): number | null {
  const bare = text
    .normalize('NFKC')
    .trim()
    .replace(/^(第|选|选择|no\.?|#)\s*/i, '')
    .replace(/^[([]\s*|\s*[)\]]$/g, '')
    .replace(/\s*(个|项|条|号)?\s*[.。、,，!！]?$/, '');
  if (/^\d{1,2}$/.test(bare)) return Number(bare);
  if (bare.length === 1) return chineseNumerals[bare] ?? null;
  return null;
}

/**
 * Where the channel cannot show buttons, the bot's choices were listed as numbered lines (fitMessageToChannel):
 * a shopper answering with a number picks the choice of that line, as a button would have. The text of the
 * choice is returned when the conversation's (the thread's, else the shopper's open one) latest bot message offered that many choices;
 * otherwise the shopper's own text, unchanged.
 */
export async function resolveNumberedChoice(
  trx: DbExecutor,
  shopper: {
    customerId: string;
    channel: string;
    /** A threaded channel's conversation of the message (null: a new thread, which offered nothing yet). */
    conversationId?: string | null | undefined;
  },
  text: string,
): Promise<string> {
  const number = readChoiceNumber(text);
  if (number === null || number < 1 || shopper.conversationId === null) return text;
  const conversationId =
    shopper.conversationId ??
    (await findLatestOpenConversation(trx, shopper.customerId, shopper.channel))?.id;
  if (!conversationId) return text;
  const latest = await listLatestMessages(trx, conversationId, lookBack);
  const offer = latest.reverse().find((row) => row.sender === 'bot');
  const choice = offer ? toMessage(offer).quickReplies[number - 1] : undefined;
  return choice?.text ?? text;
}
