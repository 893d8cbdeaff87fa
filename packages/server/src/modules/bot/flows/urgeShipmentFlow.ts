import type { Flow } from './flowKit';
import { answer, formatTime, reply, say } from './flowKit';
import { answerProductDispatch } from './productDispatch';
import { describeShipment, dispatchDeadline, madeToOrderNote, overdueDispatch } from './shipmentSummary';

/**
 * "怎么还不发货": within the dispatch promise the shopper is told the deadline and the request is noted;
 * past it, an apology and a person who can chase the warehouse.
 */
export const urgeShipmentFlow: Flow = {
  name: 'urge_shipment',
  orderFilter: (order) => order.status === 'paid' || order.status === 'unpaid' || order.status === 'shipped',
  answerWithoutOrder: answerProductDispatch,
  async run(context, order) {
    if (!order) throw new Error('urge_shipment runs with an order');
    const { locale } = context.turn;
    if (order.status !== 'paid') return describeShipment(context, order);
    const deadline = dispatchDeadline(order, context.commerce.policy().dispatchWithinHours);
    if (context.now.getTime() > Date.parse(deadline)) return overdueDispatch(context, order, deadline);
    return answer(
      reply(
        say(
          locale,
          `订单 ${order.orderNumber} 已付款，还没有发货${madeToOrderNote(order, 'zh')}，我们承诺在 ${formatTime(deadline, locale)} 前发货。已为您备注加急，仓库会优先处理，发货后会第一时间通知您。`,
          `Order ${order.orderNumber} is paid and hasn't shipped yet${madeToOrderNote(order, 'en')}; it will ship by ${formatTime(deadline, locale)}. I've flagged it as urgent for the warehouse, and you'll be told as soon as it ships.`,
        ),
      ),
    );
  },
};
