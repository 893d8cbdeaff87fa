import type { CommerceOrder } from '../../commerce';
import { splitClauses } from '../clauses';
import { asksForPerson } from '../stages/intentStage';
import type { DialogueState, FlowName } from './dialogueState';
import { endFlow, isFlowName } from './dialogueState';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import { answer, button, connectorFailure, isAbort, parseYesNo, pickChoice, reply, say } from './flowKit';
import { currentFlow, flowQuestions, flowRegistry } from './flowRegistry';
import { resolveOrder } from './orderResolution';
import { asksProductDispatch } from './productDispatch';
import { mentionsProduct } from './productResolution';
import { refusesBot } from '../smallTalk';

export interface DialogueOutcome {
  flow: FlowName | 'cancelled' | 'clarify';
  result: FlowResult;
}

const startConfidence = 0.6;
const topicChangeConfidence = 0.8;
const closeMargin = 0.25;
const guessConfidence = 0.35;
const orderSteps = new Set(['order', 'choose_order', 'verify_phone']);

/**
 * One turn of the dialogue: continue the flow in progress (or leave it on "算了/back" or a clear new topic),
 * answer a clarifying question, or start the flow the shopper's intent names. Null when no flow applies.
 */
export async function runDialogueTurn(context: FlowContext): Promise<DialogueOutcome | null> {
  const outcome = await runOneFlow(context);
  if (!outcome || outcome.flow === 'cancelled') return outcome;
  return takeUpPendingFlows(context, outcome);
}

async function runOneFlow(context: FlowContext): Promise<DialogueOutcome | null> {
  const { state, turn } = context;
  const active = currentFlow(state);
  const answersFlow = active?.expectsAnswer?.(state.step ?? '', context.text) ?? false;
  if (asksForPerson(turn) && !answersFlow) return null;
  if (active || state.step === 'clarify') {
    if (isAbort(context.text)) {
      endFlow(state);
      state.pendingFlows = [];
      return {
        flow: 'cancelled',
        result: answer(
          reply(
            say(
              turn.locale,
              '好的，已为您取消当前操作。还有什么可以帮您？',
              "OK, I've dropped that. What else can I do for you?",
            ),
          ),
        ),
      };
    }
    if (state.step === 'clarify') {
      const picked = pickClarification(context);
      endFlow(state);
      if (picked) return startFlow(context, picked);
    } else if (active) {
      const next = topicChange(context, active);
      if (!next) return { flow: active.name, result: await continueFlow(context, active, 0) };
      // "also an invoice for it?" while the phone check waits: the new request is about the same order.
      const awaitingProof = state.step === 'verify_phone' ? state.pendingOrderNumber : null;
      endFlow(state);
      state.pendingOrderNumber = awaitingProof;
      return startFlow(context, next);
    }
  }
  const choice = await chooseFlow(context);
  if (!choice) return null;
  if ('clarify' in choice) return askToClarify(context, choice.clarify);
  state.pendingFlows = otherRequestedFlows(context, choice.flow);
  return startFlow(context, choice.flow);
}

/**
 * "KF… 到哪了 还有能开发票吗": once the first flow is done (it asks nothing more), the next one asked for in the
 * same message starts in the same turn, on the same order.
 */
async function takeUpPendingFlows(context: FlowContext, outcome: DialogueOutcome): Promise<DialogueOutcome> {
  const { state } = context;
  const replies = [...outcome.result.replies];
  let handoff = outcome.result.handoff;
  while (!handoff && state.flow === null && state.step === null && state.pendingFlows.length > 0) {
    const [next, ...rest] = state.pendingFlows;
    state.pendingFlows = rest;
    if (!next) break;
    const followed = await startFlow(context, next);
    replies.push(...followed.result.replies);
    handoff = followed.result.handoff;
  }
  return { flow: outcome.flow, result: { replies, handoff } };
}

/** Other flows the message asks for in clauses of their own, in the order they were written. */
function otherRequestedFlows(context: FlowContext, chosen: FlowName): FlowName[] {
  return flowsAskedByClause(context).filter((flow) => flow !== chosen && !sameAnswer(flow, chosen));
}

