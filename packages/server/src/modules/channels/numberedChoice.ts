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
 * choice is returned when the shopper's open conversation's latest bot message offered that many choices;
 * otherwise the shopper's own text, unchanged.
 */
export async function resolveNumberedChoice(
  trx: DbExecutor,
  shopper: { customerId: string; channel: string },
  text: string,
): Promise<string> {
  const number = readChoiceNumber(text);
  if (number === null || number < 1) return text;
  const conversation = await findLatestOpenConversation(trx, shopper.customerId, shopper.channel);
  if (!conversation) return text;
  const latest = await listLatestMessages(trx, conversation.id, lookBack);
  const offer = latest.reverse().find((row) => row.sender === 'bot');
  const choice = offer ? toMessage(offer).quickReplies[number - 1] : undefined;
  return choice?.text ?? text;
}
