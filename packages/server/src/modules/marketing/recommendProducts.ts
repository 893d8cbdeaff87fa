import type { CommerceConnector, CommerceProduct } from '../commerce';

/** How many products each catalogue search may bring back as candidates. */
const candidatesPerSearch = 20;
/** Ranks products of the category the shopper asked about above those related only to their past orders. */
const askedBonus = 10;

export interface RecommendationInput {
  /** Products the shopper asked about in the conversation. */
  discussedProductIds: readonly string[];
  /** Products in the shopper's orders: the seeds of "related", never recommended again. */
  orderedProductIds: readonly string[];
  count: number;
}

/**
 * Products related to what the shopper asked about or bought, through the shop connector only: candidates come
 * from catalogue searches by each seed product's name and attribute values; a candidate is kept when it is in a
 * seed's category, in stock, and neither ordered by the shopper nor one they already looked at; candidates in the
 * category of what they asked about come first, then those that share more attributes with the seeds. Fewer than
 * `count` (or none) when the catalogue has fewer. Only products with a page Kefu can link to are offered (the
 * click-tracking redirect goes there and nowhere else).
 */
export async function recommendProducts(
  connector: CommerceConnector,
  input: RecommendationInput,
): Promise<CommerceProduct[]> {
  if (input.count <= 0) return [];
  const seeds = await loadSeeds(connector, [...input.discussedProductIds, ...input.orderedProductIds]);
  if (seeds.length === 0) return [];
  const excluded = new Set([...input.discussedProductIds, ...input.orderedProductIds]);
  const categories = new Set(seeds.map((seed) => seed.category));
  const discussed = new Set(input.discussedProductIds);
  // What the shopper asked about in this conversation says more than what they bought some time ago.
  const askedCategories = new Set(
    seeds.filter((seed) => discussed.has(seed.id)).map((seed) => seed.category),
  );
  const candidates = new Map<string, { product: CommerceProduct; score: number; order: number }>();
  for (const query of searchesFor(seeds)) {
    const found = await connector.searchProducts(query, candidatesPerSearch);
    if (!found.ok) throw new ShopUnavailableError();
    for (const product of found.value) {
      if (excluded.has(product.id) || product.stock <= 0 || !categories.has(product.category)) continue;
      if (!isLinkableProductPage(product.url)) continue;
      if (candidates.has(product.id)) continue;
      candidates.set(product.id, {
        product,
        score: sharedAttributes(product, seeds) + (askedCategories.has(product.category) ? askedBonus : 0),
        order: candidates.size,
      });
    }
  }
  return [...candidates.values()]
    .sort((left, right) => right.score - left.score || left.order - right.order)
    .slice(0, input.count)
    .map((candidate) => candidate.product);
}

/** The shop could not be asked: the offer job retries, then records the offer as skipped. */
export class ShopUnavailableError extends Error {
  constructor() {
    super('The shop system could not be reached');
    this.name = 'ShopUnavailableError';
  }
}

/** An http(s) address, or a path on the Kefu server (the built-in shop); never `//host`, `/\host` or a script URL. */
export function isLinkableProductPage(url: string | null | undefined): url is string {
  if (!url) return false;
  return /^https?:\/\/[^\s\\]+$/i.test(url) || /^\/(?![/\\])[^\s\\]*$/.test(url);
}

async function loadSeeds(connector: CommerceConnector, productIds: string[]): Promise<CommerceProduct[]> {
  const seeds: CommerceProduct[] = [];
  for (const productId of new Set(productIds)) {
    const found = await connector.getProduct(productId);
    if (found.ok) seeds.push(found.value);
    else if (found.failure.kind !== 'not_found') throw new ShopUnavailableError();
  }
  return seeds;
}

function searchesFor(seeds: readonly CommerceProduct[]): string[] {
  const queries = new Set<string>();
  for (const seed of seeds) {
    queries.add(seed.nameZh);
    queries.add(seed.nameEn);
    const values = seed.attributes.map((attribute) => attribute.valueZh).join(' ');
    if (values.trim() !== '') queries.add(values);
  }
  return [...queries];
}

function sharedAttributes(product: CommerceProduct, seeds: readonly CommerceProduct[]): number {
  const seedAttributes = new Set(
    seeds.flatMap((seed) => seed.attributes.map((attribute) => `${attribute.key}=${attribute.valueEn}`)),
  );
  const seedKeys = new Set(seeds.flatMap((seed) => seed.attributes.map((attribute) => attribute.key)));
  let score = 0;
  for (const attribute of product.attributes) {
    if (seedAttributes.has(`${attribute.key}=${attribute.valueEn}`)) score += 2;
    else if (seedKeys.has(attribute.key)) score += 1;
  }
  return score;
}
