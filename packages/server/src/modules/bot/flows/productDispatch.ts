import type { CommerceProduct } from '../../commerce';
import type { FlowContext, FlowResult } from './flowKit';
import { answer, reply, say } from './flowKit';
import { resolveProduct } from './productResolution';

/** Words of a shopper chasing an order already paid, not asking before buying. */
const chasingCue =
  /催|快点|快點|赶紧|趕緊|加急|还不|還不|还没|還沒|怎么还|怎麼還|都.{0,4}天|我的订单|我的訂單|我买的|我買的|我拍的|hurry|still|yet|asap|my order|i ordered|i bought/i;

const dispatchWord = /发货|出货|寄出|发出|\b(ship|ships|shipped|dispatch(?:ed)?|send it out)\b/i;

/**
 * "这件卫衣多久发货" before buying: the dispatch time of the product under discussion (its own for a
 * made-to-order item, else the shop's). Null when the question is about an order or no product is in view.
 */
export async function answerProductDispatch(context: FlowContext): Promise<FlowResult | null> {
  if (!asksProductDispatch(context, false)) return null;
  const resolved = await resolveProduct(context);
  if (!('product' in resolved)) return null;
  return answer(reply(describeProductDispatch(resolved.product, context)));
}

/** A question before buying about when the product in view ships (not a paid order being chased). */
export function asksProductDispatch(context: FlowContext, needsDispatchWord = true): boolean {
  const { state, turn } = context;
  const mentionsOrder = turn.understanding.entities.some(
    (entity) => entity.type === 'order_number' || entity.type === 'tracking_number',
  );
  if (mentionsOrder || chasingCue.test(context.text) || state.verifiedOrders.length > 0) return false;
  if (!state.productId && !turn.pageProductId) return false;
  return !needsDispatchWord || dispatchWord.test(context.text);
}

export function describeProductDispatch(product: CommerceProduct, context: FlowContext): string {
  const { locale } = context.turn;
  const name = say(locale, product.nameZh, product.nameEn);
  const shopHours = context.commerce.policy().dispatchWithinHours;
  if (product.shipsWithinHours === null)
    return say(
      locale,
      `「${name}」现货，付款后 ${formatDuration(shopHours, 'zh')}内发货。`,
      `${name} is in stock and ships within ${formatDuration(shopHours, 'en')} of payment.`,
    );
  return say(
    locale,
    `「${name}」是定制商品，付款后制作，${formatDuration(product.shipsWithinHours, 'zh')}内发货（普通商品 ${formatDuration(shopHours, 'zh')}内）。`,
    `${name} is made to order after payment and ships within ${formatDuration(product.shipsWithinHours, 'en')} (other items within ${formatDuration(shopHours, 'en')}).`,
  );
}

function formatDuration(hours: number, language: 'zh' | 'en'): string {
  if (hours > 48 && hours % 24 === 0) return language === 'zh' ? `${hours / 24} 天` : `${hours / 24} days`;
  return language === 'zh' ? `${hours} 小时` : `${hours} hours`;
}
