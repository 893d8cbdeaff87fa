import type { CommerceOrder, CommerceRefund } from '../../commerce';
import { checkReturnEligibility } from '../../commerce';
import { isReturnReason } from './returnExchangeFlow';
import { unpaidNothingToRefund } from './returnNotice';
import type { ReplyLocale } from '../../../replyLocale';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import {
  answer,
  actionNotDone,
  connectorFailure,
  formatMoney,
  formatTime,
  humanButton,
  parseYesNo,
  wantsItGone,
  reply,
  say,
  yesNoButtons,
} from './flowKit';

/**
 * Refund status, or starting one where the shop allows it without anything coming back (a paid order that
 * was cancelled, a return the warehouse received). Otherwise the shopper is pointed to the right path.
 */
export const refundFlow: Flow = {
  name: 'refund',
  orderFilter: (order) => order.status !== 'unpaid',
  expectsAnswer: (step, text) => step.startsWith('confirm') && parseYesNo(text, wantsItGone) !== null,
  async run(context, order) {
    if (!order) throw new Error('refund runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (state.step?.startsWith('confirm')) return answerConfirmation(context, order);
    const refunds = await context.commerce.listRefunds(order.orderNumber);
    if (!refunds.ok) return connectorFailure(locale, refunds.failure);
    const latest = refunds.value.at(-1);
    if (latest) return answer(reply(describeRefund(latest, locale)));
    if (!order.paidAt && (order.status === 'cancelled' || order.status === 'unpaid'))
      return answer(
        reply(
          order.status === 'cancelled'
            ? unpaidNothingToRefund(locale)
            : say(
                locale,
                `订单 ${order.orderNumber} 还没有付款，没有产生扣款，不需要退款；不想要的话直接取消订单就可以。`,
                `Order ${order.orderNumber} isn't paid yet, so nothing was charged and there's nothing to refund; if you don't want it, just cancel it.`,
              ),
          [humanButton(locale)],
        ),
      );
    if (order.status === 'cancelled' && order.paidAt)
      return askToConfirm(
        context,
        'confirm_refund',
        say(
          locale,
          `订单 ${order.orderNumber} 已取消但还没有退款记录，需要我为您发起 ${formatMoney(order.totalCents)} 的退款吗？`,
          `Order ${order.orderNumber} was cancelled but has no refund yet. Shall I start a refund of ${formatMoney(order.totalCents)}?`,
        ),
      );
    if (order.status === 'paid')
      return askToConfirm(
        context,
        'confirm_cancel',
        say(
          locale,
          `订单 ${order.orderNumber} 还未发货，取消订单即可全额退款。需要为您取消吗？`,
          `Order ${order.orderNumber} hasn't shipped; cancelling it refunds it in full. Shall I cancel it?`,
        ),
      );
    // Past the return window (or goods that cannot come back): the return path says why, before any offer.
    if (
      order.status === 'delivered' &&
      !checkReturnEligibility(
        order,
        isReturnReason(state.memory.reason) ? state.memory.reason : null,
        context.commerce.policy(),
        context.now,
      ).eligible
    )
      return { ...answer(), switchTo: 'return_exchange' };
    if (order.status === 'delivered')
      return askToConfirm(
        context,
        'confirm_return',
        say(
          locale,
          '已签收的订单需要先申请退货，商品退回仓库后为您退款。现在申请退货吗？',
          'A delivered order is refunded after a return reaches our warehouse. Shall we start a return?',
        ),
      );
    if (order.status === 'returned') return returnedOrder(context, order);
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 目前${order.status === 'shipped' ? '在运输途中' : '的状态'}无法直接退款，签收后可以申请退货退款。`,
          `Order ${order.orderNumber} can't be refunded directly while ${order.status}; once delivered you can return it for a refund.`,
        ),
        [humanButton(locale)],
      ),
    );
  },
};

function askToConfirm(context: FlowContext, step: string, text: string): FlowResult {
  context.state.step = step;
  return answer(reply(text, yesNoButtons(context.turn.locale)));
}

