// Reads the embedding options from the widget's own <script> tag:
// <script src="https://HOST/widget.js" data-locale="zh-CN" data-title="…" data-primary-color="#e4393c"
//         data-product-id="prod_03" async></script>
// A shop that knows the shopper adds data-shop-customer-id="…" and data-shop-signature="…" (the hex
// HMAC-SHA256 of the id with KEFU_SHOP_IDENTITY_SECRET, computed by the shop's server, never in the page).
import { normalizeWidgetLocale, type WidgetLocale } from './widgetStrings';

export interface WidgetOptions {
  /** The Kefu server the script came from; the visitor API lives under it. */
  baseUrl: string;
  locale: WidgetLocale;
  title: string | null;
  primaryColor: string | null;
  productId: string | null;
  identity: { shopCustomerId: string; signature: string } | null;
}

export function readWidgetOptions(script: HTMLScriptElement | null): WidgetOptions {
  const data = script?.dataset ?? {};
  return {
    baseUrl: deriveBaseUrl(script?.src),
    locale: normalizeWidgetLocale(data.locale ?? document.documentElement.lang),
    title: data.title?.trim() || null,
    primaryColor: readColor(data.primaryColor),
    productId: data.productId?.trim() || null,
    identity: readIdentity(data.shopCustomerId, data.shopSignature),
  };
}

/** The running script's tag: currentScript while it executes, else the last tag loading widget.js. */
export function findWidgetScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  const candidates = document.querySelectorAll<HTMLScriptElement>('script[src*="widget.js"]');
  return candidates[candidates.length - 1] ?? null;
}

function deriveBaseUrl(scriptSource: string | undefined): string {
  if (!scriptSource) return window.location.origin;
  try {
    return new URL('.', scriptSource).href.replace(/\/+$/, '');
  } catch {
    return window.location.origin;
  }
}

function readIdentity(
  shopCustomerId: string | undefined,
  signature: string | undefined,
): WidgetOptions['identity'] {
  const id = shopCustomerId?.trim();
  const hex = signature?.trim();
  return id && hex ? { shopCustomerId: id, signature: hex } : null;
}

function readColor(value: string | undefined): string | null {
  const color = value?.trim();
  if (!color) return null;
  return typeof CSS !== 'undefined' && CSS.supports('color', color) ? color : null;
}
