import { z } from 'zod';
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
  changeField: z.enum(['address', 'phone']).optional(),
});

export type ShopperSlots = z.infer<typeof shopperSlotsSchema>;

const phoneTailPattern =
  /(?:尾号|尾数|尾码|[后末]\s*[四4]\s*(?:位数?|个数字?|码|个号)|last\s*(?:4|four)(?:\s*digits)?(?:\s*of\s*(?:my|the)?\s*(?:phone|mobile|number))?(?:\s*(?:are|is|:))?|(?:ends?|ending)(?:\s*(?:in|with))?)\s*(?:是|为|:|：)?\s*(\d{4})(?!\d)/i;
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
const emailPattern = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** 统一社会信用代码: 18 characters (older tax ids: 15–20). */
const taxIdPattern = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{15,20}(?![0-9A-Z])/i;
/** "抬头写错了 能重开吗", "税号不对", "reissue it with the right company name". */
const invoiceCorrectionPattern =
  /写错|填错|弄错|开错|搞错|错了|不对|有误|重开|重新开|换开|红冲|作废|(?:改|更正|修改)(?:一下|下)?(?:抬头|税号|名称|发票|开票)|(?:抬头|税号|名称|开票信息)\S{0,4}(?:改|更正|修改)|re-?issue|wrong|incorrect|mistake|amend|correct(?:ed|ion)?\b|change (?:the|my) (?:invoice|title|company|name|tax)/i;
/** "发票没收到", "再发一次", "I never received the invoice". */
const invoiceResendPattern =
  /没收到|没有收到|未收到|收不到|没看到|没见到|找不到|再发|重发|重新发|再次发送|re-?send|send (?:it |the invoice )?again|(?:didn'?t|did not|never|haven'?t|have not|hasn'?t|not) (?:get|got|gotten|receive|received|see|seen|arrived?|c[oa]me)|can'?t find/i;
const companyTitlePattern =
  /[\p{Script=Han}（）()A-Za-z0-9]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团|公司|工作室|事务所|研究院|中心|大学|学院|学校|医院|商行|经营部)/u;
/** "company Acme Trading Ltd" / "Acme Trading Co., Ltd.": a registered English company name. */
const englishCompanyPattern =
  /(?:company|business|title|name)?\s*(?:is|:)?\s*((?:[A-Z][\w&'-]*\s+){0,5}?[A-Z][\w&'-]*,?\s+(?:Co\.,?\s*)?(?:Ltd\.?|Limited|Inc\.?|LLC|Corp\.?|Corporation|GmbH|Company|Pte\.?\s*Ltd\.?))/;
const addressMarkers =
  /省|市|区|县|镇|路|街|号|弄|村|室|栋|幢|\broad\b|\bstreet\b|\bst\.|\bavenue\b|district/i;
/** A place: an administrative or street word; "尾号0101" is not one. */
const placeMarkers =
  /省|市|区|县|镇|乡|村|路|街|大道|弄|巷|胡同|小区|花园|大厦|公寓|栋|幢|单元|\broad\b|\bstreet\b|\bst\.|\bavenue\b|district/i;

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
  const tail = phoneTailPattern.exec(simplified)?.[1];
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
  Object.assign(slots, extractInvoiceSlots(original, simplified));
  Object.assign(slots, extractDeliveryChange(original, simplified, understanding));
  return slots;
}

