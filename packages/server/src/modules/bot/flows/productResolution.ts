import type { CommerceFailure, CommerceProduct } from '../../commerce/connector';
import type { FlowContext } from './flowKit';

export type ProductResolution =
  { product: CommerceProduct } | { missing: true } | { failure: CommerceFailure };

const contextReference = /这个|这款|那个|那款|那件|这件|它|\bit\b|\bthis\b|\bthat\b|\bthey\b/i;

/**
 * The product a question is about: one named in the message, else the one under discussion ("那件 / it"),
 * else the product page the shopper is on.
 */
export async function resolveProduct(context: FlowContext): Promise<ProductResolution> {
  const { state, turn, commerce } = context;
  const searched = await commerce.searchProducts(turn.text, 1);
  if (!searched.ok) return { failure: searched.failure };
  const named = searched.value[0];
  if (named) {
    state.productId = named.id;
    return { product: named };
  }
  // "那件 / it" names the product under discussion; otherwise the page the shopper is on comes first.
  const fallbackId = contextReference.test(context.text)
    ? (state.productId ?? turn.pageProductId)
    : (turn.pageProductId ?? state.productId);
  if (!fallbackId) return { missing: true };
  const found = await commerce.getProduct(fallbackId);
  if (!found.ok) return found.failure.kind === 'not_found' ? { missing: true } : { failure: found.failure };
  state.productId = found.value.id;
  return { product: found.value };
}

/** Searches a message for a product without touching the state (to tell product from order questions). */
export async function mentionsProduct(context: FlowContext): Promise<boolean> {
  const searched = await context.commerce.searchProducts(context.turn.text, 1);
  return searched.ok && searched.value.length > 0;
}
