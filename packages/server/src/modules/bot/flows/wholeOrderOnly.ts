import type { CommerceOrder } from '../../commerce';
import type { FlowContext, FlowResult } from './flowKit';
import { answer, button, formatMoney, humanButton, reply, say, wantsItGone } from './flowKit';
import { forgetSlots } from './shopperSlots';

/**
 * The shop connector cancels whole orders only (`CommerceConnector.cancelOrder`). A shopper who wants to cancel
 * one item of several ("只取消防晒霜，裤子还要") hears that plainly, with the ways that remain, and is asked
 * whether to cancel the whole order instead — a yes then means the whole order, because that is what was asked.
 */
export function wantsOnlySomeItems(context: FlowContext, order: CommerceOrder): boolean {
  if (context.state.memory.onlySomeItems !== true) return false;
  // "cancel the whole order" after "remove the charger": the shopper has moved on to the whole order.
  if (!context.said.onlySomeItems && wholeOrderWords.test(context.text)) {
    forgetSlots(context.state, ['onlySomeItems']);
    return false;
  }
  const units = order.items.reduce((total, item) => total + item.quantity, 0);
  return units > 1;
}

export function explainWholeOrderOnly(context: FlowContext, order: CommerceOrder): FlowResult {
  const { state, turn } = context;
  const { locale } = turn;
  state.step = 'confirm';
  state.slots.wholeInstead = 'yes';
  forgetSlots(state, ['onlySomeItems']);
  const paid = order.paidAt !== null;
  const itemsZh = order.items.map((item) => item.titleZh).join('、');
  const itemsEn = order.items.map((item) => item.titleEn).join('; ');
  const refundZh = paid ? `，已付的 ${formatMoney(order.totalCents)} 全额原路退回` : '';
  const refundEn = paid ? `, and the full ${formatMoney(order.totalCents)} you paid is refunded` : '';
  const returnOption = paid ? returnAfterDeliveryOption(context, order) : null;
  const zhOptions = [
    '整单取消，再重新下单需要的商品',
    ...(returnOption ? [returnOption.zh] : []),
    '转人工客服',
  ];
  const enOptions = [
    'cancel the whole order and order again what you want',
    ...(returnOption ? [returnOption.en] : []),
    'talk to a person',
  ];
  return answer(
    reply(
      say(
        locale,
        `抱歉，订单 ${order.orderNumber} 里的商品不能单独取消，只能整单取消（${itemsZh} 会一起取消${refundZh}）。您可以：${zhOptions.map((option, index) => `${index + 1}. ${option}`).join('；')}。要整单取消吗？`,
        `Sorry, single items of order ${order.orderNumber} can't be cancelled; only the whole order can (${itemsEn} would all be cancelled${refundEn}). You can: ${enOptions.map((option, index) => `${index + 1}. ${option}`).join('; ')}. Cancel the whole order?`,
      ),
      [
        button(locale, '整单取消', 'Cancel whole order', '确认整单取消', 'yes, cancel it all'),
        button(locale, '保留订单', 'Keep the order', '不取消了，保留订单', 'no, keep the order'),
        humanButton(locale),
      ],
    ),
  );
}

/** After that question, "整单取消 / cancel the whole order" is a yes too; "不要整单取消" is not. */
export function wholeOrderAnswer(context: FlowContext): RegExp {
  return context.state.slots.wholeInstead ? wholeOrderYes : wantsItGone;
}

/** "需要的商品可以重新下单": said once the whole order is cancelled instead of one item. */
export function reorderHint(context: FlowContext): string {
  if (!context.state.slots.wholeInstead) return '';
  return say(
    context.turn.locale,
    '还需要的商品可以重新下单。',
    'You can place a new order for the items you still want.',
  );
}

const wholeOrderWords = /整单|整个订单|全部取消|都取消|whole|entire|everything|cancel (?:it )?all/i;
const wholeOrderYes = new RegExp(
  `${wantsItGone.source}|^(?!不|别|没|no\\b|not\\b|don)(?:.*(?:${wholeOrderWords.source}))`,
);

/** Keep the order and return what is not wanted — unless an item is excluded from no-reason returns. */
function returnAfterDeliveryOption(
  context: FlowContext,
  order: CommerceOrder,
): { zh: string; en: string } | null {
  const days = context.commerce.policy().returnWindowDays;
  const excluded = order.items.filter((item) => item.returnPolicy !== '7_day_no_reason');
  if (excluded.length === order.items.length) return null;
  const noteZh = excluded.length
    ? `（${excluded.map((item) => item.titleZh).join('、')} 不支持无理由退货）`
    : '';
  const noteEn = excluded.length
    ? ` (${excluded.map((item) => item.titleEn).join('; ')} can't be returned without a reason)`
    : '';
  return {
    zh: `保留订单，收货后 ${days} 天内把不需要的商品申请无理由退货${noteZh}`,
    en: `keep the order and return the item you don't want within ${days} days of delivery${noteEn}`,
  };
}
