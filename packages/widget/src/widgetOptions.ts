// Reads the embedding options from the widget's own <script> tag:
// <script src="https://HOST/widget.js" data-locale="zh-CN" data-title="…" data-primary-color="#e4393c"
//         data-product-id="prod_03" async></script>
import { normalizeWidgetLocale, type WidgetLocale } from './widgetStrings';

export interface WidgetOptions {
  /** The Kefu server the script came from; the visitor API lives under it. */
  baseUrl: string;
  locale: WidgetLocale;
  title: string | null;
  primaryColor: string | null;
  productId: string | null;
}

export function readWidgetOptions(script: HTMLScriptElement | null): WidgetOptions {
  const data = script?.dataset ?? {};
  return {
    baseUrl: deriveBaseUrl(script?.src),
    locale: normalizeWidgetLocale(data.locale ?? document.documentElement.lang),
    title: data.title?.trim() || null,
    primaryColor: readColor(data.primaryColor),
    productId: data.productId?.trim() || null,
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

function readColor(value: string | undefined): string | null {
  const color = value?.trim();
  if (!color) return null;
  return typeof CSS !== 'undefined' && CSS.supports('color', color) ? color : null;
}
