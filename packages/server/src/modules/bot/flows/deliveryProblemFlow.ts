import type { CommerceOrder } from '../../commerce/connector';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import {
  answer,
  button,
  connectorFailure,
  formatTime,
  parseYesNo,
  reply,
  say,
  yesNoButtons,
} from './flowKit';
import { describeShipment } from './shipmentSummary';

type Problem = 'not_received' | 'damaged' | 'wrong_item';

const problemPatterns: [Problem, RegExp][] = [
  ['damaged', /破|碎|坏|压扁|漏|damaged|broken|crushed|leak/i],
  ['wrong_item', /错|少|漏发|不对|wrong|missing/i],
  [
    'not_received',
    /没收到|没有收到|未收到|没到|签收|丢|not (received|arrived)|didn'?t (get|receive)|never (came|arrived)|lost/i,
  ],
];

/**
 * Problems with a delivery: "delivered but not received" (where it was left, then a person checks with the
 * carrier), damaged or wrong goods (straight into a return with the reason set), or a parcel in trouble.
 */
export const deliveryProblemFlow: Flow = {
  name: 'delivery_problem',
  orderFilter: (order) => order.status === 'shipped' || order.status === 'delivered',
  expectsAnswer: (step, text) =>
    (step === 'problem' && detectProblem(text) !== null) ||
    (step.startsWith('confirm') && parseYesNo(text) !== null),
  async run(context, order) {
    if (!order) throw new Error('delivery_problem runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (state.step?.startsWith('confirm')) return confirmNext(context);
    const problem = state.slots.problem ?? detectProblem(context.text);
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
        ]),
      );
    }
    state.slots.problem = problem;
    if (problem === 'not_received') return notReceived(context, order);
    state.slots.reason = problem === 'damaged' ? 'damaged_in_transit' : 'not_as_described';
    state.step = 'confirm_return';
    return answer(
      reply(
        say(
          locale,
          '非常抱歉给您带来不便！这种情况可以为您办理退换货，退回运费由我们承担。现在为您申请吗？',
          "I'm so sorry about that! We'll take it back and cover the return shipping. Shall I start the return now?",
        ),
        yesNoButtons(locale),
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
  const decision = parseYesNo(context.text);
  if (decision === null)
    return answer(
      reply(say(locale, '请回复“确认”或“算了”。', 'Please answer "yes" or "no".'), yesNoButtons(locale)),
    );
  const step = state.step;
  state.step = null;
  if (decision === 'no')
    return answer(
      reply(say(locale, '好的，如果还有问题随时找我。', 'OK, ask me any time if it comes up again.')),
    );
  if (step === 'confirm_return') {
    const reason = state.slots.reason ?? 'damaged_in_transit';
    state.slots = { reason };
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

function detectProblem(text: string): Problem | null {
  return problemPatterns.find(([, pattern]) => pattern.test(text))?.[0] ?? null;
}
