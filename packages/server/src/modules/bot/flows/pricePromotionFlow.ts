import type { Flow } from './flowKit';
import { answer, connectorFailure, formatMoney, reply, say } from './flowKit';
import { buildProductCard, withCard } from '../cards';
import { resolveProduct } from './productResolution';
import { describePrice } from './productFlows';

/** Coupons the shopper can use (members-only ones for members), and the best one for the product in question. */
export const pricePromotionFlow: Flow = {
  name: 'price_promotion',
  orderFilter: null,
  async run(context) {
    const { locale } = context.turn;
    const resolved = await resolveProduct(context);
    if ('failure' in resolved) return connectorFailure(locale, resolved.failure);
    // A coupon question rarely names goods ("any promo code for my first order?"): without a product the
    // shop's offers are listed rather than asking which item was meant.
    const product = 'product' in resolved ? resolved.product : null;
    const promotions = await context.commerce.listPromotions({
      ...(context.shopCustomerId && { customerId: context.shopCustomerId }),
      ...(product && { productId: product.id }),
    });
    if (!promotions.ok) return connectorFailure(locale, promotions.failure);
    const lines = promotions.value.map(
      (promotion) => `· ${promotion.code}：${say(locale, promotion.descriptionZh, promotion.descriptionEn)}`,
    );
    if (lines.length === 0)
      return answer(
        reply(say(locale, '目前没有可用的优惠券。', 'There are no coupons available right now.')),
      );
    const header = say(locale, '当前可用的优惠：', 'Current offers:');
    if (!product) return answer(reply(`${header}\n${lines.join('\n')}`));
    const best = promotions.value
      .filter((promotion) => promotion.minimumSubtotalCents <= product.priceCents)
      .sort((left, right) => right.discountCents - left.discountCents)[0];
    const advice = best
      ? say(
          locale,
          `单买这件可用 ${best.code}，到手价 ${formatMoney(product.priceCents - best.discountCents)}。`,
          `Bought alone, ${best.code} brings it to ${formatMoney(product.priceCents - best.discountCents)}.`,
        )
      : say(
          locale,
          '单买这件还达不到优惠门槛，可以凑单使用。',
          'On its own it is below every coupon threshold; add items to use one.',
        );
    const priced = answer(
      reply(
        `${describePrice(product, locale)}${say(locale, '。', '. ')}${advice}\n${header}\n${lines.join('\n')}`,
      ),
    );
    return withCard(priced, buildProductCard(product, locale));
  },
};
