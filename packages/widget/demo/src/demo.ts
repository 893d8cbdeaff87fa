// The demo shop: a product list and product pages (hash routes `#/` and `#/product/:id`), zh-CN by default
// with an English switch, and the Kefu widget told which product the shopper is looking at.
import type { ShopProduct } from '@kefu/sdk';
import { KEFU_READY_EVENT, type KefuWidgetApi } from '../../src/kefuWidgetApi';
import { selectDemoStrings, type DemoLocale, type DemoStrings } from './demoStrings';
import { renderMessage, renderProductDetail, renderProductList } from './productViews';
import { fetchProduct, fetchProducts, ProductNotFoundError } from './shopApi';

const LOCALE_STORAGE_KEY = 'kefu-demo.locale';

let locale: DemoLocale = readSavedLocale();
let strings: DemoStrings = selectDemoStrings(locale);
let selectedCategory: string | null = null;
let renderSequence = 0;

startDemo();

function startDemo(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('.shop-locale button')) {
    button.addEventListener('click', () => switchLocale(button.dataset.locale === 'en' ? 'en' : 'zh-CN'));
  }
  window.addEventListener('hashchange', () => void renderRoute());
  applyLocaleToChrome();
  if (locale !== 'zh-CN') callKefu((kefu) => kefu.setLocale(locale));
  void renderRoute();
}

async function renderRoute(): Promise<void> {
  const sequence = ++renderSequence;
  const main = readMain();
  const productId = readProductIdFromHash(window.location.hash);
  main.replaceChildren(renderMessage(strings.loading));
  const context = { strings, locale };
  try {
    if (productId) {
      const product = await fetchProduct(productId, locale);
      if (sequence !== renderSequence) return;
      main.replaceChildren(renderProductDetail(product, context, () => callKefu((kefu) => kefu.open())));
      document.title = `${product.name} - ${strings.shopName}`;
      callKefu((kefu) => kefu.setPage({ url: window.location.href, productId: product.id }));
    } else {
      const products = await fetchProducts(locale);
      if (sequence !== renderSequence) return;
      renderList(products);
      document.title = strings.shopName;
      callKefu((kefu) => kefu.setPage({ url: window.location.href }));
    }
  } catch (error) {
    if (sequence !== renderSequence) return;
    main.replaceChildren(
      renderMessage(error instanceof ProductNotFoundError ? strings.notFound : strings.loadError),
    );
  }
}

function renderList(products: readonly ShopProduct[]): void {
  const selectCategory = (category: string | null): void => {
    selectedCategory = category;
    renderList(products);
  };
  readMain().replaceChildren(
    renderProductList(products, selectedCategory, { strings, locale }, selectCategory),
  );
}

function switchLocale(nextLocale: DemoLocale): void {
  if (nextLocale === locale) return;
  locale = nextLocale;
  strings = selectDemoStrings(locale);
  selectedCategory = null; // category names are localised, so a selection does not carry over
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // not remembered across reloads; the switch still works
  }
  applyLocaleToChrome();
  callKefu((kefu) => kefu.setLocale(locale));
  void renderRoute();
}

function applyLocaleToChrome(): void {
  document.documentElement.lang = locale;
  const shopName = document.getElementById('shop-name');
  if (shopName) shopName.textContent = strings.shopName;
  const footer = document.getElementById('shop-footer');
  if (footer) footer.textContent = strings.footer;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.shop-locale button')) {
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  }
}

/** Runs an action on window.Kefu now, or once the async widget script has loaded. */
function callKefu(action: (kefu: KefuWidgetApi) => void): void {
  const kefu = readWidgetApi();
  if (kefu) {
    action(kefu);
    return;
  }
  window.addEventListener(
    KEFU_READY_EVENT,
    () => {
      const readyKefu = readWidgetApi();
      if (readyKefu) action(readyKefu);
    },
    { once: true },
  );
}

/** The widget's API once loaded; before that `window.Kefu` may be a page's queue of calls (`{ q: [] }`). */
function readWidgetApi(): KefuWidgetApi | null {
  const candidate: unknown = Reflect.get(window, 'Kefu');
  return isWidgetApi(candidate) ? candidate : null;
}

function isWidgetApi(value: unknown): value is KefuWidgetApi {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'setPage') === 'function';
}

function readProductIdFromHash(hash: string): string | null {
  const match = /^#\/product\/([^/?#]+)/.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

function readSavedLocale(): DemoLocale {
  try {
    return window.localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function readMain(): HTMLElement {
  const main = document.getElementById('shop-main');
  if (!main) throw new Error('The demo page has no #shop-main element');
  return main;
}
