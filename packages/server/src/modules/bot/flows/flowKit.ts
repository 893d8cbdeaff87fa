import type { QuickReply } from '@kefu/sdk';
import type { CommerceConnector, CommerceFailure, CommerceOrder, OrderStatus } from '../../commerce';
import type { BotHandoffReason, BotReply, BotTurn } from '../pipeline';
import type { ReplyLocale } from '../../../replyLocale';
import type { DialogueState, FlowName } from './dialogueState';
import type { ShopperSlots } from './shopperSlots';

export { isAbort, parseYesNo, wantsItGone } from './confirmation';

export interface FlowResult {
  replies: BotReply[];
  handoff: { reason: BotHandoffReason } | null;
  /** Continue at once in another flow with the same order (a damaged parcel becomes a return). */
  switchTo?: FlowName;
}

export interface FlowContext {
  turn: BotTurn;
  /** The shopper's text in simplified script, trimmed: what patterns are matched against. */
  text: string;
  /** The state to change in place; the stage saves it after the turn. */
  state: DialogueState;
  commerce: CommerceConnector;
  now: Date;
  /** The signed-in shopper's shop customer id; null for a guest. */
  shopCustomerId: string | null;
  /** The intent of a piece of text (a clause of a message that asks two things). */
  classify(text: string): { id: string; confidence: number };
  /** The slots this message filled (already merged into `state.memory`): corrections override earlier values. */
  said: ShopperSlots;
}

/** One multi-turn flow. Order-based flows get the order after it was found and the shopper verified. */
export interface Flow {
  readonly name: FlowName;
  /** null: the flow needs no order. Otherwise the orders it applies to (offered as quick replies). */
  readonly orderFilter: ((order: CommerceOrder) => boolean) | null;
  /** True when the message answers the flow's pending question (so it is not read as a new topic). */
  expectsAnswer?(step: string, text: string): boolean;
  /** True when the flow's pending question asks for a photo (the photo then goes to the flow). */
  expectsPhoto?(step: string): boolean;
  /** For an order flow: an answer that needs no order (a general question), tried before asking for one. */
  answerWithoutOrder?(context: FlowContext): Promise<FlowResult | null>;
  run(context: FlowContext, order: CommerceOrder | null): Promise<FlowResult>;
}

export function say(locale: ReplyLocale, zh: string, en: string): string {
  return locale === 'en' ? en : zh;
}

export function reply(text: string, quickReplies: QuickReply[] = []): BotReply {
  return { text, quickReplies };
}

export function answer(...replies: BotReply[]): FlowResult {
  return { replies, handoff: null };
}

export function button(locale: ReplyLocale, zh: string, en: string, zhText = zh, enText = en): QuickReply {
  return locale === 'en' ? { label: en, text: enText } : { label: zh, text: zhText };
}

export function humanButton(locale: ReplyLocale): QuickReply {
  return button(locale, '转人工', 'Human agent', '转人工', 'Talk to a human');
}

export function yesNoButtons(locale: ReplyLocale): QuickReply[] {
  return [button(locale, '确认', 'Yes, confirm', '确认', 'yes'), button(locale, '算了', 'No', '算了', 'no')];
}

export function formatMoney(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}

const chinaTime = 'Asia/Shanghai';

export function formatTime(iso: string, locale: ReplyLocale): string {
  const date = new Date(iso);
  if (locale === 'en')
    return date.toLocaleString('en-GB', {
      timeZone: chinaTime,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: chinaTime,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}

export function formatDate(iso: string, locale: ReplyLocale): string {
  const date = new Date(iso);
  if (locale === 'en')
    return date.toLocaleDateString('en-GB', {
      timeZone: chinaTime,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: chinaTime,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(date);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

const orderStatusNames: Record<OrderStatus, { zh: string; en: string }> = {
  unpaid: { zh: '待付款', en: 'awaiting payment' },
  paid: { zh: '已付款，待发货', en: 'paid, waiting to ship' },
  shipped: { zh: '已发货', en: 'shipped' },
  delivered: { zh: '已签收', en: 'delivered' },
  cancelled: { zh: '已取消', en: 'cancelled' },
  returned: { zh: '退货处理中', en: 'return in progress' },
  refunded: { zh: '已退款', en: 'refunded' },
};

export function orderStatusName(status: OrderStatus, locale: ReplyLocale): string {
  return say(locale, orderStatusNames[status].zh, orderStatusNames[status].en);
}

/** "KF202611010006（家悦 R8 激光导航扫拖一体机器人）" — what the shopper recognises an order by. */
export function describeOrder(order: CommerceOrder, locale: ReplyLocale): string {
  const first = order.items[0];
  const title = first ? say(locale, first.titleZh, first.titleEn) : '';
  const more =
    order.items.length > 1 ? say(locale, ` 等${order.items.length}件`, ` +${order.items.length - 1}`) : '';
  return say(locale, `${order.orderNumber}（${title}${more}）`, `${order.orderNumber} (${title}${more})`);
}

/**
 * The result of a change the shop system did not make: when it refused (`rejected`, or the kinds given), the
 * flow's explanation and the offer of a person; any other failure is a connector failure.
 */
export function actionNotDone(
  locale: ReplyLocale,
  failure: CommerceFailure,
  refusal: { zh: string; en: string },
  refusedKinds: readonly CommerceFailure['kind'][] = ['rejected'],
): FlowResult {
  if (!refusedKinds.includes(failure.kind)) return connectorFailure(locale, failure);
  return answer(reply(say(locale, refusal.zh, refusal.en), [humanButton(locale)]));
}

/**
 * What the shopper hears when the shop system fails: an apology and a person, never a guessed result.
 * `not_found` and `rejected` are handled by each flow, which knows what they mean there.
 */
export function connectorFailure(locale: ReplyLocale, failure: CommerceFailure): FlowResult {
  if (failure.kind === 'unsupported')
    return {
      replies: [
        reply(
          say(
            locale,
            '这项业务需要人工客服为您办理，正在为您转接，请稍候。',
            'A person from our team needs to handle this; connecting you now.',
          ),
        ),
      ],
      handoff: { reason: 'commerce_unsupported' },
    };
  return {
    replies: [
      reply(
        say(
          locale,
          '非常抱歉，订单系统暂时无法响应，我没能为您完成查询或办理。已为您转接人工客服，请稍候。',
          "I'm sorry, the shop's order system is not responding right now, so I couldn't complete this. I'm connecting you to a person.",
        ),
      ),
    ],
    handoff: { reason: 'commerce_unavailable' },
  };
}

/** Picks the Nth offered choice from "2", "第二个", "the second one", or the choice's own text. */
export function pickChoice(text: string, choices: readonly string[]): string | null {
  const upper = text.toUpperCase();
  const named = choices.find((choice) => upper.includes(choice.toUpperCase()));
  if (named) return named;
  const ordinals: Record<string, number> = {
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    fifth: 5,
  };
  const match =
    /^\s*(?:第\s*)?([1-5一二两三四五])\s*(?:个|單|单|笔|筆)?\s*$|\b(first|second|third|fourth|fifth)\b/i.exec(
      text,
    );
  const token = match?.[1] ?? match?.[2]?.toLowerCase();
  if (!token) return null;
  const index = /\d/.test(token) ? Number(token) : (ordinals[token] ?? 0);
  return choices[index - 1] ?? null;
}

export type { CommerceConnector };
