// The page-facing API: `window.Kefu`. Pages that call it before the async script has loaded can queue
// calls with `window.Kefu = window.Kefu || { q: [] }; Kefu.q.push(['setPage', { productId: 'prod_03' }])`,
// or wait for the `kefu:ready` event on window. A shop that signs its shoppers in calls
// `Kefu.identify({ shopCustomerId, signature })` with the signature its own server computed.
export interface KefuPageContext {
  url?: string;
  productId?: string;
}

/** A shopper signed in on the shop; the signature comes from the shop's server (see README). */
export interface KefuShopIdentity {
  shopCustomerId: string;
  signature: string;
}

export interface KefuWidgetApi {
  open(): void;
  close(): void;
  setPage(page: KefuPageContext): void;
  setLocale(locale: string): void;
  identify(identity: KefuShopIdentity): void;
}

export const KEFU_READY_EVENT = 'kefu:ready';

/** Narrows an untrusted value (a queued call's argument) to a page context. */
export function parsePageContext(value: unknown): KefuPageContext {
  if (typeof value !== 'object' || value === null) return {};
  const url: unknown = Reflect.get(value, 'url');
  const productId: unknown = Reflect.get(value, 'productId');
  return {
    url: typeof url === 'string' ? url : undefined,
    productId: typeof productId === 'string' && productId !== '' ? productId : undefined,
  };
}

/** Narrows an untrusted value to a shop identity, or null. */
export function parseShopIdentity(value: unknown): KefuShopIdentity | null {
  if (typeof value !== 'object' || value === null) return null;
  const shopCustomerId: unknown = Reflect.get(value, 'shopCustomerId');
  const signature: unknown = Reflect.get(value, 'signature');
  if (typeof shopCustomerId !== 'string' || typeof signature !== 'string') return null;
  if (shopCustomerId.trim() === '' || signature.trim() === '') return null;
  return { shopCustomerId: shopCustomerId.trim(), signature: signature.trim() };
}
