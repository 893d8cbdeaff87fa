import type { CommerceOrder } from '../../commerce';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import {
  answer,
  button,
  connectorFailure,
  formatTime,
  humanButton,
  parseYesNo,
  reply,
  say,
  yesNoButtons,
} from './flowKit';
import { describeShipment } from './shipmentSummary';
import { detectDeliveryProblem, detectReturnReason } from './shopperSlots';

/**
 * Problems with a delivery: "delivered but not received" (where it was left, then a person checks with the
 * carrier), damaged or wrong goods (straight into a return with the reason set), or a parcel in trouble.
 */
export const deliveryProblemFlow: Flow = {
  name: 'delivery_problem',
  orderFilter: (order) => order.status === 'shipped' || order.status === 'delivered',
  expectsAnswer: (step, text) =>
    (step === 'problem' &&
      (detectDeliveryProblem(text) !== null || detectReturnReason(text) === 'defective')) ||
    (step === 'confirm_return' && chooseRemedy(text) !== null) ||
    (step.startsWith('confirm') && parseYesNo(text) !== null),
  // The damage question asks for photos: a photo sent then belongs to this flow.
  expectsPhoto: (step) => step === 'confirm_return',
  async run(context, order) {
    if (!order) throw new Error('delivery_problem runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (state.step?.startsWith('confirm')) return confirmNext(context);
    const problem = state.slots.problem ?? state.memory.problem;
    // "没声音 / 开不了机 / 坏的": the goods arrived but do not work — a return or exchange for a defect.
    if (
      !problem &&
      (state.slots.reason ?? state.memory.reason) === 'defective' &&
      order.status === 'delivered'
    ) {
      state.step = null;
      state.memory.reason = 'defective';
      return { ...answer(), switchTo: 'return_exchange' };
    }
    if (!problem) {
      state.step = 'problem';
      return answer(
        reply(say(locale, '请问遇到了什么问题？', 'What went wrong?'), [
          button(
            locale,
            '显示签收但没收到',
            'Not received',
            '显示签收但我没收到',
            'it says delivered but I did not receive it',
          ),
          button(locale, '商品破损', 'Damaged', '收到的商品破损了', 'it arrived damaged'),
          button(locale, '错发/漏发', 'Wrong or missing item', '发错货了', 'wrong item'),
          button(locale, '质量问题', 'Does not work', '商品有质量问题，用不了', 'it does not work'),
        ]),
      );
    }
    state.slots.problem = problem;
    if (problem === 'not_received') return notReceived(context, order);
    state.slots.reason = problem === 'damaged' ? 'damaged_in_transit' : 'not_as_described';
    state.step = 'confirm_return';
    const what =
      problem === 'damaged'
        ? say(locale, '收到的商品有破损', 'the damage')
        : say(locale, '发错或少发了商品', 'the wrong or missing item');
    return answer(
      reply(
        say(
          locale,
          `非常抱歉${what}！请在签收后 48 小时内拍下商品、外包装和快递面单的照片发给我。我们可以为您补发新的，或者退货退款，寄回运费都由我们承担。您希望怎么处理？`,
          `I'm so sorry about ${what}! Within 48 hours of delivery, please send me photos of the item, the box and the shipping label. We can send you a replacement or take it back for a refund, and we pay the postage either way. Which would you prefer?`,
        ),
        [
          button(locale, '补发新的', 'Send a replacement', '补发新的', 'send a replacement'),
          button(locale, '退货退款', 'Refund', '退货退款', 'return it for a refund'),
          humanButton(locale),
        ],
      ),
    );
  },
};

async function notReceived(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  if (order.status !== 'delivered') return describeShipment(context, order);
  const shipments = await context.commerce.listShipments(order.orderNumber);
  if (!shipments.ok) return connectorFailure(locale, shipments.failure);
  const shipment = shipments.value.at(-1);
  const signed = shipment?.events.at(-1);
  const where = signed ? say(locale, `（${signed.descriptionZh}）`, ` (${signed.descriptionEn})`) : '';
  const when = shipment?.deliveredAt ?? order.deliveredAt;
  state.step = 'confirm_investigation';
  return answer(
    reply(
      say(
        locale,
        `快递显示订单 ${order.orderNumber} 已于 ${when ? formatTime(when, locale) : ''} 签收${where}。建议先看看门卫、快递柜或家人是否代收。如果仍然找不到，需要我为您登记并转人工联系快递核实吗？`,
        `The carrier says order ${order.orderNumber} was delivered ${when ? `on ${formatTime(when, locale)}` : ''}${where}. Please check with reception, parcel lockers or family first. If it's still missing, shall I open a case and connect you to a person who will check with the carrier?`,
      ),
      yesNoButtons(locale),
    ),
  );
}

async function confirmNext(context: FlowContext): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  const step = state.step;
  const decision = parseYesNo(context.text);
  const remedy = step === 'confirm_return' ? chooseRemedy(context.text) : null;
  if (decision === null && remedy === null && step === 'confirm_return' && turn.attachments.length > 0)
    return answer(
      reply(
        say(
          locale,
          '收到照片了，谢谢！您希望补发新的，还是退货退款？',
          'Thanks, I have the photo. Would you like a replacement or a refund?',
        ),
        [
          button(locale, '补发新的', 'Send a replacement', '补发新的', 'send a replacement'),
          button(locale, '退货退款', 'Refund', '退货退款', 'return it for a refund'),
        ],
      ),
    );
  if (decision === null && remedy === null)
    return answer(
      reply(say(locale, '请回复“确认”或“算了”。', 'Please answer "yes" or "no".'), yesNoButtons(locale)),
    );
  state.step = null;
  if (decision === 'no' && remedy === null)
    return answer(
      reply(say(locale, '好的，如果还有问题随时找我。', 'OK, ask me any time if it comes up again.')),
    );
  if (step === 'confirm_return') {
    const reason = state.slots.reason ?? 'damaged_in_transit';
    const kind = remedy ?? state.memory.returnKind ?? 'return';
    state.slots = { reason, kind };
    state.memory.returnKind = kind;
    state.memory.reason = reason === 'not_as_described' ? 'not_as_described' : 'damaged_in_transit';
    return { ...answer(), switchTo: 'return_exchange' };
  }
  return {
    replies: [
      reply(
        say(
          locale,
          '已为您登记，正在转接人工客服联系快递公司核实，请稍候。',
          "I've opened a case and I'm connecting you to a person who will check with the carrier.",
        ),
      ),
    ],
    handoff: { reason: 'delivery_investigation' },
  };
}

/** "补发 / 换新" is an exchange for the same item; "退款 / 退货" a return. */
function chooseRemedy(text: string): 'exchange' | 'return' | null {
  if (/补发|换新|换一个|重发|replace|replacement|resend|new one/i.test(text)) return 'exchange';
  if (/退款|退货|退钱|refund|return/i.test(text)) return 'return';
  return null;
}
