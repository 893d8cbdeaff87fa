import type { CommerceFailure, CommerceProduct } from '../../commerce';
import { longestSharedHanRun } from '../../commerce';
import type { FlowContext } from './flowKit';

export type ProductResolution =
  { product: CommerceProduct } | { missing: true } | { failure: CommerceFailure };

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
  const fallback = contextualId ?? searched.value[0]?.id ?? null;
  if (!fallback) return { missing: true };
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

const englishFillers = new Set(['the', 'for', 'and', 'with', 'of', 'in', 'to', 'pro', 'set', 'pack']);

/** Searches a message for a product without touching the state (to tell product from order questions). */
export async function mentionsProduct(context: FlowContext): Promise<boolean> {
  const searched = await context.commerce.searchProducts(context.turn.text, 1);
  return searched.ok && searched.value.length > 0;
}
