import type { MessageCard, OrderCard, ProductCard } from '@kefu/sdk';
import type { CommerceOrder, CommerceProduct, CommerceShipment } from '../commerce';
import { orderStatusName, say } from './flows/flowKit';
import type { FlowResult } from './flows/flowKit';
import type { ReplyLocale } from '../../replyLocale';

/** What a product card needs; every connector's product has it, pictures and page when the shop has them. */
export type CardProduct = Pick<CommerceProduct, 'id' | 'nameZh' | 'nameEn' | 'priceCents' | 'attributes'> & {
  currency?: string | undefined;
  imageUrl?: string | null | undefined;
  imageEmoji?: string | null | undefined;
  url?: string | null | undefined;
};

const maxFacts = 3;
const maxFactLength = 24;
const maxTimelineEvents = 6;

/** A product card in the shopper's language: name, price, picture, page and up to three short facts. */
export function buildProductCard(product: CardProduct, locale: ReplyLocale): ProductCard {
  return {
    type: 'product',
    productId: product.id,
    title: say(locale, product.nameZh, product.nameEn),
    priceCents: product.priceCents,
    currency: product.currency ?? 'CNY',
    imageUrl: product.imageUrl ?? null,
    imageEmoji: product.imageEmoji ?? null,
    url: product.url ?? null,
    facts: product.attributes
      .map((attribute) => shortenFact(say(locale, attribute.valueZh, attribute.valueEn)))
      .filter((fact) => fact !== '')
      .slice(0, maxFacts),
  };
}

/** An order card in the shopper's language: status, items, total and, once shipped, the tracking timeline. */
export function buildOrderCard(
  order: CommerceOrder,
  shipment: CommerceShipment | null,
  locale: ReplyLocale,
): OrderCard {
  return {
    type: 'order',
    orderNumber: order.orderNumber,
    statusLabel: orderStatusName(order.status, locale),
    items: order.items.map((item) => ({
      title: say(locale, item.titleZh, item.titleEn),
      quantity: item.quantity,
    })),
    totalCents: order.totalCents,
    currency: order.currency,
    carrierName: shipment ? say(locale, shipment.carrierNameZh, shipment.carrierNameEn) : null,
    trackingNumber: shipment?.trackingNumber ?? null,
    timeline: shipment
      ? shipment.events
          .slice(-maxTimelineEvents)
          .reverse()
          .map((event) => ({ at: event.at, text: say(locale, event.descriptionZh, event.descriptionEn) }))
      : [],
  };
}

/** Converts every text of a card (e.g. to traditional script); numbers, ids and links stay as they are. */
export function localizeCard(card: MessageCard, localize: (text: string) => string): MessageCard {
  if (card.type === 'product')
    return { ...card, title: localize(card.title), facts: card.facts.map(localize) };
  return localizeOrderCard(card, localize);
}

export function localizeOrderCard(card: OrderCard, localize: (text: string) => string): OrderCard {
  return {
    ...card,
    statusLabel: localize(card.statusLabel),
    items: card.items.map((item) => ({ ...item, title: localize(item.title) })),
    carrierName: card.carrierName === null ? null : localize(card.carrierName),
    timeline: card.timeline.map((event) => ({ ...event, text: localize(event.text) })),
  };
}

/** Puts a card on the last reply of an answer; a handoff or an answer without replies is left as it is. */
export function withCard(result: FlowResult, card: MessageCard): FlowResult {
  const last = result.replies.at(-1);
  if (!last || result.handoff) return result;
  return { ...result, replies: [...result.replies.slice(0, -1), { ...last, card }] };
}

/** "5G 全网通，双卡双待" → "5G 全网通": the first clause of a value, kept short. */
function shortenFact(value: string): string {
  const firstClause = value.split(/[，,；;。]/)[0]?.trim() ?? '';
  return firstClause.length > maxFactLength ? `${firstClause.slice(0, maxFactLength - 1)}…` : firstClause;
}
