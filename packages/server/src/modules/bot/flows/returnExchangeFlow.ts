import type { CommerceOrder, ReturnReason, ReturnIneligibility } from '../../commerce';
import { returnReasons, checkReturnEligibility } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import type { FlowContext, FlowResult, Flow } from './flowKit';
import type { ShopperSlots } from './shopperSlots';
import { detectReturnReason, forgetSlots } from './shopperSlots';
import { describeCreatedReturn, describeReturnProgress, returnAfterDelivery } from './returnNotice';
import { bareSize, orderedSize, shiftSize } from './sizeSteps';
import {
  answer,
  button,
  actionNotDone,
  formatDate,
  humanButton,
  parseYesNo,
  reply,
  say,
  yesNoButtons,
} from './flowKit';

/**
 * Returns and exchanges: the shop's rules first (delivered, within the window, what the goods allow), then
 * the reason, then a confirmation; the return order (number, address, what to write on the parcel) comes
 * from the connector.
 */
export const returnExchangeFlow: Flow = {
  name: 'return_exchange',
  orderFilter: (order) => order.status === 'delivered',
  /** "如果颜色不合适能退吗" on a product's page, before any order: that product's return terms. */
  answerWithoutOrder: answerProductReturnTerms,
  expectsAnswer: (step, text) =>
    (step === 'reason' && detectReturnReason(text) !== null) ||
    ((step === 'size' || step === 'confirm') && bareSize(text) !== null) ||
    (step === 'confirm' && parseYesNo(text) !== null),
  async run(context, order) {
    if (!order) throw new Error('return_exchange runs with an order');
    const { state, turn } = context;
    const policy = context.commerce.policy();
    if (state.step === 'confirm') {
      // "换L" where a yes was asked: the size of the exchange, to confirm again with it.
      const size = state.slots.kind === 'exchange' ? sizeSaid(context) : null;
      if (!size) return confirmReturn(context, order);
      state.memory.variant = size;
      state.step = null;
    }
    if (state.step === 'size') {
      const size = sizeSaid(context);
      if (size) state.memory.variant = size;
      state.step = null;
    }
    state.slots.kind ??= state.memory.returnKind ?? 'return';
    const reason = state.slots.reason ?? state.memory.reason;
    const eligibility = checkReturnEligibility(
      order,
      isReturnReason(reason) ? reason : null,
      policy,
      context.now,
    );
    if (!eligibility.eligible)
      return explainIneligible(context, order, eligibility.reason, eligibility.deadline);
    if (!isReturnReason(reason)) {
      state.step = 'reason';
      return answer(
        reply(
          say(turn.locale, '请问退换货的原因是？', 'What is the reason for the return?'),
          reasonButtons(turn.locale),
        ),
      );
    }
    state.slots.reason = reason;
    const variant = wantedVariant(state.memory, order);
    // An exchange because of the size needs the size wanted before anything is confirmed.
    if (state.slots.kind === 'exchange' && reason === 'wrong_size' && !variant) {
      state.step = 'size';
      const bought = orderedSize(order);
      const nearby = bought
        ? [shiftSize(bought, -1), shiftSize(bought, 1)].filter((size): size is string => size !== null)
        : [];
      return answer(
        reply(
          say(
            turn.locale,
            `好的，请问要换成什么尺码？${bought ? `（您买的是 ${bought}）` : ''}`,
            `Sure — which size would you like instead?${bought ? ` (You bought ${bought}.)` : ''}`,
          ),
          nearby.map((size) => button(turn.locale, size, size, `换${size}`, `size ${size}`)),
        ),
      );
    }
    state.step = 'confirm';
    const kind =
      state.slots.kind === 'exchange'
        ? variant
          ? say(turn.locale, `换货（换成 ${variant}）`, `an exchange (for ${variant})`)
          : say(turn.locale, '换货', 'an exchange')
        : say(turn.locale, '退货', 'a return');
    return answer(
      reply(
        say(
          turn.locale,
          `确认为订单 ${order.orderNumber} 申请${kind}吗？（截止 ${formatDate(eligibility.deadline, turn.locale)}）确认后我就提交售后申请，并给您寄回地址。`,
          `Shall I request ${kind} for order ${order.orderNumber}? (possible until ${formatDate(eligibility.deadline, turn.locale)}) Once you confirm I'll submit it and give you the address to send it back to.`,
        ),
        yesNoButtons(turn.locale),
      ),
    );
  },
};

