import { z } from 'zod';
import { extractDeliveryChange } from './deliveryChangeSlots';
import { extractInvoiceSlots } from './invoiceSlots';
import { detectSizeStep, shiftSize, sizeLetters } from './sizeSteps';
import type { ReturnReason } from '../../commerce';
import { returnReasons } from '../../commerce';
import type { Understanding } from '../understanding';

/**
 * What a shopper said that a flow may need later: every message is read for all of it, whatever the bot
 * asked, so nothing already said is asked again ("尾号0202" beside the order number, "小了 想换L码", a company
 * title with its tax id and e-mail in one line). Values are kept for the order under discussion.
 */
export const deliveryProblems = ['not_received', 'damaged', 'wrong_item'] as const;
export type DeliveryProblem = (typeof deliveryProblems)[number];

export const shopperSlotsSchema = z.object({
  phoneTail: z.string().optional(),
  returnKind: z.enum(['return', 'exchange']).optional(),
  reason: z.enum(returnReasons).optional(),
  /** The size or variant wanted ("L", "46MM"). */
  variant: z.string().optional(),
  /** "大一码" / "size down": the wanted size relative to the one bought, when no size is named as wanted. */
  sizeStep: z.number().int().optional(),
  problem: z.enum(deliveryProblems).optional(),
  invoiceTitleType: z.enum(['personal', 'company']).optional(),
  invoiceTitle: z.string().optional(),
  taxId: z.string().optional(),
  email: z.string().optional(),
  /** About an invoice already requested: send it again, or correct it (a person re-issues it). */
  invoiceFollowUp: z.enum(['resend', 'correct']).optional(),
  newPhone: z.string().optional(),
  newAddress: z.string().optional(),
  newRecipient: z.string().optional(),
  /** What the shopper wants changed on an order; `variant`: the goods' size or colour, not the delivery. */
  changeField: z.enum(['address', 'phone', 'variant']).optional(),
  /** "same name n phone", "电话不变": what stays as it is beside a new address. */
  keepsContact: z.array(z.enum(['recipient', 'phone'])).optional(),
  /** "只取消防晒霜，裤子还要", "cancel just the sunscreen": the shopper means some of the order's items, not all. */
  onlySomeItems: z.boolean().optional(),
});

export type ShopperSlots = z.infer<typeof shopperSlotsSchema>;

const phoneTailPattern =
  /(?:尾号|尾数|尾码|[后末]\s*[四4]\s*(?:位数?|个数字?|码|个号)|last\s*(?:4|four)(?:\s*digits)?(?:\s*of\s*(?:my|the)?\s*(?:phone|mobile|number))?(?:\s*(?:are|is|:))?|(?:ends?|ending)(?:\s*(?:in|with))?)\s*(?:是|为|:|：)?\s*(\d{4})(?!\d)/i;
