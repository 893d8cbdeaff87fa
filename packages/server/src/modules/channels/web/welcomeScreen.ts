import type { OrderCard, VisitorWelcome } from '@kefu/sdk';
import type { Db } from '../../../db/database';
import { buildOrderCard, localizeOrderCard } from '../../bot';
import { localizeReply, normaliseLocale, pickLocalizedText } from '../../../replyLocale';
import type { ScriptVariants, SuggestionSource } from '../../bot';
import { greetingScriptKey } from '../../bot';
import type { ReplyLocale } from '../../../replyLocale';
import type { CommerceConnector, CommerceOrder, CommerceProduct } from '../../commerce';
import type { ConversationService } from '../../conversations';
import { findShopCustomerId } from '../../customers';
import { loadProduct } from './shopSuggestions';
import type { WelcomeGreetings } from './welcomeGreetings';

export interface WelcomeDependencies {
  db: Db;
  conversations: Pick<ConversationService, 'findOpenConversationContext'>;
  commerce: CommerceConnector;
  suggestions: SuggestionSource;
  /** The greeting is a script an A/B test may vary (not the one naming the product on the page). */
  scripts: ScriptVariants;
  greetings: Pick<WelcomeGreetings, 'texts'>;
}

const recentOrders = 3;

/**
 * The opening screen before the first message: a greeting in the conversation's language, 猜你想问
 * (questions about the product on the page, then what shoppers asked most in the last 30 days), and a
 * signed-in shopper's recent orders. Shop-system failures only leave parts out; the screen always opens.
 */
export async function buildWelcomeScreen(
  dependencies: WelcomeDependencies,
  visitor: { customerId: string; channel: string },
): Promise<VisitorWelcome> {
  const context = await dependencies.conversations.findOpenConversationContext(
    visitor.customerId,
    visitor.channel,
  );
  const locale = normaliseLocale(context?.locale);
  const pageProductId = context?.pageProductId ?? null;
  const [product, suggestions, orders, greetings] = await Promise.all([
    loadProduct(dependencies.commerce, pageProductId),
    dependencies.suggestions.suggest({ locale, pageProductId }),
    loadRecentOrderCards(dependencies, visitor.customerId, locale),
    dependencies.greetings.texts(),
  ]);
  const localize = (text: string) => localizeReply(text, locale);
  const original = product ? productGreetingText(locale, product) : pickLocalizedText(locale, greetings);
  const greeting =
    context && !product
      ? await dependencies.scripts.choose({
          scriptKey: greetingScriptKey,
          customerId: visitor.customerId,
          conversationId: context.conversationId,
          triggerMessageId: null,
          locale,
          original,
        })
      : original;
  return {
    locale,
    greeting: localize(greeting),
    suggestions: suggestions.map((suggestion) => ({
      label: localize(suggestion.label),
      text: localize(suggestion.text),
    })),
    orders: orders.map((card) => localizeOrderCard(card, localize)),
  };
}

/** The greeting without a product on the page, worded for a conversation's language (other channels greet with it). */
export function welcomeGreeting(texts: { zh: string; en: string }, locale: string | null): string {
  const replyLocale = normaliseLocale(locale);
  return localizeReply(pickLocalizedText(replyLocale, texts), replyLocale);
}

function productGreetingText(locale: ReplyLocale, product: CommerceProduct): string {
  return pickLocalizedText(locale, {
    zh: `您好，欢迎光临！正在看「${product.nameZh}」吗？关于这款商品，或者订单、物流、退换货，都可以问我。`,
    en: `Hi, welcome! Looking at the ${product.nameEn}? Ask me about it, or about orders, delivery and returns.`,
  });
}

/** A signed-in shopper's latest orders as cards, with the latest parcel of each shipped one. */
async function loadRecentOrderCards(
  dependencies: WelcomeDependencies,
  customerId: string,
  locale: ReplyLocale,
): Promise<OrderCard[]> {
  const shopCustomerId = await findShopCustomerId(dependencies.db, customerId);
  if (!shopCustomerId) return [];
  const listed = await dependencies.commerce.listOrders(shopCustomerId, recentOrders);
  if (!listed.ok) return [];
  return Promise.all(
    listed.value.slice(0, recentOrders).map((order) => buildCardWithShipment(dependencies, order, locale)),
  );
}

async function buildCardWithShipment(
  dependencies: WelcomeDependencies,
  order: CommerceOrder,
  locale: ReplyLocale,
): Promise<OrderCard> {
  const hasParcel = order.shippedAt !== null;
  const shipments = hasParcel ? await dependencies.commerce.listShipments(order.orderNumber) : null;
  const shipment = shipments?.ok ? (shipments.value.at(-1) ?? null) : null;
  return buildOrderCard(order, shipment, locale);
}