async function answerConfirmation(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  const decision = parseYesNo(context.text, wantsItGone);
  if (decision === null)
    return answer(
      reply(say(locale, '请回复“确认”或“算了”。', 'Please answer "yes" or "no".'), yesNoButtons(locale)),
    );
  const step = state.step;
  state.step = null;
  if (decision === 'no')
    return answer(reply(say(locale, '好的，有需要随时找我。', 'OK, just ask whenever you need.')));
  if (step === 'confirm_cancel') {
    // The shopper already said yes to cancelling: the cancel flow goes straight to the action.
    state.step = 'confirm';
    return { ...answer(), switchTo: 'order_cancel' };
  }
  if (step === 'confirm_return') return { ...answer(), switchTo: 'return_exchange' };
  const started = await context.commerce.startRefund(order.orderNumber, 'customer request via chat');
  if (!started.ok)
    return actionNotDone(locale, started.failure, {
      zh: '抱歉，系统显示该订单目前不能发起退款，我为您转给人工客服核实。',
      en: "Sorry, the shop system won't start a refund for this order right now; a person can check it.",
    });
  return answer(reply(describeRefund(started.value, locale)));
}

async function returnedOrder(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { locale } = context.turn;
  const returns = await context.commerce.listReturns(order.orderNumber);
  if (!returns.ok) return connectorFailure(locale, returns.failure);
  const latest = returns.value.at(-1);
  if (latest?.status === 'received' || latest?.status === 'completed')
    return askToConfirm(
      context,
      'confirm_refund',
      say(
        locale,
        `退货 ${latest.returnNumber} 仓库已签收，需要我现在为您发起退款吗？`,
        `The warehouse has received return ${latest.returnNumber}. Shall I start the refund now?`,
      ),
    );
  return answer(
    reply(
      say(
        locale,
        `退货${latest ? ` ${latest.returnNumber}` : ''}还在处理中，仓库签收退回的商品后 1–2 个工作日内为您退款。`,
        `The return${latest ? ` ${latest.returnNumber}` : ''} is still under way; the refund follows within 1–2 working days of the warehouse receiving it.`,
      ),
    ),
  );
}

export function describeRefund(refund: CommerceRefund, locale: ReplyLocale): string {
  const amount = formatMoney(refund.amountCents);
  const method = paymentMethodName(refund.method);
  if (refund.status === 'succeeded')
    return say(
      locale,
      `订单 ${refund.orderNumber} 的退款 ${amount} 已退款成功，于 ${formatTime(refund.settledAt ?? refund.createdAt, locale)} 原路退回到您的${method.zh}，请留意账户。`,
      `The refund of ${amount} for order ${refund.orderNumber} went through: it went back to your ${method.en} on ${formatTime(refund.settledAt ?? refund.createdAt, locale)}.`,
    );
  if (refund.status === 'failed')
    return say(
      locale,
      `订单 ${refund.orderNumber} 的退款 ${amount} 处理失败，请联系人工客服处理。`,
      `The refund of ${amount} for order ${refund.orderNumber} failed; please talk to a person.`,
    );
  const window = arrivalWindow(refund);
  return say(
    locale,
    `订单 ${refund.orderNumber} 的退款 ${amount} 正在处理中（${formatTime(refund.createdAt, locale)} 发起），将原路退回到您的${method.zh}，${window.zh}。`,
    `The refund of ${amount} for order ${refund.orderNumber} is being processed (started ${formatTime(refund.createdAt, locale)}); it goes back to your ${method.en} ${window.en}.`,
  );
}

function paymentMethodName(method: string): { zh: string; en: string } {
  if (/wechat|weixin/i.test(method)) return { zh: '微信支付', en: 'WeChat Pay' };
  if (/alipay/i.test(method)) return { zh: '支付宝', en: 'Alipay' };
  if (/card|bank|visa|master|unionpay/i.test(method)) return { zh: '银行卡', en: 'card' };
  return { zh: '原支付账户', en: 'original payment method' };
}

/** How long the money takes: what the shop noted on this refund, else what its payment method usually takes. */
function arrivalWindow(refund: CommerceRefund): { zh: string; en: string } {
  const noted = /(\d+)\s*[–~-]\s*(\d+)\s*(?:个)?(?:工作日|working days)/i.exec(
    `${refund.note?.zh ?? ''} ${refund.note?.en ?? ''}`,
  );
  if (noted)
    return {
      zh: `预计 ${noted[1]}–${noted[2]} 个工作日到账`,
      en: `within ${noted[1]}–${noted[2]} working days`,
    };
  if (/wechat|weixin|alipay/i.test(refund.method))
    return { zh: '一般即时到账，最晚 24 小时', en: 'usually at once, and within 24 hours at most' };
  return {
    zh: '一般 1–3 个工作日到账（以银行入账为准）',
    en: 'usually within 1–3 working days, depending on the bank',
  };
}