/** "KF202611010028 0505": four digits right after an order or tracking number are the phone's last four. */
const numberThenTail = /(?:[a-z]{1,4}\d{8,22}|\d{12,22})[\s,，、;；/]+(\d{4})(?!\d)/i;
const reasonPatterns: [ReturnReason, RegExp][] = [
  [
    'damaged_in_transit',
    /破损|碎了|碎掉|摔碎|压坏|摔坏|压扁|裂了|裂开|damaged|broken|crushed|cracked|shattered|smashed|dented/i,
  ],
  [
    'defective',
    /质量问题|坏了|坏的|坏掉|是坏|故障|不能用|用不了|没法用|开不了机|开不开机|不开机|无法开机|充不(?:进|上|了)电|不充电|没(?:有)?声音?|没声|不出声|有杂音|杂音|异响|连不上|无法连接|黑屏|花屏|死机|自动关机|不工作|不亮|没反应|不转|不出水|不加热|不制热|不制冷|defect|faulty|doesn'?t work|does not work|not working|stopped working|won'?t (?:turn on|charge|connect|work)|not charging|no sound|dead on arrival/i,
  ],
  [
    'wrong_size',
    /尺码|码数|大小不|太大|太小|偏大|偏小|大了|小了|紧了|松了|不合身|穿不下|[大小]一(?:个)?[码号]|size|too (?:big|small|tight|loose)/i,
  ],
  [
    'not_as_described',
    /不符|不一样|色差|错发|发错|描述|not as described|wrong (?:item|colou?r)|different from/i,
  ],
  [
    'no_longer_needed',
    /不想要|不需要|不喜欢|无理由|拍错|买错|不好喝|不好吃|难吃|难喝|no longer|don'?t (?:want|need|like)|changed my mind/i,
  ],
];
const problemPatterns: [DeliveryProblem, RegExp][] = [
  [
    'damaged',
    /破损|碎|裂|压坏|压扁|摔坏|变形|漏了|漏液|damaged|broken|crushed|cracked|shattered|dented|smashed|leak/i,
  ],
  [
    'wrong_item',
    /发错|错发|少发|漏发|少了|缺了|不对|wrong (?:item|colou?r|size|model|product|one|thing)|(?:got|sent|received|delivered) (?:me )?the wrong|missing|not what i ordered|instead of/i,
  ],
  [
    'not_received',
    /没收到|没有收到|未收到|没到|没送到|丢件|丢了|找不到(?:快递|包裹|件)|没(?:看到|见到|看见)(?:快递|包裹)|not (?:received|arrived)|(?:it'?s|it is|is|was|package|parcel) not (?:here|there)|isn'?t (?:here|there)|wasn'?t (?:here|there)|nowhere to be found|can'?t find (?:it|the (?:package|parcel|box)|my (?:package|parcel|order))|(?:haven'?t|hasn'?t|have not|has not|didn'?t|never|still not) (?:get|got|received?|arrived?|c[oa]me|shown up|turned up)|lost/i,
  ],
];
const exchangePattern = /换(?:货|个|一个|成|一件|一双|码|大|小|颜色)|调换|exchange|swap|replace(?:ment)?/i;
const returnPattern = /退货|退掉|退回|退了|return/i;
const variantPattern =
  /(?:换(?:成|个|一个|到)?|要|改成|size)\s*(XXXL|XXL|XL|XS|S|M|L|\d{2,3}\s*(?:码|号|mm))(?![A-Za-z])|(?<![A-Za-z])(XXXL|XXL|XL|XS|S|M|L)\s*(?:码|号|號|size)/i;
/** "只取消防晒霜，裤子还要", "其中一个不要了", "cancel just the sunscreen, keep the trousers". */
const onlySomeItemsPatterns = [
  /只(?:想|要|需要)?(?:取消|退掉?|撤销?|删掉?|去掉)掉?(?!订单|这单|这个|这笔|整单|全部|所有|就行|就好|就可以|吧|了|款|货|钱|$)/,
  /其中(?:的)?(?:一|1|两|2|某|一部分)?(?:个|件|样|款|份|种)?(?:商品|东西|宝贝)?(?:不要|不想要|取消|退)/,
  /只要[^，,。！？!?\s]{1,12}[，,\s]+[^，,。！？!?]{1,12}?(?:不要|不想要|取消)/,
  /[^，,。\s]{1,12}(?:不要了?|不想要了?|取消掉?|退掉)[，,\s]+[^，,。\s]{1,12}(?:还要|要留着|留着|保留|继续发|照常发|正常发|照发|不取消|别取消|不用取消)/,
  /[^，,。\s]{1,12}(?:还要|保留|留着|照常发|正常发|继续发)[，,\s]+[^，,。\s]{1,12}(?:不要了?|不想要了?|取消掉?|退掉)/,
  /部分取消|取消(?:一)?部分|单独取消|分开取消|拆单|取消其中|退其中/,
  /\b(?:cancel|remove|drop|take off|take out)\s+(?:just|only)\s+(?!(?:the|this|that|my)\s+(?:whole|entire|order)\b|it\b)/i,
  /\b(?:just|only)\s+(?:cancel|remove|drop)\s+(?:the|one|some|part|an?)\s+(?!order\b|whole\b|entire\b)/i,
  /\bcancel\s+(?:one|some|part|a few)\s+of\b|\bcancel\s+(?:an?|one|some)\s+(?:item|product|thing)s?\b/i,
  /\b(?:keep|still want|still need)\s+(?:the|my)\s+(?!order\b|whole\b|money\b|refund\b)[a-z]+/i,
  /\bpartial(?:ly)?\s+cancel|\bcancel\w*\s+(?:it\s+)?partially|\bpart of (?:the|my) order\b|\bnot the (?:whole|entire) order\b|\b(?:don'?t|do not) cancel the (?:rest|other|whole|entire)\b/i,
  /\bremove\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?\s+from\s+(?:the|my|this)\s+order\b/i,
];

/**
 * Reads every slot a message holds. `simplified` is the text in simplified script (what patterns match);
 * `original` keeps the shopper's script for values that are repeated back (titles, addresses).
 */
export function extractShopperSlots(
  original: string,
  simplified: string,
  understanding: Pick<Understanding, 'entities'>,
): ShopperSlots {
  const slots: ShopperSlots = {};
  const tail = phoneTailPattern.exec(simplified)?.[1] ?? numberThenTail.exec(simplified)?.[1];
  if (tail) slots.phoneTail = tail;
  const reason = detectReturnReason(simplified);
  if (reason) slots.reason = reason;
  const problem = detectDeliveryProblem(simplified);
  if (problem) slots.problem = problem;
  if (exchangePattern.test(simplified)) slots.returnKind = 'exchange';
  else if (returnPattern.test(simplified)) slots.returnKind = 'return';
  const variant = variantPattern.exec(simplified);
  const variantText =
    (variant?.[1] ?? variant?.[2])
      ?.replace(/\s+/g, '')
      .replace(/[码号]$/, '')
      .toUpperCase() ?? englishSizeWanted(simplified);
  const sizeStep = detectSizeStep(simplified);
  // "M码太小了 想换大一码": the size named is the one bought; the one wanted is a step from it.
  const boughtSize = variant?.[1] === undefined ? variantText : undefined;
  if (sizeStep !== null && boughtSize) {
    const wanted = shiftSize(boughtSize, sizeStep);
    if (wanted) slots.variant = wanted;
  } else if (variantText) slots.variant = variantText;
  if (sizeStep !== null && !slots.variant) slots.sizeStep = sizeStep;
  if (onlySomeItemsPatterns.some((pattern) => pattern.test(simplified))) slots.onlySomeItems = true;
  Object.assign(slots, extractInvoiceSlots(original, simplified));
  Object.assign(slots, extractDeliveryChange(original, simplified, understanding));
  return slots;
}

const englishSizeWantedPattern =
  /\b(?:for|to|into|need|want|get|like)\s+(?:an?\s+|the\s+|size\s+)?(extra small|extra large|x-?large|x large|small|medium|large)\b/i;

/** "exchange it for a small", "need a medium": the size wanted, in letters. */
export function englishSizeWanted(text: string): string | undefined {
  const word = englishSizeWantedPattern.exec(text)?.[1]?.toLowerCase();
  return word ? (sizeLetters(word) ?? undefined) : undefined;
}

export function detectReturnReason(text: string): ReturnReason | null {
  return reasonPatterns.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

export function detectDeliveryProblem(text: string): DeliveryProblem | null {
  return problemPatterns.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}

/** Drops values a finished action used, so they are not applied to the next one. */
export function forgetSlots(state: { memory: ShopperSlots }, keys: readonly (keyof ShopperSlots)[]): void {
  for (const key of keys) delete state.memory[key];
}

/** Keeps the newly said values; a different order drops what was said about the previous one. */
export function rememberSlots(memory: ShopperSlots, said: ShopperSlots, newOrder: boolean): ShopperSlots {
  const kept: ShopperSlots = newOrder ? {} : { ...memory };
  return { ...kept, ...said };
}
