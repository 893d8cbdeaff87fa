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

export interface WelcomeDependencies {
  db: Db;
  conversations: Pick<ConversationService, 'findOpenConversationContext'>;
  commerce: CommerceConnector;
  suggestions: SuggestionSource;
  /** The greeting is a script an A/B test may vary (not the one naming the product on the page). */
  scripts: ScriptVariants;
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
  const [product, suggestions, orders] = await Promise.all([
    loadProduct(dependencies.commerce, pageProductId),
    dependencies.suggestions.suggest({ locale, pageProductId }),
    loadRecentOrderCards(dependencies, visitor.customerId, locale),
  ]);
  const localize = (text: string) => localizeReply(text, locale);
  const original = greetingText(locale, product);
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

/** The widget's greeting without a product on the page, in the shopper's language (other channels greet with it). */
export function welcomeGreeting(locale: string | null): string {
  const replyLocale = normaliseLocale(locale);
  return localizeReply(greetingText(replyLocale, null), replyLocale);
}

/** The greeting's own texts, simplified Chinese and English (what an A/B test's control says). */
export function welcomeGreetingTexts(): { zh: string; en: string } {
  return { zh: greetingText('zh-CN', null), en: greetingText('en', null) };
}

function greetingText(locale: ReplyLocale, product: CommerceProduct | null): string {
  if (product)
    return pickLocalizedText(locale, {
      zh: `您好，欢迎光临！正在看「${product.nameZh}」吗？关于这款商品，或者订单、物流、退换货，都可以问我。`,
      en: `Hi, welcome! Looking at the ${product.nameEn}? Ask me about it, or about orders, delivery and returns.`,
    });
  return pickLocalizedText(locale, {
    zh: '您好，欢迎光临！我是智能客服，商品、订单、物流、退换货都可以问我。',
    en: "Hi, welcome! I'm the shop's assistant: ask me about products, orders, delivery or returns.",
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
