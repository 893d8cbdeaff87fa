import { chineseNumerals } from '@kefu/nlu';
import type { DbExecutor } from '../../db/database';
import { findLatestOpenConversation, listLatestMessages, toMessage } from '../conversations';

/** How many of the conversation's latest messages are searched for the bot's offer of choices. */
const lookBack = 10;
/** WeCom's menu choice ids take at most 64 bytes. */
const maxChoiceIdBytes = 64;

/** The shopper picking a choice, and the conversation of the message when the channel threads. */
export interface ChoosingShopper {
  customerId: string;
  channel: string;
  /** A threaded channel's conversation of the message (null: a new thread, which offered nothing yet). */
  conversationId?: string | null | undefined;
}

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
  shopper: ChoosingShopper,
  text: string,
): Promise<string> {
  const number = readChoiceNumber(text);
  if (number === null) return text;
  return (await offeredChoice(trx, shopper, { offerId: null, place: number })) ?? text;
}

/**
 * A tapped menu choice (WeCom kf's `menu_id`, written by `choiceId`) as the text of the quick reply it showed,
 * as the widget's button sends it; the tap's own text when the offer is no longer among the latest messages.
 */
export async function resolveTappedChoice(
  trx: DbExecutor,
  shopper: ChoosingShopper,
  tapped: { id: string; text: string },
): Promise<string> {
  const choice = readChoiceId(tapped.id);
  if (!choice) return tapped.text;
  return (await offeredChoice(trx, shopper, choice)) ?? tapped.text;
}

/** The id of a platform's menu choice: `<offering message id>.<place>`, the place alone beyond 64 bytes. */
export function choiceId(offerId: string, place: number): string {
  const id = `${offerId}.${place}`;
  return Buffer.byteLength(id) <= maxChoiceIdBytes ? id : String(place);
}

function readChoiceId(id: string): { offerId: string | null; place: number } | null {
  const match = /^(?:([0-9A-Za-z_-]{1,60})\.)?(\d{1,2})$/.exec(id);
  if (!match?.[2]) return null;
  return { offerId: match[1] ?? null, place: Number(match[2]) };
}

/** The text of the choice at `place` of the offering message (by default the latest bot message). */
async function offeredChoice(
  trx: DbExecutor,
  shopper: ChoosingShopper,
  choice: { offerId: string | null; place: number },
): Promise<string | null> {
  if (choice.place < 1 || shopper.conversationId === null) return null;
  const conversationId =
    shopper.conversationId ??
    (await findLatestOpenConversation(trx, shopper.customerId, shopper.channel))?.id;
  if (!conversationId) return null;
  const latest = (await listLatestMessages(trx, conversationId, lookBack)).reverse();
  const offer = latest.find((row) =>
    choice.offerId === null ? row.sender === 'bot' : row.id === choice.offerId,
  );
  return (offer ? toMessage(offer).quickReplies[choice.place - 1]?.text : undefined) ?? null;
}