/** Before a purchase: "if", "万一", "买了…能退吗". */
export const beforePurchase =
  /如果|要是|万一|假如|假设|买(?:了|回来|回去)?(?:之后|以后|后)?\S{0,10}(?:能|可以|可不可以|支持)(?:退|换)|\bif\b|\bin case\b|\bwould i be able to return\b/i;

async function answerProductReturnTerms(context: FlowContext): Promise<FlowResult | null> {
  const { state, turn } = context;
  const mentionsOrder = turn.understanding.entities.some(
    (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
  );
  if (mentionsOrder || state.orderNumber || /订单|訂單|\border\b/i.test(context.text)) return null;
  if (!turn.pageProductId || !beforePurchase.test(context.text)) return null;
  const found = await context.commerce.getProduct(turn.pageProductId);
  if (!found.ok) return null;
  const product = found.value;
  const { locale } = turn;
  const days = context.commerce.policy().returnWindowDays;
  const name = say(locale, product.nameZh, product.nameEn);
  const note = product.attributes.find((attribute) => attribute.key === 'return_note');
  const terms =
    product.returnPolicy === 'no_return_unless_defective'
      ? say(
          locale,
          `${name} 属于食品或定制类商品，不支持无理由退换；收到后如有质量问题或运输破损，可以退换或退款。`,
          `${name} is food or made-to-order, so it can't be returned without a reason; if it arrives defective or damaged, it can be replaced or refunded.`,
        )
      : say(
          locale,
          `${name} 支持签收后 ${days} 天内无理由退换，商品和包装需完好、不影响二次销售。`,
          `${name} can be returned within ${days} days of delivery without a reason, as long as it and its packaging are in resaleable condition.`,
        );
  const caveat = note ? say(locale, `另外：${note.valueZh}。`, ` Note: ${note.valueEn}.`) : '';
  return answer(reply(`${terms}${caveat}`));
}

async function confirmReturn(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { state, turn } = context;
  const { locale } = turn;
  const decision = parseYesNo(context.text);
  if (decision === null)
    return answer(
      reply(
        say(
          locale,
          '请回复“确认”提交申请，或“算了”放弃。',
          'Please answer "yes" to submit or "no" to drop it.',
        ),
        yesNoButtons(locale),
      ),
    );
  state.step = null;
  if (decision === 'no')
    return answer(reply(say(locale, '好的，没有提交退换货申请。', "OK, I haven't submitted anything.")));
  const reason = state.slots.reason;
  const kind = state.slots.kind === 'exchange' ? 'exchange' : 'return';
  const variant = wantedVariant(state.memory, order);
  const created = await context.commerce.createReturn(order.orderNumber, {
    kind,
    reason: isReturnReason(reason) ? reason : 'no_longer_needed',
    note: kind === 'exchange' && variant ? `exchange for ${variant}` : turn.text,
  });
  if (!created.ok)
    return actionNotDone(locale, created.failure, {
      zh: '抱歉，系统判断该订单目前不符合退换货条件，我为您转给人工客服核实。',
      en: "Sorry, the shop system says this order can't be returned right now. A person can look into it.",
    });
  forgetSlots(state, ['returnKind', 'reason', 'variant', 'sizeStep']);
  return answer(reply(describeCreatedReturn(created.value, isReturnReason(reason) ? reason : null, locale)));
}

async function explainIneligible(
  context: FlowContext,
  order: CommerceOrder,
  reason: ReturnIneligibility,
  deadline: string | null,
): Promise<FlowResult> {
  const { locale } = context.turn;
  context.state.step = null;
  switch (reason) {
    case 'not_delivered':
      return notDeliveredYet(context, order);
    case 'already_returned':
      return describeReturnProgress(context, order);
    case 'window_passed':
      return answer(
        reply(
          say(
            locale,
            `抱歉，订单 ${order.orderNumber} 已超过 ${context.commerce.policy().returnWindowDays} 天退换货期限（${deadline ? formatDate(deadline, locale) : ''} 截止），无法申请退换。如是质量问题，可以申请保修。`,
            `Sorry, order ${order.orderNumber} is past the ${context.commerce.policy().returnWindowDays}-day return window (ended ${deadline ? formatDate(deadline, locale) : ''}). For a defect, the warranty may help.`,
          ),
          [button(locale, '申请保修', 'Warranty', '申请保修', 'warranty repair'), humanButton(locale)],
        ),
      );
    case 'policy_excludes':
      return answer(
        reply(
          say(
            locale,
            '这件商品属于食品或定制类，不支持七天无理由退换。如果有质量问题或运输破损，请在签收后 48 小时内拍下商品、包装和快递面单的照片发给我，核实后为您退换或退款。',
            "This item is food or made-to-order, so it can't be returned without a reason. If it is defective or arrived damaged, send me photos of the item, the packaging and the shipping label within 48 hours of delivery, and once checked we'll replace or refund it.",
          ),
          [
            button(locale, '有质量问题', 'It is defective', '商品有质量问题', 'it is defective'),
            humanButton(locale),
          ],
        ),
      );
  }
}

/** A return asked before delivery: an unshipped order is cancelled instead; a parcel on its way is returned later. */
function notDeliveredYet(context: FlowContext, order: CommerceOrder): FlowResult {
  const { locale } = context.turn;
  if (order.status === 'unpaid' || order.status === 'paid')
    return answer(
      reply(
        say(
          locale,
          order.status === 'paid'
            ? `订单 ${order.orderNumber} 还没有发货，不用退货：直接取消订单，款项会原路退回。`
            : `订单 ${order.orderNumber} 还没有付款，不用退货，直接取消订单就可以。`,
          order.status === 'paid'
            ? `Order ${order.orderNumber} hasn't shipped yet, so there's nothing to send back: cancel it and the payment goes back the way you paid.`
            : `Order ${order.orderNumber} isn't paid yet, so there's nothing to return: you can simply cancel it.`,
        ),
        [button(locale, '取消订单', 'Cancel order', '取消订单', 'cancel my order')],
      ),
    );
  const after = returnAfterDelivery(context, order);
  if ((context.state.slots.kind ?? context.state.memory.returnKind) === 'exchange' && after.returnable) {
    const wanted = context.state.memory.variant;
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 已经发货、还在路上，现在没法换${wanted ? `成 ${wanted}` : ''}。签收后 ${context.commerce.policy().returnWindowDays} 天内可以申请换货，到时候跟我说就行。`,
          `Order ${order.orderNumber} has shipped and is on its way, so it can't be swapped${wanted ? ` for ${wanted}` : ''} now. Once it's delivered you can ask for an exchange within ${context.commerce.policy().returnWindowDays} days — just tell me then.`,
        ),
        [button(locale, '查物流', 'Track it', '查物流', 'where is my order')],
      ),
    );
  }
  return answer(
    reply(
      say(
        locale,
        `订单 ${order.orderNumber} 已经发货、还在路上，现在无法取消。${after.zh}`,
        `Order ${order.orderNumber} has shipped and is on its way, so it can't be cancelled now. ${after.en}`,
      ),
      [button(locale, '查物流', 'Track it', '查物流', 'where is my order')],
    ),
  );
}

function reasonButtons(locale: ReplyLocale) {
  return [
    button(locale, '不想要了', 'Changed my mind', '不想要了', "I don't want it anymore"),
    button(locale, '尺码不合适', 'Wrong size', '尺码不合适', 'wrong size'),
    button(locale, '质量问题', 'Defective', '质量问题', 'it is defective'),
    button(locale, '运输破损', 'Damaged', '收到就破损了', 'it arrived damaged'),
  ];
}

/** The size named in this message: "换L", "L码", or a step from the size bought ("大一码"). */
function sizeSaid(context: FlowContext): string | null {
  return context.said.variant ?? bareSize(context.text) ?? null;
}

export function isReturnReason(value: string | null | undefined): value is ReturnReason {
  return returnReasons.some((reason) => reason === value);
}

/** The size asked for by name ("换L码"), or a step from the size bought ("大一码" on an M → L). */
function wantedVariant(memory: ShopperSlots, order: CommerceOrder): string | undefined {
  if (memory.variant) return memory.variant;
  const bought = orderedSize(order);
  if (memory.sizeStep === undefined || !bought) return undefined;
  return shiftSize(bought, memory.sizeStep) ?? undefined;
}
