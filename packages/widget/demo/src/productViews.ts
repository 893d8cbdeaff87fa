// DOM of the demo shop's two pages. Product text is set through textContent only.
import type { ShopProduct } from '@kefu/sdk';
import { createElement } from '../../src/createElement';
import { describeCategory, formatPrice, type DemoLocale, type DemoStrings } from './demoStrings';

export interface ProductViewContext {
  strings: DemoStrings;
  locale: DemoLocale;
}

export function renderProductList(
  products: readonly ShopProduct[],
  selectedCategory: string | null,
  context: ProductViewContext,
  onSelectCategory: (category: string | null) => void,
): HTMLElement {
  const { strings } = context;
  const categories = Array.from(new Set(products.map((product) => product.category)));
  const filterButtons = [null, ...categories].map((category) => {
    const button = createElement('button', {
      text: category === null ? strings.allCategories : describeCategory(category, strings),
      attributes: { type: 'button', 'aria-pressed': String(category === selectedCategory) },
    });
    button.addEventListener('click', () => onSelectCategory(category));
    return button;
  });
  const visibleProducts = products.filter(
    (product) => !selectedCategory || product.category === selectedCategory,
  );
  return createElement('div', {
    children: [
      createElement('section', {
        className: 'shop-hero',
        children: [
          createElement('h1', { text: strings.heroTitle }),
          createElement('p', { text: strings.heroText }),
        ],
      }),
      createElement('div', {
        className: 'shop-filters',
        attributes: { role: 'group', 'aria-label': strings.categoryFilter },
        children: filterButtons,
      }),
      createElement('ul', {
        className: 'shop-grid',
        attributes: { 'data-testid': 'product-list' },
        children: visibleProducts.map((product) =>
          createElement('li', { children: [renderProductCard(product, context)] }),
        ),
      }),
    ],
  });
}

export function renderProductDetail(
  product: ShopProduct,
  context: ProductViewContext,
  onAsk: () => void,
): HTMLElement {
  const { strings } = context;
  const askButton = createElement('button', {
    className: 'button-primary',
    text: strings.askService,
    attributes: { type: 'button' },
  });
  askButton.addEventListener('click', onAsk);
  const attributeRows = [
    { label: strings.brand, value: product.brand },
    { label: strings.sku, value: product.sku },
    ...product.attributes,
  ].map((attribute) =>
    createElement('tr', {
      children: [
        createElement('th', { text: attribute.label, attributes: { scope: 'row' } }),
        createElement('td', { text: attribute.value }),
      ],
    }),
  );
  return createElement('div', {
    children: [
      createElement('a', { className: 'shop-back', text: strings.back, attributes: { href: '#/' } }),
      createElement('article', {
        className: 'product-detail',
        attributes: { 'data-testid': 'product-detail', 'data-product-id': product.id },
        children: [
          createElement('div', {
            className: 'product-detail__image',
            text: product.imageEmoji,
            attributes: { 'aria-hidden': 'true' },
          }),
          createElement('div', {
            children: [
              createElement('div', {
                className: 'product-detail__brand',
                text: `${product.brand} · ${describeCategory(product.category, strings)}`,
              }),
              createElement('h1', { text: product.name }),
              createElement('div', {
                className: 'product-detail__price',
                children: [
                  createElement('span', {
                    className: 'price',
                    text: formatPrice(product.priceCents, context.locale),
                  }),
                ],
              }),
              renderStock(product, strings),
              createElement('p', { className: 'product-detail__description', text: product.description }),
              createElement('div', { className: 'product-actions', children: [askButton] }),
              createElement('table', {
                className: 'attributes',
                children: [
                  createElement('caption', { text: strings.attributes }),
                  createElement('tbody', { children: attributeRows }),
                ],
              }),
            ],
          }),
        ],
      }),
    ],
  });
}

export function renderMessage(text: string): HTMLElement {
  return createElement('p', { className: 'shop-message', text, attributes: { role: 'status' } });
}

function renderProductCard(product: ShopProduct, context: ProductViewContext): HTMLElement {
  return createElement('a', {
    className: 'product-card',
    attributes: { href: `#/product/${encodeURIComponent(product.id)}`, 'data-product-id': product.id },
    children: [
      createElement('div', {
        className: 'product-card__image',
        text: product.imageEmoji,
        attributes: { 'aria-hidden': 'true' },
      }),
      createElement('div', {
        className: 'product-card__body',
        children: [
          createElement('span', { className: 'product-card__brand', text: product.brand }),
          createElement('span', { className: 'product-card__name', text: product.name }),
          createElement('div', {
            className: 'product-card__footer',
            children: [
              createElement('span', {
                className: 'price',
                text: formatPrice(product.priceCents, context.locale),
              }),
              renderStock(product, context.strings),
            ],
          }),
        ],
      }),
    ],
  });
}

function renderStock(product: ShopProduct, strings: DemoStrings): HTMLElement {
  const inStock = product.stock > 0;
  return createElement('span', {
    className: inStock ? 'stock' : 'stock stock--out',
    text: inStock ? strings.inStock(product.stock) : strings.outOfStock,
  });
}
