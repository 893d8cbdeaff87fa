import type { CommerceReturn, ReturnReason } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import { say } from './flowKit';

const shopPaysFreight: readonly ReturnReason[] = ['defective', 'damaged_in_transit', 'not_as_described'];

/**
 * What the shopper is told once a return or exchange order exists — its number, where to send the parcel,
 * what to write on it, who pays the freight — whether the bot or an agent started it.
 */
export function describeCreatedReturn(
  rma: CommerceReturn,
  reason: ReturnReason | null,
  locale: ReplyLocale,
): string {
  const address = rma.returnAddress;
  const place = `${address.province}${address.city}${address.district}${address.line}，${address.recipient}，${address.phone}`;
  const freight =
    reason && shopPaysFreight.includes(reason)
      ? say(locale, '退回运费由我们承担。', "We'll cover the return shipping.")
      : say(locale, '无理由退货的退回运费需要您承担。', 'Return shipping for a no-reason return is on you.');
  return say(
    locale,
    `已提交，退换货单号 ${rma.returnNumber}。请在 7 天内寄回：${place}。包裹内请附纸条写明退货单号 ${rma.returnNumber}。${freight}`,
    `Done. Your return number is ${rma.returnNumber}. Please send the parcel within 7 days to: ${place}, and put a note with ${rma.returnNumber} inside. ${freight}`,
  );
}
