import type { CommerceOrder } from '../../commerce';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import {
  answer,
  button,
  connectorFailure,
  describeOrder,
  humanButton,
  pickChoice,
  reply,
  say,
} from './flowKit';

export type OrderResolution = { order: CommerceOrder } | { result: FlowResult };

const maxAttempts = 3;
const recentOrderCount = 10;
const offeredOrderCount = 5;
/** The shopper cannot give the phone digits: someone else's order, a forgotten number. */
const cannotProve =
  /不知道|不清楚|不记得|忘了|记不得|朋友|别人|家人|同事|帮(?:人|别人|朋友)|不是我的|\b(?:idk|i ?don'?t know|dunno|forgot|not sure|friend'?s?|someone else'?s?|not mine|my (?:mom|dad|mother|father|wife|husband|sister|brother)'?s?)\b/i;
/** The shopper stands by a number that was not found. */
const insistsOnNumber =
  /没(?:有)?(?:输|打|写|填)?错|没错啊?|就是这个|就是这|确定是|核对过|查过了|复制的|\b(?:it'?s correct|that'?s (?:the|my) (?:number|order)|i(?:'ve)? checked|double[- ]checked|copied it|it is right|that is right)\b/i;
const contextReference =
  /这个|这单|这笔|那个|那单|那笔|刚才|上面|该订单|此订单|\bit\b|\bthis\b|\bthat\b|same order/i;

/**
 * Finds the order a flow is about and makes sure the shopper may see it: a number in the message, the order
 * under discussion, a pick from the signed-in shopper's recent orders, or — for a guest — an order number
 * proved with the last 4 digits of the phone it was placed with. Nothing about an order is said before that.
 */
export async function resolveOrder(context: FlowContext, flow: Flow): Promise<OrderResolution> {
  const { state } = context;
  const mentioned = mentionedNumber(context);
  // Another order number while the phone check waits is a correction: that order is checked instead.
  const correction = mentioned && mentioned.number !== state.pendingOrderNumber;
  if (state.step === 'verify_phone' && state.pendingOrderNumber && !correction) return verifyPhone(context);
  if (mentioned) return lookUp(context, flow, mentioned);
  if (state.step === null && state.pendingOrderNumber)
    return lookUp(context, flow, { number: state.pendingOrderNumber, kind: 'order' });
  if (state.step === 'choose_order') {
    const picked = pickChoice(context.text, state.orderChoices);
    if (picked) return lookUp(context, flow, { number: picked, kind: 'order' });
  }
  if (state.orderNumber && (state.step === null || contextReference.test(context.text))) {
    // "这个订单 / it" means that order even where the flow cannot help with it (the flow then says why). A
    // guest has no other order to pick from, so the order just talked about is meant too; a signed-in shopper
    // is offered their recent orders the flow applies to, and that order only when none does.
    const known = await lookUp(context, flow, { number: state.orderNumber, kind: 'order' });
    if ('result' in known) return known;
    const referred = contextReference.test(context.text);
    if (referred || !context.shopCustomerId || !flow.orderFilter || flow.orderFilter(known.order))
      return known;
    return offerRecentOrders(context, flow, context.shopCustomerId, known.order);
  }
  return context.shopCustomerId
    ? offerRecentOrders(context, flow, context.shopCustomerId, null)
    : askForNumber(context);
}

function mentionedNumber(context: FlowContext): { number: string; kind: 'order' | 'tracking' } | null {
  for (const entity of context.turn.understanding.entities) {
    if (entity.type === 'order_number') return { number: entity.value, kind: 'order' };
    if (entity.type === 'tracking_number') return { number: entity.value, kind: 'tracking' };
  }
  // While the bot waits for a number, a bare one counts (the entity rules need context words for those).
  const bare = /^[A-Za-z]{0,4}\d{8,22}$/.exec(context.text.replace(/\s/g, ''));
  return context.state.step === 'order' && bare ? { number: bare[0].toUpperCase(), kind: 'order' } : null;
}

async function lookUp(
  context: FlowContext,
  flow: Flow,
  mentioned: { number: string; kind: 'order' | 'tracking' },
): Promise<OrderResolution> {
  const { commerce } = context;
  let found =
    mentioned.kind === 'order'
      ? await commerce.getOrder(mentioned.number)
      : await commerce.findOrderByTracking(mentioned.number);
  if (!found.ok && found.failure.kind !== 'unavailable')
    found =
      mentioned.kind === 'order'
        ? await commerce.findOrderByTracking(mentioned.number)
        : await commerce.getOrder(mentioned.number);
  if (!found.ok) {
    if (found.failure.kind === 'unavailable')
      return { result: connectorFailure(context.turn.locale, found.failure) };
    return { result: notFound(context, mentioned.number) };
  }
  return authorise(context, flow, found.value);
}

async function authorise(context: FlowContext, flow: Flow, order: CommerceOrder): Promise<OrderResolution> {
  const { state, turn } = context;
  if (context.shopCustomerId) {
    if (order.customerId !== context.shopCustomerId) return { result: notYourOrder(context) };
    return accept(context, order);
  }
  if (state.verifiedOrders.includes(order.orderNumber)) return accept(context, order);
  state.flow = flow.name;
  state.step = 'verify_phone';
  state.pendingOrderNumber = order.orderNumber;
  state.attempts = 0;
  // "KF… 尾号0202": the digits came with the order number, so they are checked right away.
  if (state.memory.phoneTail) return verifyPhone(context);
  return {
    result: answer(
      reply(
        say(
          turn.locale,
          `为了保护您的隐私，请告诉我订单 ${order.orderNumber} 的收货人手机号或下单账号手机号的后 4 位。`,
          `To protect your privacy, please tell me the last 4 digits of the recipient's phone number or of the phone number on the account that placed order ${order.orderNumber}.`,
        ),
      ),
    ),
  };
}

async function verifyPhone(context: FlowContext): Promise<OrderResolution> {
  const { state, turn } = context;
  const digits = state.memory.phoneTail ?? /(\d{4})\D*$/.exec(context.text)?.[1];
  delete state.memory.phoneTail;
  const pending = state.pendingOrderNumber ?? '';
  if (!digits && cannotProve.test(context.text))
    return {
      result: answer(
        reply(
          say(
            turn.locale,
            `出于隐私保护，不能确认手机号就没法告诉您订单 ${pending} 的任何信息。可以请下单的人来问，或者告诉我收货人手机号或下单账号手机号的后 4 位。`,
            `To protect the buyer's privacy I can't share anything about order ${pending} without the phone digits. The person who placed it can ask us, or send me the last 4 digits of the recipient's or the account's phone.`,
          ),
          [humanButton(turn.locale)],
        ),
      ),
    };
  if (!digits) {
    return {
      result: answer(
        reply(
          say(
            turn.locale,
            '请输入 4 位数字：收货人手机号或下单账号手机号的后 4 位。',
            "Please send 4 digits: the end of the recipient's phone number or of your account's phone number.",
          ),
        ),
      ),
    };
  }
  const found = await context.commerce.getOrder(pending);
  if (!found.ok)
    return {
      result:
        found.failure.kind === 'unavailable'
          ? connectorFailure(turn.locale, found.failure)
          : notFound(context, pending),
    };
  if (await phoneMatches(context, found.value, digits)) {
    state.verifiedOrders = [...state.verifiedOrders.filter((number) => number !== pending), pending].slice(
      -5,
    );
    state.pendingOrderNumber = null;
    return accept(context, found.value);
  }
  state.attempts += 1;
  if (state.attempts >= maxAttempts) {
    state.step = null;
    state.flow = null;
    state.pendingOrderNumber = null;
    return {
      result: answer(
        reply(
          say(
            turn.locale,
            '手机号后 4 位多次不匹配，出于安全考虑我无法继续查询该订单。如需帮助，可以联系人工客服核实身份。',
            "The digits didn't match several times, so for security I can't go on with this order. A person can help verify you.",
          ),
          [humanButton(turn.locale)],
        ),
      ),
    };
  }
  return {
    result: answer(
      reply(
        say(
          turn.locale,
          `${digits} 与订单 ${pending} 的收货人手机号、下单账号手机号都不匹配，请核对后重新输入后 4 位。`,
          `${digits} matches neither the recipient's phone nor the account's phone for order ${pending}. Please check and send the last 4 digits again.`,
        ),
        // After a second miss the shopper may prefer a person to keep guessing.
        state.attempts >= 2 ? [humanButton(turn.locale)] : [],
      ),
    ),
  };
}

/** The recipient's phone or the phone of the account that placed the order: either proves the order. */
async function phoneMatches(context: FlowContext, order: CommerceOrder, digits: string): Promise<boolean> {
  if (order.shippingAddress.phone.replace(/\D/g, '').endsWith(digits)) return true;
  const buyer = await context.commerce.findCustomer({ customerId: order.customerId });
  return buyer.ok && buyer.value.phone.replace(/\D/g, '').endsWith(digits);
}

function accept(context: FlowContext, order: CommerceOrder): OrderResolution {
  const { state } = context;
  if (state.orderNumber !== order.orderNumber) state.slots = {};
  state.orderNumber = order.orderNumber;
  state.step = null;
  state.attempts = 0;
  state.orderChoices = [];
  return { order };
}

async function offerRecentOrders(
  context: FlowContext,
  flow: Flow,
  shopCustomerId: string,
  inContext: CommerceOrder | null,
): Promise<OrderResolution> {
  const { state, turn } = context;
  const listed = await context.commerce.listOrders(shopCustomerId, recentOrderCount);
  if (!listed.ok) return { result: connectorFailure(turn.locale, listed.failure) };
  const fitting = listed.value.filter((order) => !flow.orderFilter || flow.orderFilter(order));
  state.flow = flow.name;
  // The order just talked about, though the flow cannot help with it: the flow says why.
  if (fitting.length === 0 && inContext) return accept(context, inContext);
  if (fitting.length === 0) {
    state.step = 'order';
    return {
      result: answer(
        reply(
          say(
            turn.locale,
            '您的账号下最近没有适用的订单。如果是其他订单，请直接发送订单号。',
            "I don't see a recent order this applies to on your account. If it's another order, send me its number.",
          ),
          [humanButton(turn.locale)],
        ),
      ),
    };
  }
  if (fitting.length === 1 && fitting[0]) return accept(context, fitting[0]);
  const offered = fitting.slice(0, offeredOrderCount);
  state.step = 'choose_order';
  state.orderChoices = offered.map((order) => order.orderNumber);
  const lines = offered
    .map((order, index) => `${index + 1}. ${describeOrder(order, turn.locale)}`)
    .join('\n');
  return {
    result: answer(
      reply(
        say(turn.locale, `请问是哪一个订单？\n${lines}`, `Which order is it?\n${lines}`),
        offered.map((order) => button(turn.locale, order.orderNumber, order.orderNumber)),
      ),
    ),
  };
}

function askForNumber(context: FlowContext): OrderResolution {
  const { state, turn } = context;
  // "就是这个号，我没输错" after a number that was not found: asking again would go round in circles.
  if (state.step === 'order' && state.attempts >= 1 && insistsOnNumber.test(context.text))
    return {
      result: answer(
        reply(
          say(
            turn.locale,
            '我又核对了一遍，本店系统里确实查不到这个订单号。可能是在其他店铺或平台下的单，也可能是订单号里少了或多了一位。您可以在「我的订单」里复制订单号再发给我，或者转人工客服帮您查。',
            "I checked again: our shop's system has no order with that number. It may be from another shop or platform, or a digit may be missing or extra. You can copy the number from your order list and send it again, or a person can look into it.",
          ),
          [humanButton(turn.locale)],
        ),
      ),
    };
  state.step = 'order';
  return {
    result: answer(
      reply(
        say(
          turn.locale,
          '请提供您的订单号（以 KF 开头），或者快递单号。',
          'Please send me your order number (it starts with KF) or the tracking number.',
        ),
      ),
    ),
  };
}

function notFound(context: FlowContext, number: string): FlowResult {
  const { state, turn } = context;
  state.step = 'order';
  state.pendingOrderNumber = null;
  state.attempts += 1;
  const quickReplies = state.attempts >= 2 ? [humanButton(turn.locale)] : [];
  return answer(
    reply(
      say(
        turn.locale,
        `抱歉，没有找到 ${number} 对应的订单，请核对后重新发送订单号。`,
        `Sorry, I couldn't find an order for ${number}. Please check the number and send it again.`,
      ),
      quickReplies,
    ),
  );
}

/** Someone else's order: refused without a word about what it holds. */
function notYourOrder(context: FlowContext): FlowResult {
  const { state, turn } = context;
  state.step = 'order';
  state.attempts += 1;
  return answer(
    reply(
      say(
        turn.locale,
        '这个订单不在您当前登录的账号下，出于隐私保护我无法查看。请核对订单号，或发送您自己账号下的订单号。',
        "That order isn't on the account you're signed in with, so I can't look at it. Please check the number.",
      ),
      [humanButton(turn.locale)],
    ),
  );
}
