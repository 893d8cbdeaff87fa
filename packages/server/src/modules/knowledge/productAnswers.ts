import type { Clock } from '../../clock';
import type { CatalogService, ProductFacts } from '../commerce';
import {
  deicticPattern,
  generalTopicAttributes,
  answerAttributeQuestion,
  containsTerm,
  toComparable,
} from '../commerce';

export interface ProductAnswer {
  productId: string;
  attributeKey: string;
  /** null when the question was not a yes/no question about a value. */
  yes: boolean | null;
  text: { zh: string; en: string };
}

export interface ProductQuestion {
  text: string;
  pageProductId: string | null;
  lastDiscussedProductId: string | null;
}

const cacheLifetimeMs = 60_000;
const unitToken = /^\d+(\.\d+)?(gb|tb|mb|mah|w|l|ml|g|kg|mm|cm|m|hz|mp|k|寸|英寸)?$/;

/**
 * Answers questions about a product's attributes from the catalogue ("这款手机支持5G吗？" → yes + the spec).
 * The product is the one named in the question, else the page the shopper is on, else the last one discussed.
 */
export class ProductAnswerer {
  private cache: { products: ProductFacts[]; aliases: Map<string, string>; loadedAt: number } | null = null;

  constructor(
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
  ) {}

  /** The product a text names by a model name or a distinctive part of its name, if any. */
  async findMentionedProduct(text: string): Promise<string | null> {
    const { aliases } = await this.load();
    const comparable = toComparable(text);
    let found: { productId: string; length: number } | null = null;
    for (const [alias, productId] of aliases) {
      if (alias.length > (found?.length ?? 0) && containsTerm(comparable, alias))
        found = { productId, length: alias.length };
    }
    return found?.productId ?? null;
  }

  async answer(question: ProductQuestion): Promise<ProductAnswer | null> {
    const { products } = await this.load();
    const comparable = toComparable(question.text);
    const mentioned = await this.findMentionedProduct(question.text);
    const pointedAt = deicticPattern.test(comparable);
    const contextual = question.pageProductId ?? question.lastDiscussedProductId;
    const productId = mentioned ?? contextual;
    const product = products.find((candidate) => candidate.id === productId);
    if (!product) return null;
    const answered = answerAttributeQuestion(product, question.text);
    if (!answered) return null;
    if (!mentioned && !pointedAt && generalTopicAttributes.has(answered.attribute.key)) return null;
    return {
      productId: product.id,
      attributeKey: answered.attribute.key,
      yes: answered.yes,
      text: answered.text,
    };
  }

  private async load() {
    const nowMs = this.clock.now().getTime();
    if (this.cache && nowMs - this.cache.loadedAt < cacheLifetimeMs && nowMs >= this.cache.loadedAt)
      return this.cache;
    const [chinese, english] = await Promise.all([
      this.catalog.listProducts('zh-CN'),
      this.catalog.listProducts('en'),
    ]);
    const products: ProductFacts[] = chinese.map((product) => {
      const other = english.find((candidate) => candidate.id === product.id);
      return {
        id: product.id,
        nameZh: product.name,
        nameEn: other?.name ?? product.name,
        attributes: product.attributes.map((attribute) => {
          const translated = other?.attributes.find((candidate) => candidate.key === attribute.key);
          return {
            key: attribute.key,
            labelZh: attribute.label,
            labelEn: translated?.label ?? attribute.label,
            valueZh: attribute.value,
            valueEn: translated?.value ?? attribute.value,
          };
        }),
      };
    });
    this.cache = { products, aliases: buildAliases(products), loadedAt: nowMs };
    return this.cache;
  }
}

/** Model names (X20, Buds Pro, R8) and distinctive Chinese name parts, kept only when one product owns them. */
function buildAliases(products: readonly ProductFacts[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  const add = (alias: string, productId: string): void => {
    const set = owners.get(alias) ?? new Set<string>();
    set.add(productId);
    owners.set(alias, set);
  };
  for (const product of products) {
    for (const word of toComparable(product.nameEn).split(/[\s,+()/]+/)) {
      if (/[a-z]/.test(word) && /\d/.test(word) && !unitToken.test(word) && word !== '5g' && word !== '4g')
        add(word, product.id);
    }
    for (const segment of toComparable(product.nameZh).match(/\p{Script=Han}{3,}/gu) ?? []) {
      const characters = [...segment];
      for (let length = 3; length <= Math.min(6, characters.length); length++)
        for (let start = 0; start + length <= characters.length; start++)
          add(characters.slice(start, start + length).join(''), product.id);
    }
  }
  const aliases = new Map<string, string>();
  for (const [alias, productIds] of owners) {
    const [only] = [...productIds];
    if (productIds.size === 1 && only) aliases.set(alias, only);
  }
  return aliases;
}
