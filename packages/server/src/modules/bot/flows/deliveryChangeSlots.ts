import { toSimplified } from '@kefu/nlu';
import type { Understanding } from '../understanding';
import { readEnglishAddress } from './englishAddress';
import type { ShopperSlots } from './shopperSlots';

/** A new address and/or phone for an order ("改成 上海市浦东新区张江路88号 周婷 15000000909"). */
export function extractDeliveryChange(
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
  const address = readNewAddress(original, simplified);
  if (address) {
    slots.newAddress = address.address;
    if (address.recipient) slots.newRecipient = address.recipient;
    if (address.phone) slots.newPhone = address.phone;
    slots.changeField = 'address';
    const kept = contactKept(address.remarks.map((remark) => toSimplified(remark)));
    if (kept.length > 0) slots.keepsContact = kept;
  } else if (mobile) {
    slots.newPhone = mobile;
    if (/电话|手机|号码|phone|number/i.test(simplified)) slots.changeField = 'phone';
  }
  if (!slots.changeField) {
    if (asksVariantChange(simplified)) slots.changeField = 'variant';
    else if (/地址|address/i.test(simplified)) slots.changeField = 'address';
    else if (/电话|手机号|phone/i.test(simplified) && /改|换|change|update/i.test(simplified))
      slots.changeField = 'phone';
  }
  return slots;
}

interface NewAddress {
  address: string;
  recipient?: string;
  phone?: string;
  /** "电话不变", "same name n phone", "thanks": said beside the address, not part of it. */
  remarks: string[];
}

/** An address written in English or pinyin ("88 Xinghu St, Suzhou, Jiangsu"), else one written in Chinese. */
function readNewAddress(original: string, simplified: string): NewAddress | null {
  const english = readEnglishAddress(original);
  if (english)
    return {
      address: english.text,
      remarks: english.remarks,
      ...(english.recipient && { recipient: english.recipient }),
      ...(english.phone && { phone: english.phone }),
    };
  const chinese = extractAddress(original, simplified);
  return chinese ? splitAddressParts(chinese) : null;
}

/** "same name n phone" → both; "电话不变" → the phone; "thanks" → nothing. */
function contactKept(remarks: readonly string[]): ('recipient' | 'phone')[] {
  const text = remarks.join(' ');
  if (!/same|unchanged|keep|as before|不变|不用改|不改|照旧|一样|没变/i.test(text)) return [];
  const recipient = /name|recipient|receiver|收件人|收货人|姓名|名字/i.test(text);
  const phone = /phone|number|mobile|\btel\b|电话|手机|号码/i.test(text);
  const kept: ('recipient' | 'phone')[] = [];
  if (recipient || !phone) kept.push('recipient');
  if (phone || !recipient) kept.push('phone');
  return kept;
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
function splitAddressParts(text: string): NewAddress {
  // "…502，收件人不变" / "…, thanks": remarks about the rest of the order are not part of the address.
  const remark = /不变|不用改|不改|照旧|一样|谢谢|麻烦|^(?:thanks|unchanged|same)$/i;
  const words = text.split(/[\s,，;；。!！]+/).filter(Boolean);
  const isRemark = (part: string) => remark.test(toSimplified(part));
  const parts = words.filter((part) => !isRemark(part));
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
    remarks: words.filter(isRemark),
    ...(recipient && { recipient }),
    ...(phone && { phone: phone.replace(/^\+?86/, '') }),
  };
}

const addressMarkers =
  /省|市|区|县|镇|路|街|号|弄|村|室|栋|幢|\broad\b|\bstreet\b|\bst\.|\bavenue\b|district/i;
/** A place: an administrative or street word; "尾号0101" is not one. */
const placeMarkers =
  /省|市|区|县|镇|乡|村|路|街|大道|弄|巷|胡同|小区|花园|大厦|公寓|栋|幢|单元|\broad\b|\bstreet\b|\bst\.|\bavenue\b|district/i;

/** "换成XL", "颜色改成黑色", "change the size": the goods, not the delivery details. */
const variantChange =
  /(?:换|改)(?:成|个|一个|到)?\s*(?:XXXL|XXL|XL|XS|S|M|L|\d{2,3}\s*(?:码|号|mm)|[大小]一[码号])(?![A-Za-z])|尺码|码数|颜色|规格|型号|\b(?:the )?(?:size|colou?r|variant)\b/i;
const placeWords = /省|市|区|县|路|街|弄|室|栋|幢|\b(?:road|street|avenue|district)\b/i;

function asksVariantChange(simplified: string): boolean {
  return variantChange.test(simplified) && !placeWords.test(simplified);
}
