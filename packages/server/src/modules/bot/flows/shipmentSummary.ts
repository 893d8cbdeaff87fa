import type { CommerceOrder, CommerceShipment } from '../../commerce';
import { buildOrderCard, withCard } from '../cards';
import type { ReplyLocale } from '../../../replyLocale';
import type { FlowContext, FlowResult } from './flowKit';
import {
  answer,
  button,
  connectorFailure,
  formatTime,
  humanButton,
  orderStatusName,
  reply,
  say,
} from './flowKit';

/** No scan for this long on an undelivered parcel means it is stuck, not slow. */
const stalledAfterMs = 72 * 3_600_000;

/**
 * Where an order is: its status, and for a shipped order the carrier, tracking number, latest scan and
 * expected delivery. A carrier exception or a stalled parcel is handed to a person with an apology.
 */
export async function describeShipment(context: FlowContext, order: CommerceOrder): Promise<FlowResult> {
  const { locale } = context.turn;
  if (order.status === 'unpaid' || order.status === 'paid' || order.status === 'cancelled')
    return describeUnshipped(context, order);
  const listed = await context.commerce.listShipments(order.orderNumber);
  if (!listed.ok) return connectorFailure(locale, listed.failure);
  const shipment = listed.value.at(-1);
  if (!shipment)
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 当前状态：${orderStatusName(order.status, locale)}，暂无物流信息。`,
          `Order ${order.orderNumber} is ${orderStatusName(order.status, locale)}; there is no tracking information yet.`,
        ),
      ),
    );
  const head = trackingHeadline(context, order, shipment);
  if (shipment.status === 'exception' || isStalled(shipment, context.now)) {
    return {
      replies: [
        reply(
          `${head}\n${say(locale, '非常抱歉，您的包裹运输出现了异常。我已为您转接人工客服，联系快递公司核实处理。', "I'm very sorry, your parcel has run into a problem in transit. I'm connecting you to a person who will chase the carrier.")}`,
        ),
      ],
      handoff: { reason: shipment.status === 'exception' ? 'shipment_exception' : 'shipment_stalled' },
    };
  }
  return withCard(reportShipment(head, shipment, locale), buildOrderCard(order, shipment, locale));
}

function reportShipment(head: string, shipment: CommerceShipment, locale: ReplyLocale): FlowResult {
  return answer(
    reply(
      head,
      shipment.status === 'delivered'
        ? [
            button(
              locale,
              '没收到货',
              "I didn't get it",
              '显示签收了但我没收到',
              'It says delivered but I did not receive it',
            ),
          ]
        : [],
    ),
  );
}

function trackingHeadline(context: FlowContext, order: CommerceOrder, shipment: CommerceShipment): string {
  const { locale } = context.turn;
  const latest = shipment.events.at(-1);
  const carrier = say(locale, shipment.carrierNameZh, shipment.carrierNameEn);
  const latestLine = latest
    ? say(
        locale,
        `最新动态（${formatTime(latest.at, locale)}）：${latest.descriptionZh}`,
        `Latest (${formatTime(latest.at, locale)}): ${latest.descriptionEn}`,
      )
    : '';
  let eta = '';
  if (shipment.deliveredAt)
    eta = say(
      locale,
      `已于 ${formatTime(shipment.deliveredAt, locale)} 签收。`,
      `Delivered on ${formatTime(shipment.deliveredAt, locale)}.`,
    );
  else if (shipment.estimatedDeliveryAt)
    eta = say(
      locale,
      `预计 ${formatTime(shipment.estimatedDeliveryAt, locale)} 前送达。`,
      `Expected by ${formatTime(shipment.estimatedDeliveryAt, locale)}.`,
    );
  const first = say(
    locale,
    `订单 ${order.orderNumber} ${orderStatusName(order.status, locale)}，${carrier} 运单号 ${shipment.trackingNumber}。`,
    `Order ${order.orderNumber} is ${orderStatusName(order.status, locale)}: ${carrier}, tracking number ${shipment.trackingNumber}.`,
  );
  return [first, latestLine, eta].filter(Boolean).join('\n');
}

function describeUnshipped(context: FlowContext, order: CommerceOrder): FlowResult {
  const { locale } = context.turn;
  const policy = context.commerce.policy();
  if (order.status === 'cancelled')
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 已取消，不会发货。`,
          `Order ${order.orderNumber} was cancelled and will not ship.`,
        ),
      ),
    );
  if (order.status === 'unpaid')
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 还未付款。付款后我们会在 ${policy.dispatchWithinHours} 小时内发货。`,
          `Order ${order.orderNumber} hasn't been paid yet. Once paid, it ships within ${policy.dispatchWithinHours} hours.`,
        ),
      ),
    );
  const deadline = dispatchDeadline(order, policy.dispatchWithinHours);
  if (context.now.getTime() > Date.parse(deadline)) return overdueDispatch(context, order, deadline);
  return answer(
    reply(
      say(
        locale,
        `订单 ${order.orderNumber} 已付款，还没有发货，正在备货${madeToOrderNote(order, 'zh')}，承诺在 ${formatTime(deadline, locale)} 前发货。发货后会通知您物流单号。`,
        `Order ${order.orderNumber} is paid and hasn't shipped yet; it is being prepared${madeToOrderNote(order, 'en')} and will ship by ${formatTime(deadline, locale)}. You'll get the tracking number once it ships.`,
      ),
      [
        button(locale, '催发货', 'Hurry it up', '能快点发货吗', 'Can you ship it sooner?'),
        humanButton(locale),
      ],
    ),
  );
}

/** The latest dispatch promise of the order's items: a made-to-order item's own, else the shop's default. */
export function dispatchDeadline(order: CommerceOrder, shopDispatchWithinHours: number): string {
  const paidAt = Date.parse(order.paidAt ?? order.placedAt);
  const hours = Math.max(
    shopDispatchWithinHours,
    ...order.items.map((item) => item.shipsWithinHours ?? shopDispatchWithinHours),
  );
  return new Date(paidAt + hours * 3_600_000).toISOString();
}

/** Past the promise: an apology, and a person who chases the warehouse. */
export function overdueDispatch(context: FlowContext, order: CommerceOrder, deadline: string): FlowResult {
  const { locale } = context.turn;
  return {
    replies: [
      reply(
        say(
          locale,
          `非常抱歉，订单 ${order.orderNumber} 已付款但还没有发货，已超过承诺的发货时间（${formatTime(deadline, locale)}）。我已为您转接人工客服，马上联系仓库加急处理。`,
          `I'm very sorry: order ${order.orderNumber} is paid but hasn't shipped yet, and it should have shipped by ${formatTime(deadline, locale)}. I'm connecting you to a person who will chase the warehouse right away.`,
        ),
      ),
    ],
    handoff: { reason: 'shipment_overdue' },
  };
}

export function madeToOrderNote(order: CommerceOrder, language: 'zh' | 'en'): string {
  const madeToOrder = order.items.some((item) => item.shipsWithinHours !== null);
  if (!madeToOrder) return '';
  return language === 'zh'
    ? '（含定制商品，制作周期较长）'
    : ' (it includes a made-to-order item, which takes longer)';
}

function isStalled(shipment: CommerceShipment, now: Date): boolean {
  if (shipment.status === 'delivered') return false;
  const latest = shipment.events.at(-1)?.at ?? shipment.shippedAt;
  return now.getTime() - Date.parse(latest) > stalledAfterMs;
}