function extractInvoiceSlots(original: string, simplified: string): ShopperSlots {
  const slots: ShopperSlots = {};
  const email = emailPattern.exec(original)?.[0];
  if (email) slots.email = email.toLowerCase();
  const taxId = taxIdPattern.exec(simplified.replace(emailPattern, ' '))?.[0];
  const namedTaxId = /税号|信用代码|纳税人|识别号|tax/i.test(simplified);
  if (taxId && (namedTaxId || (taxId.length === 18 && /\d/.test(taxId) && /[A-Z]/i.test(taxId))))
    slots.taxId = taxId.toUpperCase();
  const aboutInvoice = namedTaxId || /抬头|发票|开票|invoice/i.test(simplified);
  if (!aboutInvoice) return slots;
  if (invoiceCorrectionPattern.test(simplified)) slots.invoiceFollowUp = 'correct';
  else if (invoiceResendPattern.test(simplified)) slots.invoiceFollowUp = 'resend';
  const afterTitleWord = original.replace(/^.*?(?:抬头|title)\s*(?:是|为|:|：)?\s*/i, '');
  const title = companyTitlePattern.exec(afterTitleWord) ?? englishCompanyPattern.exec(afterTitleWord);
  const titleText = (title?.[1] ?? title?.[0])?.replace(/^(?:公司|企业|单位)(?:抬头)?/, '');
  if (titleText && titleText.length >= 6 && !/^(?:你们|我们|贵|咱们)/.test(titleText)) {
    slots.invoiceTitle = titleText;
    slots.invoiceTitleType = 'company';
  } else if (/公司|企业|单位|company|business/i.test(simplified)) slots.invoiceTitleType = 'company';
  else if (/个人|personal|individual|myself/i.test(simplified)) slots.invoiceTitleType = 'personal';
  return slots;
}

/** A new address and/or phone for an order ("改成 上海市浦东新区张江路88号 周婷 15000000909"). */
function extractDeliveryChange(
  original: string,
  simplified: string,
  understanding: Pick<Understanding, 'entities'>,
): ShopperSlots {
  const slots: ShopperSlots = {};
  const phone = understanding.entities
    .find((entity) => entity.type === 'phone')
    ?.value.replace(/^\+?86/, '')
    .replace(/\D/g, '');
  const mobile = phone && /^1\d{10}$/.test(phone) ? phone : undefined;
  const address = extractAddress(original, simplified);
  if (address) {
    const parts = splitAddressParts(address);
    slots.newAddress = parts.address;
    if (parts.recipient) slots.newRecipient = parts.recipient;
    if (parts.phone) slots.newPhone = parts.phone;
    slots.changeField = 'address';
  } else if (mobile) {
    slots.newPhone = mobile;
    if (/电话|手机|号码|phone|number/i.test(simplified)) slots.changeField = 'phone';
  }
  if (!slots.changeField) {
    if (/地址|address/i.test(simplified)) slots.changeField = 'address';
    else if (/电话|手机号|phone/i.test(simplified) && /改|换|change|update/i.test(simplified))
      slots.changeField = 'phone';
  }
  return slots;
}

/** The address as the shopper wrote it (their script), recognised on the simplified text. */
export function extractAddress(original: string, simplified: string): string | null {
  const prefix =
    /^.*?(?:新地址|地址改成|地址改为|地址是|改成|改为|改到|寄到|送到|new address(?: is)?)[:：\s是]*/i;
  const candidate = addressMarkers.test(simplified) ? original.replace(prefix, '').trim() : '';
  const comparable = simplified.replace(prefix, '');
  if (candidate.length < 6 || !placeMarkers.test(comparable)) return null;
  // An address names at least a place and a street or number, not just "地址" or "改下收货地址".
  if (!/\d|路|街|号|弄|村|室|栋|幢|road|street|avenue/i.test(comparable)) return null;
  return candidate;
}

/** "上海市浦东新区张江路88号 周婷 15000000909" → the address, the recipient and the phone. */
function splitAddressParts(text: string): { address: string; recipient?: string; phone?: string } {
  // "…502，收件人不变" / "…, thanks": remarks about the rest of the order are not part of the address.
  const parts = text
    .split(/[\s,，;；。!！]+/)
    .filter(
      (part) => part && !/不变|不用改|不改|照旧|一样|谢谢|麻烦|^(?:thanks|unchanged|same)$/i.test(part),
    );
  const phone = parts.find((part) => /^(?:\+?86)?1\d{10}$/.test(part));
  const recipient = parts.find(
    (part) =>
      part !== parts[0] &&
      /^\p{Script=Han}{2,4}$/u.test(part) &&
      !addressMarkers.test(part) &&
      !placeMarkers.test(part) &&
      !/[楼層层座号室]/u.test(part),
  );
  const address = parts.filter((part) => part !== phone && part !== recipient).join(' ');
  return {
    address,
    ...(recipient && { recipient }),
    ...(phone && { phone: phone.replace(/^\+?86/, '') }),
  };
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
