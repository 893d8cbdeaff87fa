import type { QuickReply } from '@kefu/sdk';
import type { Clock } from '../../../clock';
import type { Db } from '../../../db/database';
import type { SuggestionSource } from '../../bot';
import type { CommerceConnector, CommerceProduct } from '../../commerce';
import { countRecentCustomerIntents } from '../../conversations';
import { suggestQuestionsAboutProduct, suggestQuestionsFromIntents } from './suggestedQuestions';

export interface ShopSuggestionDependencies {
  db: Db;
  clock: Clock;
  commerce: CommerceConnector;
}

const statisticsWindowMs = 30 * 24 * 3_600_000;
const intentSuggestions = 4;
const productSuggestions = 2;

/**
 * 猜你想问 for this shop: up to two questions about the product on the page, then what shoppers asked most in
 * the last 30 days (the common questions while the shop has no history). Used by the opening screen and by
 * the bot's greeting.
 */
export function createShopSuggestions(dependencies: ShopSuggestionDependencies): SuggestionSource {
  return {
    async suggest({ locale, pageProductId }) {
      const since = new Date(dependencies.clock.now().getTime() - statisticsWindowMs);
      const [product, askedCounts] = await Promise.all([
        loadProduct(dependencies.commerce, pageProductId),
        countRecentCustomerIntents(dependencies.db, since),
      ]);
      const aboutProduct: QuickReply[] = product
        ? suggestQuestionsAboutProduct(product, locale, productSuggestions)
        : [];
      return [...aboutProduct, ...suggestQuestionsFromIntents(askedCounts, locale, intentSuggestions)];
    },
  };
}

export async function loadProduct(
  commerce: CommerceConnector,
  productId: string | null,
): Promise<CommerceProduct | null> {
  if (!productId) return null;
  const found = await commerce.getProduct(productId);
  return found.ok ? found.value : null;
}
