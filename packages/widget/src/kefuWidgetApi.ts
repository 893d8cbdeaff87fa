// The page-facing API: `window.Kefu`. Pages that call it before the async script has loaded can queue
// calls with `window.Kefu = window.Kefu || { q: [] }; Kefu.q.push(['setPage', { productId: 'prod_03' }])`,
// or wait for the `kefu:ready` event on window.
export interface KefuPageContext {
  url?: string;
  productId?: string;
}

export interface KefuWidgetApi {
  open(): void;
  close(): void;
  setPage(page: KefuPageContext): void;
  setLocale(locale: string): void;
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
