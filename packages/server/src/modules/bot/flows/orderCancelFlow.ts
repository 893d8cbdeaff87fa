import type { CommerceOrder } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import type { Flow } from './flowKit';
import { returnAfterDelivery, unpaidNothingToRefund } from './returnNotice';
import { explainWholeOrderOnly, reorderHint, wantsOnlySomeItems, wholeOrderAnswer } from './wholeOrderOnly';
import {
  answer,
  button,
  actionNotDone,
  formatDate,
  formatMoney,
  humanButton,
  parseYesNo,
  wantsItGone,
  reply,
  say,
  yesNoButtons,
} from './flowKit';

/** Cancels an unshipped order after an explicit yes; what the shop answers is what the shopper hears. */
export const orderCancelFlow: Flow = {
  name: 'order_cancel',
  orderFilter: (order) => order.status === 'unpaid' || order.status === 'paid',
  expectsAnswer: (step, text) => step === 'confirm' && parseYesNo(text, wantsItGone) !== null,
  async run(context, order) {
    if (!order) throw new Error('order_cancel runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (order.status === 'shipped' || order.status === 'delivered') {
      const after = returnAfterDelivery(context, order);
      const delivered = order.status === 'delivered';
      return answer(
        reply(
          say(
            locale,
            `订单 ${order.orderNumber} ${delivered ? '已经签收' : '已经发货'}，无法取消。${after.zh}`,
            `Order ${order.orderNumber} has already ${delivered ? 'been delivered' : 'shipped'}, so it can't be cancelled. ${after.en}`,
          ),
          [
            ...(after.returnable
              ? [button(locale, '申请退货', 'Return it', '我要退货', 'I want to return it')]
              : []),
            humanButton(locale),
          ],
        ),
      );
    }
    // Already cancelled: said with the day, and where the money stands when there was a payment.
    if (order.status === 'cancelled')
      return order.paidAt
        ? {
            ...answer(reply(cancelledOn(order, locale))),
            switchTo: 'refund',
          }
        : answer(reply(`${cancelledOn(order, locale)}${unpaidNothingToRefund(locale)}`));
    if (order.status !== 'unpaid' && order.status !== 'paid')
      return answer(
        reply(
          say(
            locale,
            `订单 ${order.orderNumber} 当前无法取消（状态已变更）。`,
            `Order ${order.orderNumber} can no longer be cancelled.`,
          ),
        ),
      );
    // "只取消防晒霜": the shop cancels whole orders only, which the shopper hears before any yes counts.
    if (wantsOnlySomeItems(context, order) && (state.step !== 'confirm' || context.said.onlySomeItems))
      return explainWholeOrderOnly(context, order);
    if (state.step !== 'confirm') {
      state.step = 'confirm';
      const refundNote = order.paidAt
        ? say(
            locale,
            `已付的 ${formatMoney(order.totalCents)} 会原路退回。`,
            `The ${formatMoney(order.totalCents)} you paid goes back to your original payment method.`,
          )
        : '';
      return answer(
        reply(
          say(
            locale,
            `确认要取消订单 ${order.orderNumber} 吗？${refundNote}`,
            `Do you want to cancel order ${order.orderNumber}? ${refundNote}`,
          ).trim(),
          yesNoButtons(locale),
        ),
      );
    }
    const decision = parseYesNo(context.text, wholeOrderAnswer(context));
    if (decision === null)
      return answer(
        reply(
          say(
            locale,
            '请回复“确认”取消订单，或“算了”保留订单。',
            'Please answer "yes" to cancel or "no" to keep the order.',
          ),
          yesNoButtons(locale),
        ),
      );
    state.step = null;
    if (decision === 'no')
      return answer(reply(say(locale, '好的，订单保持不变。', "OK, I've left the order as it is.")));
    const cancelled = await context.commerce.cancelOrder(order.orderNumber, 'customer request via chat');
    if (!cancelled.ok)
      return actionNotDone(
        locale,
        cancelled.failure,
        {
          zh: `抱歉，订单 ${order.orderNumber} 的状态刚刚发生了变化，已无法取消。`,
          en: `Sorry, order ${order.orderNumber} changed state in the meantime and can't be cancelled.`,
        },
        ['rejected', 'not_found'],
      );
    const refund = order.paidAt
      ? say(
          locale,
          `退款 ${formatMoney(order.totalCents)} 将在 1–3 个工作日内原路退回。`,
          `The refund of ${formatMoney(order.totalCents)} reaches your original payment method in 1–3 working days.`,
        )
      : '';
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 已成功取消。${refund}${reorderHint(context)}`,
          `Order ${order.orderNumber} has been cancelled. ${refund} ${reorderHint(context)}`,
        ).trim(),
      ),
    );
  },
};

function cancelledOn(order: CommerceOrder, locale: ReplyLocale): string {
  const day = order.cancelledAt ? formatDate(order.cancelledAt, locale) : null;
  return say(
    locale,
    `订单 ${order.orderNumber} 已经取消${day ? `（${day}）` : ''}。`,
    `Order ${order.orderNumber} is already cancelled${day ? ` (${day})` : ''}. `,
  );
}
