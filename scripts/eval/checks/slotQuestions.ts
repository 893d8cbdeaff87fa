import type { CheckResult, ConversationRecord, SlotName } from './checkTypes';
import { quote, splitSentences } from './textPatterns';

// Detects replies that ask the shopper for something. A sentence asks for a slot when it names the slot
// and is phrased as a request or question; a sentence that repeats the value the shopper gave is a
// confirmation or a status line, not a request.

const slotNouns: Record<SlotName, RegExp> = {
  order_number:
    /订单号|订单编号|訂單號|訂單編號|单号|單號|哪(个|一|笔|筆|個)订单|哪(个|一|笔|筆|個)訂單|order (number|no\b|id)|which order/i,
  phone_tail:
    /[后後]\s*(4|四)\s*位|尾号|尾號|手机号|手機號|电话号码|電話號碼|last (4|four) digits|phone number/i,
  reason: /原因|为什么要|為什麼要|reason/i,
  problem:
    /什么问题|什麼問題|遇到.{0,4}问题|遇到.{0,4}問題|哪里不满意|哪裡不滿意|具体情况|具體情況|what (happened|went wrong|is wrong|'s wrong|is the problem|seems to be)/i,
  size: /尺码|尺碼|码数|碼數|哪个码|哪個碼|which size|what size/i,
  address: /地址|address/i,
  invoice_details:
    /抬头|抬頭|税号|稅號|信用代码|信用代碼|邮箱|郵箱|电子邮件|電子郵件|company (name|title)|tax (id|number)|e-?mail/i,
  confirmation: /确认|確認|confirm/i,
};

const requestCue =
  /请|請|麻烦|麻煩|提供|告诉|告訴|输入|輸入|发送|發送|回复|回覆|发一下|發一下|是多少|是什么|是什麼|哪|吗|嗎|？|\?|please|could you|can you|what|which|provide|send|share|enter|tell me|let me know|reply/i;

/**
 * The sentences of `text` that ask the shopper for `slot`. A sentence that repeats `givenValue` (spaces
 * aside: "张江路 88 号" repeats "张江路88号") reads it back for confirmation and is not a request.
 */
export function findSlotRequests(text: string, slot: SlotName, givenValue?: string): string[] {
  const value = givenValue ? withoutSpaces(givenValue) : null;
  return splitSentences(text).filter(
    (sentence) =>
      slotNouns[slot].test(sentence) &&
      requestCue.test(sentence) &&
      !(value && withoutSpaces(sentence).includes(value)),
  );
}

function withoutSpaces(text: string): string {
  return text.replace(/\s+/g, '');
}

export function checkSlotNotAskedAgain(
  record: ConversationRecord,
  slot: SlotName,
  givenAt: number,
  givenValue?: string,
): CheckResult {
  const label = `${slot} (given in turn ${givenAt}) not asked again`;
  for (const [index, turn] of record.turns.entries()) {
    if (index + 1 < givenAt) continue;
    for (const reply of turn.replies) {
      const requests = findSlotRequests(reply.text, slot, givenValue);
      const first = requests[0];
      if (first) return { label, passed: false, detail: `turn ${index + 1} asks again: ${quote(first)}` };
    }
  }
  return { label, passed: true, detail: '' };
}

const orderNumberPattern = /KF\d{12}/i;
const trackingNumberPattern = /\b(SF\d{13}|YT\d{13}|JDVA\d{11}|7\d{11})\b/i;
const phoneTailPattern =
  /(?:尾号|尾號|后四位|後四位|后4位|後4位|last (?:4|four)(?: digits)?)\s*(?:是|:|：)?\s*(\d{4})(?!\d)|^\s*(\d{4})\s*$/i;

export interface GivenSlot {
  slot: SlotName;
  givenAt: number;
  value: string;
}

/**
 * What any scenario shows by itself: an order number (or a tracking number, which names the order) and a
 * phone tail given by the shopper, so the generic checks work on scenario files without written expectations.
 */
export function findGivenSlots(turns: readonly string[]): GivenSlot[] {
  const found: GivenSlot[] = [];
  const firstOf = (slot: SlotName) => found.some((given) => given.slot === slot);
  for (const [index, text] of turns.entries()) {
    const orderNumber = text.match(orderNumberPattern)?.[0] ?? text.match(trackingNumberPattern)?.[0];
    if (orderNumber && !firstOf('order_number'))
      found.push({ slot: 'order_number', givenAt: index + 1, value: orderNumber });
    const phoneMatch = text.match(phoneTailPattern);
    const phoneTail = phoneMatch?.[1] ?? phoneMatch?.[2];
    if (phoneTail && !firstOf('phone_tail'))
      found.push({ slot: 'phone_tail', givenAt: index + 1, value: phoneTail });
  }
  return found;
}
