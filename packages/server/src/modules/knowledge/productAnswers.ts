import { prepareText, toSimplified } from '@kefu/nlu';
import type { Clock } from '../../clock';
import type { CatalogService } from '../commerce/catalogService';
import {
  attributeTriggerTerms,
  deicticPattern,
  generalTopicAttributes,
  yesNoQuestionPattern,
} from './productAttributeTerms';

interface ProductAttributeFacts {
  key: string;
  labelZh: string;
  labelEn: string;
  valueZh: string;
  valueEn: string;
}

interface ProductFacts {
  id: string;
  nameZh: string;
  nameEn: string;
  attributes: ProductAttributeFacts[];
}

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
    const attribute = findAskedAttribute(product, comparable);
    if (!attribute) return null;
    if (!mentioned && !pointedAt && generalTopicAttributes.has(attribute.key)) return null;
    const yes = yesNoQuestionPattern.test(comparable) ? judgeYesNo(comparable, attribute, product) : null;
    return {
      productId: product.id,
      attributeKey: attribute.key,
      yes,
      text: phrase(product, attribute, yes, comparable),
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

function findAskedAttribute(product: ProductFacts, comparable: string): ProductAttributeFacts | null {
  let best: { attribute: ProductAttributeFacts; length: number } | null = null;
  for (const attribute of product.attributes) {
    const terms = [
      ...(attributeTriggerTerms[attribute.key] ?? []),
      toComparable(attribute.labelZh),
      toComparable(attribute.labelEn),
    ];
    for (const term of terms) {
      if (term.length > (best?.length ?? 0) && containsTerm(comparable, term))
        best = { attribute, length: term.length };
    }
  }
  return best?.attribute ?? null;
}

/** Yes when every value-like word of the question appears in the attribute; no when one does not. */
function judgeYesNo(
  comparable: string,
  attribute: ProductAttributeFacts,
  product: ProductFacts,
): boolean | null {
  const value = toComparable(`${attribute.valueZh} ${attribute.valueEn}`);
  const name = toComparable(`${product.nameZh} ${product.nameEn}`);
  const asked = prepareText(comparable).tokens.filter(
    (token) => /[a-z]/.test(token) && /\d/.test(token) && !name.includes(token),
  );
  const askedWords = (attributeTriggerTerms[attribute.key] ?? []).filter(
    (term) => term.length >= 1 && containsTerm(comparable, term) && /\d|纯|棉|麻|丝|毛|防水|ip/.test(term),
  );
  const values = [...new Set([...asked, ...askedWords])];
  if (values.length === 0) return null;
  return values.every((token) => affirms(value, token));
}

const negatedBefore = /(不支持|不含|不带|不是|不能|无|没有|非|not|no|without)\s*$/;

/** The attribute says yes to the word: it names it, and not as "不支持 5G" / "no 5G". */
function affirms(value: string, token: string): boolean {
  let index = value.indexOf(token);
  let found = false;
  while (index >= 0) {
    if (negatedBefore.test(value.slice(Math.max(0, index - 8), index))) return false;
    found = true;
    index = value.indexOf(token, index + token.length);
  }
  return found;
}

function phrase(
  product: ProductFacts,
  attribute: ProductAttributeFacts,
  yes: boolean | null,
  comparable: string,
): { zh: string; en: string } {
  const supportVerb = comparable.includes('支持') ? '支持' : comparable.includes('有') ? '有' : '是';
  const zhLead =
    yes === null ? '' : yes ? `${supportVerb}的～` : `不${supportVerb === '是' ? '是' : supportVerb}哦。`;
  const enLead = yes === null ? '' : yes ? 'Yes. ' : 'No. ';
  return {
    zh: `${zhLead}「${product.nameZh}」的${attribute.labelZh}：${attribute.valueZh}。`,
    en: `${enLead}${attribute.labelEn} of the ${product.nameEn}: ${attribute.valueEn}.`,
  };
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

function toComparable(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/** Latin terms match whole words (so "it" is not found in "with"); Chinese terms match anywhere. */
function containsTerm(comparable: string, term: string): boolean {
  if (!/^[a-z0-9 .-]+$/.test(term)) return comparable.includes(term);
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`).test(comparable);
}
