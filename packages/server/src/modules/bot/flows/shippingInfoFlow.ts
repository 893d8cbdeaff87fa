import type { Flow } from './flowKit';
import { answer, formatMoney, reply, say } from './flowKit';
import { describeProductDispatch } from './productDispatch';
import { resolveProduct } from './productResolution';

/** Shipping fees, free-shipping threshold, dispatch time and carriers: one answer, no order needed. */
export const shippingInfoFlow: Flow = {
  name: 'shipping_info',
  orderFilter: null,
  async run(context) {
    const { locale } = context.turn;
    const policy = context.commerce.policy();
    const threshold = formatMoney(policy.freeShippingThresholdCents);
    const fee = formatMoney(policy.standardShippingCents);
    const general = reply(
      say(
        locale,
        `订单满 ${threshold} 包邮，不满收取 ${fee} 运费。付款后 ${policy.dispatchWithinHours} 小时内发货，合作快递：${policy.carriersZh.join('、')}。江浙沪一般 1–2 天送达，其他地区 2–4 天。`,
        `Orders of ${threshold} or more ship free; below that shipping is ${fee}. Orders ship within ${policy.dispatchWithinHours} hours of payment with ${policy.carriersEn.join(', ')}. Delivery usually takes 1–2 days near Shanghai and 2–4 days elsewhere.`,
      ),
    );
    // On a made-to-order product's page (or right after asking about one), its own dispatch time is added.
    const { state, turn } = context;
    const inView = state.productId ?? turn.pageProductId;
    const product = inView ? await resolveProduct(context) : null;
    if (product && 'product' in product && product.product.shipsWithinHours !== null)
      return answer(general, reply(describeProductDispatch(product.product, context)));
    return answer(general);
  },
};
