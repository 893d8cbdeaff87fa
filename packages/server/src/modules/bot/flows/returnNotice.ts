import type { CommerceOrder, CommerceReturn, ReturnReason } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import type { FlowContext, FlowResult } from './flowKit';
import { checkReturnEligibility } from '../../commerce';
import { answer, button, connectorFailure, formatDate, formatTime, reply, say } from './flowKit';

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
  const place = returnPlace(rma);
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

function returnPlace(rma: CommerceReturn): string {
  const address = rma.returnAddress;
  return `${address.province}${address.city}${address.district}${address.line}，${address.recipient}，${address.phone}`;
}

/**
 * "我的退货你们收到了吗": where the order's latest return or exchange stands, and what comes next — send it
 * back (with the address), on its way, received and being checked, or done.
 */
export async function describeReturnProgress(
  context: FlowContext,
  order: CommerceOrder,
): Promise<FlowResult> {
  const { locale } = context.turn;
  const returns = await context.commerce.listReturns(order.orderNumber);
  if (!returns.ok) return connectorFailure(locale, returns.failure);
  const rma = returns.value.at(-1);
  const refundButton = button(locale, '查退款进度', 'Refund status', '退款到哪了', 'where is my refund');
  if (!rma)
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 已经有退换货或退款在处理中。`,
          `Order ${order.orderNumber} already has a return or refund under way.`,
        ),
        [refundButton],
      ),
    );
  const exchange = rma.kind === 'exchange';
  const what = say(locale, exchange ? '换货' : '退货', exchange ? 'exchange' : 'return');
  const since = formatTime(rma.createdAt, locale);
  switch (rma.status) {
    case 'requested':
    case 'approved':
      return answer(
        reply(
          say(
            locale,
            `${what}单 ${rma.returnNumber}（${since} 提交）${rma.status === 'approved' ? '已审核通过' : '已提交'}，仓库还没有收到退回的包裹。请寄回：${returnPlace(rma)}，包裹内附纸条写明 ${rma.returnNumber}。仓库签收后会尽快处理。`,
            `Your ${what} ${rma.returnNumber} (requested ${since}) is ${rma.status === 'approved' ? 'approved' : 'registered'}; the warehouse hasn't received the parcel yet. Please send it to: ${returnPlace(rma)}, with a note saying ${rma.returnNumber} inside. We handle it as soon as the warehouse signs for it.`,
          ),
        ),
      );
    case 'in_transit':
      return answer(
        reply(
          say(
            locale,
            `${what}单 ${rma.returnNumber} 的包裹正在寄回途中，仓库还没有签收。签收后${exchange ? '会尽快为您寄出新的商品' : ' 1–2 个工作日内为您退款'}。`,
            `The parcel for ${what} ${rma.returnNumber} is on its way back; the warehouse hasn't signed for it yet. Once it does, ${exchange ? 'we send out the replacement' : 'the refund follows within 1–2 working days'}.`,
          ),
        ),
      );
    case 'received':
      return answer(
        reply(
          say(
            locale,
            `仓库已经收到${what}单 ${rma.returnNumber} 的包裹，正在处理，${exchange ? '会尽快为您寄出新的商品' : '1–2 个工作日内为您退款'}。`,
            `The warehouse has received the parcel for ${what} ${rma.returnNumber} and is handling it; ${exchange ? 'the replacement goes out shortly' : 'the refund follows within 1–2 working days'}.`,
          ),
          exchange ? [] : [refundButton],
        ),
      );
    case 'completed':
      return answer(
        reply(
          say(
            locale,
            `${what}单 ${rma.returnNumber} 已处理完成${exchange ? '，新的商品已为您寄出' : '，退款已发起'}。`,
            `${exchange ? 'Exchange' : 'Return'} ${rma.returnNumber} is complete${exchange ? '; the replacement has been sent' : ' and the refund has been started'}.`,
          ),
          exchange ? [] : [refundButton],
        ),
      );
    default:
      return answer(
        reply(
          say(
            locale,
            `${what}单 ${rma.returnNumber}（${since} 提交）正在处理中。`,
            `Your ${what} ${rma.returnNumber} (requested ${since}) is being handled.`,
          ),
          [refundButton],
        ),
      );
  }
}

/**
 * What an order that cannot be cancelled any more still allows: a return within the window counted from
 * delivery, said with the date when it is known; for goods sold "no return unless defective" (food,
 * made-to-order) only a defect or transit damage. `returnable` says whether a return button makes sense.
 */
export function returnAfterDelivery(
  context: FlowContext,
  order: CommerceOrder,
): { zh: string; en: string; returnable: boolean } {
  const policy = context.commerce.policy();
  const days = policy.returnWindowDays;
  if (order.items.every((item) => item.returnPolicy === 'no_return_unless_defective'))
    return {
      zh: '这件商品属于食品或定制类，不支持无理由退货；签收后如有质量问题或运输破损，48 小时内拍照联系我们处理。',
      en: "This item is food or made-to-order, so it can't be returned without a reason; if it arrives defective or damaged, send us photos within 48 hours of delivery.",
      returnable: false,
    };
  const eligibility = checkReturnEligibility(order, null, policy, context.now);
  if (eligibility.eligible)
    return {
      zh: `可以在 ${formatDate(eligibility.deadline, context.turn.locale)} 前申请 ${days} 天无理由退货。`,
      en: `You can return it without a reason until ${formatDate(eligibility.deadline, context.turn.locale)}.`,
      returnable: true,
    };
  if (eligibility.reason === 'window_passed')
    return {
      zh: `${days} 天无理由退货期限已过；如有质量问题，可以申请保修。`,
      en: `The ${days}-day return window has passed; for a defect, the warranty may help.`,
      returnable: false,
    };
  return {
    zh: `签收后 ${days} 天内可以申请无理由退货。`,
    en: `You can return it within ${days} days of delivery.`,
    returnable: order.status === 'shipped',
  };
}

/** An order never paid has nothing to refund; a charge seen anyway is for a person to trace. */
export function unpaidNothingToRefund(locale: ReplyLocale): string {
  return say(
    locale,
    '这个订单取消前没有付款，没有产生扣款，所以不需要退款。如果您看到了扣款记录，可以转人工客服帮您核实。',
    'It was never paid, so nothing was charged and there is nothing to refund. If you do see a charge, a person can look into it.',
  );
}