const requestCue =
  /吗|嗎|么|麼|呢|[?？]|能|可以|可不可以|怎么|怎麼|怎样|如何|多久|什么时候|几时|哪|要|想|帮|幫|麻烦|麻煩|请|請|给我|\b(can|could|would|will|when|where|what|how|why|is|are|do|does|did|has|have|was|please|i want|i'd like|i need|help)\b/i;

/** The flows a message asks for clause by clause ("KF… 到哪了 / 还有能开发票吗"); one clause gives none. */
function flowsAskedByClause(context: FlowContext): FlowName[] {
  const clauses = splitClauses(context.turn.text);
  if (clauses.length < 2) return [];
  const namesOrder = context.turn.understanding.entities.some(
    (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
  );
  const flows: FlowName[] = [];
  for (const clause of clauses) {
    // A clause that only tells ("I ordered a kettle") asks for nothing by itself.
    if (!requestCue.test(clause)) continue;
    const intent = context.classify(clause);
    const flow = intent.id;
    if (!isFlowName(flow) || intent.confidence < startConfidence) continue;
    // About a named order, only what can be done with an order counts ("腰围太松了" is not a product question).
    if (namesOrder && flowRegistry[flow].orderFilter === null) continue;
    if (!flows.some((known) => known === flow || sameAnswer(known, flow))) flows.push(flow);
  }
  // "不想要了，还能七天无理由吗": the return path answers both, and for an unshipped order offers the cancellation.
  if (flows.includes('return_exchange')) return flows.filter((flow) => flow !== 'order_cancel');
  return flows;
}

async function startFlow(context: FlowContext, name: FlowName): Promise<DialogueOutcome> {
  const { state } = context;
  state.flow = name;
  state.step = null;
  state.slots = {};
  state.attempts = 0;
  return { flow: name, result: await continueFlow(context, flowRegistry[name], 0) };
}

async function continueFlow(context: FlowContext, flow: Flow, depth: number): Promise<FlowResult> {
  const { state } = context;
  let order: CommerceOrder | null = null;
  if (flow.orderFilter) {
    if (state.step === null && flow.answerWithoutOrder) {
      const general = await flow.answerWithoutOrder(context);
      if (general) return finish(state, general);
    }
    const resolved = await currentOrder(context, flow);
    if ('result' in resolved) return finish(state, resolved.result);
    order = resolved.order;
  }
  const result = await flow.run(context, order);
  if (result.switchTo && depth < 2) {
    state.flow = result.switchTo;
    const next = await continueFlow(context, flowRegistry[result.switchTo], depth + 1);
    return { replies: [...result.replies, ...next.replies], handoff: next.handoff };
  }
  return finish(state, result);
}

/** The order of a running flow: resolved anew when asked for, or re-read (its status may have moved). */
async function currentOrder(
  context: FlowContext,
  flow: Flow,
): Promise<{ order: CommerceOrder } | { result: FlowResult }> {
  const { state, turn } = context;
  const named = turn.understanding.entities.find(
    (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
  );
  // "不对，是 KF…": a different order number mid-flow is a correction, so the flow starts over on that order.
  if (named && state.orderNumber && named.value !== state.orderNumber && !orderSteps.has(state.step ?? '')) {
    state.step = null;
    state.slots = {};
  }
  if (state.step === null || orderSteps.has(state.step) || !state.orderNumber)
    return resolveOrder(context, flow);
  const found = await context.commerce.getOrder(state.orderNumber);
  if (!found.ok) return { result: connectorFailure(turn.locale, found.failure) };
  return { order: found.value };
}

/** A flow that asks nothing more is over; its order stays the one under discussion. */
function finish(state: DialogueState, result: FlowResult): FlowResult {
  if (state.step === null || result.handoff) endFlow(state);
  return result;
}

function topicChange(context: FlowContext, active: Flow): FlowName | null {
  const { state, turn } = context;
  const step = state.step ?? '';
  if (active.expectsAnswer?.(step, context.text)) return null;
  if (step === 'choose_order' && pickChoice(context.text, state.orderChoices)) return null;
  const { intent } = turn.understanding;
  if (!isFlowName(intent.id) || intent.id === active.name || intent.confidence < topicChangeConfidence)
    return null;
  return intent.id;
}

async function chooseFlow(
  context: FlowContext,
): Promise<{ flow: FlowName } | { clarify: FlowName[] } | null> {
  const { intent, entities, sentiment } = context.turn.understanding;
  const namesOrder = entities.some(
    (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
  );
  // With an order number in the message, only flows about orders are candidates ("KF… 发货了吗" is not a stock question).
  const candidate = (id: string): FlowName | null =>
    isFlowName(id) && (!namesOrder || flowRegistry[id].orderFilter !== null) ? id : null;
  const named = candidate(intent.id);
  // "碎了说补我的钱到账没有 / 取消了钱啥时候退": whether money came back is the refund's question.
  const top =
    (named === 'delivery_problem' || named === 'order_cancel') && asksMoneyBack.test(context.text)
      ? 'refund'
      : named;
  const second = intent.alternatives.find(
    (alternative) => alternative.id !== intent.id && candidate(alternative.id) !== null,
  );
  const secondFlow = second && second.confidence >= guessConfidence / 2 ? candidate(second.id) : null;
  const close =
    top !== null &&
    secondFlow !== null &&
    !sameAnswer(top, secondFlow) &&
    intent.confidence - (second?.confidence ?? 0) < closeMargin;
  // "it's about a refund, I don't want to explain it all to a bot": the way to a person, not the flow.
  if (refusesBot(context.text)) return null;
  const asked = flowsAskedByClause(context);
  if (asked.length >= 2 && asked[0]) return { flow: asked[0] };
  if (namesOrder) return chooseOrderFlow(context, { top, secondFlow });
  // "how soon does this ship?" on a product's page: the product's dispatch time, not "hurry an order?".
  const aboutDispatch = [top, secondFlow].some(
    (flow) => flow === 'urge_shipment' || flow === 'shipping_info',
  );
  if (aboutDispatch && asksProductDispatch(context)) return { flow: 'urge_shipment' };
  if (close && top && secondFlow) return { clarify: [top, secondFlow] };
  // "订单有问题": an order spoken of with no task the engine can tell — ask which of the likely ones it is.
  if (intent.id === 'unknown' && orderWords.test(context.text)) {
    const likely = intent.alternatives
      .filter(
        (alternative) => candidate(alternative.id) !== null && alternative.confidence >= guessConfidence / 2,
      )
      .map((alternative) => alternative.id as FlowName)
      .slice(0, 2);
    if (likely.length > 0) return { clarify: likely };
  }
  if (top && intent.confidence >= startConfidence) return { flow: top };
  // A product question that names the product needs no "did you mean": the answer is about that product.
  if (
    top &&
    productFlows.has(top) &&
    intent.confidence >= guessConfidence &&
    (await mentionsProduct(context))
  )
    return { flow: top };
  if (top && intent.confidence >= guessConfidence) return { clarify: [top] };
  // A complaint or an angry message about no particular task is for the apology and the offer of a person.
  if (intent.id === 'complaint' || sentiment.anger) return null;
  // An unclear message that names a product ("介绍一下电热水壶") is a question about that product.
  // A request for a person may name a product by chance ("扫拖一体机器人" in "机器人别回了"); one that
  // speaks to the bot is about the bot.
  if (intent.id === 'human_agent' && speaksToBot.test(context.text)) return null;
  const unclear = ['unknown', 'feedback', 'human_agent'].includes(intent.id);
  if (intent.confidence < startConfidence || unclear)
    if (await mentionsProduct(context)) return { flow: 'product_inquiry' };
  return null;
}

/**
 * A message with an order number is about that order: the flow its words name (even when the engine is
 * unsure), else what the shopper asked just before ("能开发票吗" … "KF…"), else where the parcel is — also
 * for an angry message, which gets the facts with the apology.
 */
function chooseOrderFlow(
  context: FlowContext,
  options: { top: FlowName | null; secondFlow: FlowName | null },
): { flow: FlowName } {
  const { intent } = context.turn.understanding;
  const { top, secondFlow } = options;
  const earlier = context.turn.earlierIntents.find(
    (previous) =>
      isFlowName(previous.id) &&
      flowRegistry[previous.id].orderFilter !== null &&
      previous.confidence >= startConfidence,
  );
  const earlierFlow = earlier && isFlowName(earlier.id) ? earlier.id : null;
  // A bare number says nothing of the task: the question asked just before does.
  const onlyNumber = context.text.replace(/[A-Za-z]{0,4}\d{6,}|[\s\p{P}\p{S}]/gu, '').length < 2;
  if (onlyNumber && earlierFlow) return { flow: earlierFlow };
  // No "did you mean" about a named order: the phone check comes first anyway, and either flow shows the order.
  if (top && intent.confidence >= guessConfidence) return { flow: top };
  if (earlierFlow) return { flow: earlierFlow };
  if (top) return { flow: top };
  // An unclear message about an order is about the parcel unless another task is more than a faint guess.
  const secondConfidence = intent.alternatives.find(
    (alternative) => alternative.id === secondFlow,
  )?.confidence;
  if (secondFlow && (secondConfidence ?? 0) >= guessConfidence) return { flow: secondFlow };
  return { flow: 'order_tracking' };
}

/** The shopper's order spoken of in general. */
const orderWords = /订单|訂單|单子|單子|\border\b/i;

/** Whether money has come back: arrived on the account, refunded yet, when it comes back. */
const asksMoneyBack =
  /到账|到帐|到賬|到帳|(?:钱|錢|款|退款)\S{0,2}(?:啥时候|什么时候|什麼時候|几时|多久)\S{0,2}(?:退|到|回)|(?:钱|錢|款|补偿|補償|赔偿|賠償)\S{0,6}(?:退|到|回来|回來|给我|給我)\S{0,3}(?:了吗|了嗎|没|沒|吗|嗎|呢|啥时候|什么时候|什麼時候|多久)|\b(?:refund|money|compensation)\b.{0,30}\b(?:arrive[ds]?|come through|came through|back yet|gone through|went through|received)\b|\bwhen (?:do|will) i get my money\b/i;

/** Words addressing the bot itself ("机器人别回了", "不要机器人", "stop, bot"). */
const speaksToBot =
  /机器人(?:别|不要|闭嘴|滚|走开|太|好|真|怎么|能不能|你|客服|回复|自动)|(?:不要|别用|不跟|不和|不想跟|不想和|跟|和|你个|你这|你们这|这个?|破|傻|笨|蠢)机器人|智能客服|自动回复|\bbots?\b/i;

const productFlows: ReadonlySet<FlowName> = new Set([
  'product_inquiry',
  'stock_availability',
  'price_promotion',
]);

/** Flows that answer a shopper the same way for one order (where is it / hurry it: both show the status). */
function sameAnswer(first: FlowName, second: FlowName): boolean {
  const parcelStatus: readonly FlowName[] = ['order_tracking', 'urge_shipment'];
  return parcelStatus.includes(first) && parcelStatus.includes(second);
}

function askToClarify(context: FlowContext, options: FlowName[]): DialogueOutcome {
  const { state, turn } = context;
  const { locale } = turn;
  state.step = 'clarify';
  state.clarifyOptions = options;
  const names = options.map((option) => say(locale, flowQuestions[option].zh, flowQuestions[option].en));
  const question =
    options.length === 1
      ? say(locale, `请问您是想${names[0] ?? ''}吗？`, `Do you want to ${names[0] ?? ''}?`)
      : say(locale, `请问您是想${names.join('，还是')}？`, `Do you want to ${names.join(', or ')}?`);
  const buttons = options.map((option) => button(locale, flowQuestions[option].zh, flowQuestions[option].en));
  if (options.length === 1)
    buttons.push(button(locale, '都不是', 'Something else', '都不是', 'something else'));
  return { flow: 'clarify', result: answer(reply(question, buttons)) };
}

function pickClarification(context: FlowContext): FlowName | null {
  const { state, turn } = context;
  const options = state.clarifyOptions;
  const byLabel = options.find(
    (option) =>
      context.text.includes(flowQuestions[option].zh) ||
      context.text.toLowerCase().includes(flowQuestions[option].en),
  );
  if (byLabel) return byLabel;
  if (options.length === 1 && parseYesNo(context.text) === 'yes') return options[0] ?? null;
  const { intent } = turn.understanding;
  return isFlowName(intent.id) && intent.confidence >= startConfidence ? intent.id : null;
}
