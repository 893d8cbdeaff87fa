import type { ProductCard } from '@kefu/sdk';
import type { ReplyLocale } from '../../replyLocale';
import { localizeReply, pickLocalizedText } from '../../replyLocale';
import { buildProductCard } from '../bot';
import type { CommerceProduct, CommercePromotion } from '../commerce';

export interface OfferMessage {
  text: string;
  card: ProductCard | null;
}

/**
 * The offer as messages in the conversation's language and script: an opening line (with the coupon, and how to
 * stop these messages), then one message per recommended product whose card and text both link through Kefu's
 * click-tracking address. Each text is complete on its own, for channels that show no cards.
 */
export function composeOfferMessages(
  locale: ReplyLocale,
  offer: {
    products: { product: CommerceProduct; trackingUrl: string }[];
    coupon: CommercePromotion | null;
  },
): OfferMessage[] {
  const say = (zh: string, en: string) => localizeReply(pickLocalizedText(locale, { zh, en }), locale);
  const lines = [say('感谢您的咨询！', 'Thank you for chatting with us!')];
  if (offer.products.length > 0)
    lines.push(say('根据您关注的商品，为您挑选了：', 'Based on what you looked at, you may also like:'));
  if (offer.coupon)
    lines.push(
      say(
        `送您一张优惠券：${offer.coupon.code}（${offer.coupon.descriptionZh}），下单时填写即可使用。`,
        `Here is a coupon for you: ${offer.coupon.code} (${offer.coupon.descriptionEn}) — enter it at checkout.`,
      ),
    );
  lines.push(say('回复“退订”即不再接收此类消息。', 'Reply "unsubscribe" to stop these messages.'));
  const opening: OfferMessage = { text: lines.join('\n'), card: null };
  const cards = offer.products.map(({ product, trackingUrl }) =>
    productMessage(locale, product, trackingUrl),
  );
  return [opening, ...cards];
}

function productMessage(locale: ReplyLocale, product: CommerceProduct, trackingUrl: string): OfferMessage {
  const built = buildProductCard(product, locale);
  const card: ProductCard = {
    ...built,
    title: localizeReply(built.title, locale),
    facts: built.facts.map((fact) => localizeReply(fact, locale)),
    url: trackingUrl,
  };
  const price = `¥${(product.priceCents / 100).toFixed(2)}`;
  return { text: `${card.title} ${price}\n${trackingUrl}`, card };
}
