import type { CommerceFailure, CommerceProduct } from '../../commerce';
import { longestSharedHanRun } from '../../commerce';
import type { FlowContext } from './flowKit';
import { answerProductQuestion } from './productQuestions';

export type ProductResolution =
  | { product: CommerceProduct }
  /** `unknown`: the message names a kind of goods the shop does not seem to sell ("rice cooker", "手机壳"). */
  | { missing: true; unknown?: true }
  | { failure: CommerceFailure };

const contextReference = /这个|这款|那个|那款|那件|这件|它|\bit\b|\bthis\b|\bthat\b|\bthey\b/i;

/**
 * The product a question is about: one the message clearly names ("阔腿裤", "X20", "wide leg pants"), else the
 * one pointed at ("那件 / it": the product under discussion) or the page the shopper is on, else the best
 * search hit. An attribute word ("支持5G吗" on a 4G phone's page) never moves the question to another product.
 */
export async function resolveProduct(context: FlowContext): Promise<ProductResolution> {
  const { state, turn, commerce } = context;
  const searched = await commerce.searchProducts(turn.text, 3);
  if (!searched.ok) return { failure: searched.failure };
  const named = searched.value.find((product) => namesProduct(context.text, product));
  if (named) {
    state.productId = named.id;
    return { product: named };
  }
  const contextualId = contextReference.test(context.text)
    ? (state.productId ?? turn.pageProductId)
    : (turn.pageProductId ?? state.productId);
  const top = searched.value[0];
  // The best hit stands in for what was asked only when it is that kind of thing: never "rice" for a rice
  // cooker, a phone for a phone case, or a jacket found by a word of its description.
  const topFits =
    top !== undefined && !namesAnotherKind(context.text, top) && namesInEnglish(context.text, top);
  const fallback = contextualId ?? (topFits ? top.id : null);
  if (!fallback) return top ? { missing: true, unknown: true } : { missing: true };
  const found = await commerce.getProduct(fallback);
  if (!found.ok) return found.failure.kind === 'not_found' ? { missing: true } : { failure: found.failure };
  state.productId = found.value.id;
  return { product: found.value };
}

/** A clear reference: three Chinese characters of the name in a row, a model name (X20), or two English name words. */
function namesProduct(text: string, product: CommerceProduct): boolean {
  const comparable = text.toLowerCase();
  const nameZh = product.nameZh.toLowerCase();
  if (longestSharedHanRun(comparable, nameZh) >= 3) return true;
  const nameWords = new Set(
    product.nameEn
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 2),
  );
  const words = comparable.split(/[^a-z0-9]+/).filter((word) => word.length >= 2);
  const model = words.some(
    (word) => /[a-z]/.test(word) && /\d/.test(word) && nameWords.has(word) && !/^[45]g$/.test(word),
  );
  const shared = words.filter((word) => nameWords.has(word) && !englishFillers.has(word)).length;
  return model || shared >= 2;
}

/**
 * Goods named by a word of the product's name followed by another kind of thing: "rice cooker" is not rice,
 * "phone case" not a phone, "咖啡机" not coffee beans, "手机壳" not a phone.
 */
function namesAnotherKind(text: string, product: CommerceProduct): boolean {
  const comparable = text.toLowerCase();
  const nameWords = englishNameWords(product);
  const words = comparable.split(/[^a-z0-9]+/).filter(Boolean);
  for (let index = 0; index + 1 < words.length; index += 1) {
    const next = words[index + 1] ?? '';
    if (
      nameWords.has(singular(words[index] ?? '')) &&
      kindHeads.has(singular(next)) &&
      !nameWords.has(singular(next))
    )
      return true;
  }
  const nameZh = product.nameZh;
  const chars = [...comparable];
  for (let index = 0; index + 2 < chars.length; index += 1) {
    const noun = chars.slice(index, index + 2).join('');
    if (!/^\p{Script=Han}{2}$/u.test(noun) || !nameZh.includes(noun)) continue;
    const head = chineseKindHeads.find((candidate) =>
      chars
        .slice(index + 2)
        .join('')
        .startsWith(candidate),
    );
    if (head && !nameZh.includes(head)) return true;
  }
  return false;
}

const chineseKindHeads = [
  '支架',
  '壳',
  '套',
  '膜',
  '架',
  '包',
  '袋',
  '盒',
  '线',
  '机',
  '锅',
  '煲',
  '杯',
  '刷',
  '罩',
];
const kindHeads = new Set(
  'cooker maker machine case cover holder stand mount bag box cable cord charger strap band protector sleeve pot kettle cup mug brush filter lid'.split(
    ' ',
  ),
);

/** An English question shares a word with the product's English name; Chinese ones rely on the search. */
function namesInEnglish(text: string, product: CommerceProduct): boolean {
  if (/\p{Script=Han}/u.test(text)) return true;
  const nameWords = englishNameWords(product);
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => word.length >= 3 && !englishFillers.has(word) && nameWords.has(singular(word)));
}

function englishNameWords(product: CommerceProduct): Set<string> {
  return new Set(
    product.nameEn
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 2)
      .map(singular),
  );
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

const englishFillers = new Set(['the', 'for', 'and', 'with', 'of', 'in', 'to', 'pro', 'set', 'pack']);

/**
 * Whether a message is about a product, without touching the state (to tell product from order questions): it
 * names one, or asks what the product on the page or under discussion answers ("182 80kg穿啥码", "能游泳吗").
 */
export async function mentionsProduct(context: FlowContext): Promise<boolean> {
  const searched = await context.commerce.searchProducts(context.turn.text, 1);
  if (searched.ok && searched.value.length > 0) return true;
  const inView = context.turn.pageProductId ?? context.state.productId;
  if (!inView) return false;
  const found = await context.commerce.getProduct(inView);
  return found.ok && answerProductQuestion(found.value, context.turn.text, context.turn.locale) !== null;
}
