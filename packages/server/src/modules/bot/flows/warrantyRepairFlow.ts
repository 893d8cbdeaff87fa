import { warrantyEnd } from '../../commerce';
import type { Flow } from './flowKit';
import { answer, button, formatDate, humanButton, parseYesNo, reply, say, yesNoButtons } from './flowKit';

/** Warranty status from the delivery date and the product's warranty; repairs are booked by a person. */
export const warrantyRepairFlow: Flow = {
  name: 'warranty_repair',
  orderFilter: (order) =>
    ['delivered', 'returned', 'refunded'].includes(order.status) &&
    order.items.some((item) => item.warrantyMonths > 0),
  expectsAnswer: (step, text) => step === 'confirm' && parseYesNo(text) !== null,
  /** "手机保修多久": a product named without an order gets the product's warranty terms. */
  async answerWithoutOrder(context) {
    const mentionsOrder = context.turn.understanding.entities.some(
      (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
    );
    if (mentionsOrder || /订单|order/i.test(context.text)) return null;
    const found = await context.commerce.searchProducts(context.turn.text, 1);
    const product = found.ok ? found.value[0] : undefined;
    if (!product) return null;
    const { locale } = context.turn;
    const name = say(locale, product.nameZh, product.nameEn);
    if (product.warrantyMonths <= 0)
      return answer(
        reply(
          say(
            locale,
            `${name} 不提供保修服务；如有质量问题，签收 7 天内可以申请退换货。`,
            `${name} carries no warranty; for a defect you can return it within 7 days of delivery.`,
          ),
        ),
      );
    return answer(
      reply(
        say(
          locale,
          `${name} 享受 ${product.warrantyMonths} 个月保修（从签收日起算），保修期内非人为损坏免费维修。需要报修的话，请发送订单号。`,
          `${name} has a ${product.warrantyMonths}-month warranty from delivery; defects are repaired free within it. To book a repair, send me the order number.`,
        ),
      ),
    );
  },
  async run(context, order) {
    if (!order) throw new Error('warranty_repair runs with an order');
    const { state, turn } = context;
    const { locale } = turn;
    if (state.step === 'confirm') {
      const decision = parseYesNo(context.text);
      state.step = null;
      if (decision !== 'yes')
        return answer(reply(say(locale, '好的，有需要随时找我。', 'OK, ask me whenever you need.')));
      return {
        replies: [
          reply(
            say(
              locale,
              '好的，正在为您转接售后人工客服登记保修维修，请准备好故障描述和照片。',
              'Connecting you to after-sales to book the repair; please have a description and photos of the fault ready.',
            ),
          ),
        ],
        handoff: { reason: 'warranty_repair' },
      };
    }
    const item = order.items.find((candidate) => candidate.warrantyMonths > 0);
    const end = item ? warrantyEnd(order, item.warrantyMonths) : null;
    if (!item || !end)
      return answer(
        reply(
          say(
            locale,
            `订单 ${order.orderNumber} 中的商品不提供保修服务；如有质量问题，签收 7 天内可以申请退换货。`,
            `The items in order ${order.orderNumber} carry no warranty; for a defect you can return them within 7 days of delivery.`,
          ),
          [button(locale, '申请退换货', 'Return', '我要退货', 'I want to return it')],
        ),
      );
    const title = say(locale, item.titleZh, item.titleEn);
    if (context.now.getTime() > end.getTime())
      return answer(
        reply(
          say(
            locale,
            `${title} 的 ${item.warrantyMonths} 个月保修已于 ${formatDate(end.toISOString(), locale)} 到期，可以为您安排付费维修。`,
            `The ${item.warrantyMonths}-month warranty of ${title} ended on ${formatDate(end.toISOString(), locale)}; we can arrange a paid repair.`,
          ),
          [humanButton(locale)],
        ),
      );
    state.step = 'confirm';
    return answer(
      reply(
        say(
          locale,
          `${title} 在保修期内（${item.warrantyMonths} 个月，至 ${formatDate(end.toISOString(), locale)}），可以免费维修。需要为您登记保修维修吗？`,
          `${title} is under warranty (${item.warrantyMonths} months, until ${formatDate(end.toISOString(), locale)}), so the repair is free. Shall I book it?`,
        ),
        yesNoButtons(locale),
      ),
    );
  },
};
