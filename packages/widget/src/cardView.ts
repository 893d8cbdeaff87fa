// Product and order cards. The server writes their text in the shopper's language; the widget adds only
// its own labels. Text goes through textContent; links and pictures must be http(s).
import type { MessageCard, OrderCard, ProductCard } from '@kefu/sdk';
import { createElement } from './createElement';
import type { WidgetLocale, WidgetStrings } from './widgetStrings';

export interface CardViewContext {
  strings: WidgetStrings;
  locale: WidgetLocale;
  /** The Kefu server, against which card links that are paths resolve. */
  baseUrl: string;
}

const visibleItems = 2;
const compactTimeline = 3;

export function renderCard(card: MessageCard, context: CardViewContext): HTMLElement {
  return card.type === 'product' ? renderProductCard(card, context) : renderOrderCard(card, context);
}

function renderProductCard(card: ProductCard, context: CardViewContext): HTMLElement {
  const imageUrl = safeHttpUrl(card.imageUrl, context.baseUrl);
  const media = imageUrl
    ? createElement('img', { attributes: { src: imageUrl.href, alt: '', loading: 'lazy' } })
    : createElement('span', { text: card.imageEmoji ?? '🛍️', attributes: { 'aria-hidden': 'true' } });
  const link = safeHttpUrl(card.url, context.baseUrl);
  return createElement('div', {
    className: 'kefu-card kefu-card--product',
    attributes: { 'data-product-id': card.productId },
    children: [
      createElement('div', { className: 'kefu-card__media', children: [media] }),
      createElement('div', {
        className: 'kefu-card__body',
        children: [
          createElement('div', { className: 'kefu-card__title', text: card.title }),
          createElement('div', {
            className: 'kefu-card__price',
            text: formatMoney(card.priceCents, card.currency, context.locale),
          }),
          card.facts.length > 0
            ? createElement('ul', {
                className: 'kefu-card__facts',
                children: card.facts.map((fact) => createElement('li', { text: fact })),
              })
            : null,
          link ? renderLink(link, context.strings.viewProduct) : null,
        ],
      }),
    ],
  });
}

/** `latestOnly`: just the newest scan (the opening screen lists several orders). */
export function renderOrderCard(card: OrderCard, context: CardViewContext, latestOnly = false): HTMLElement {
  const { strings, locale } = context;
  const hidden = card.items.length - visibleItems;
  return createElement('div', {
    className: 'kefu-card kefu-card--order',
    attributes: { 'data-order-number': card.orderNumber },
    children: [
      createElement('div', {
        className: 'kefu-card__head',
        children: [
          createElement('span', {
            className: 'kefu-card__title',
            text: strings.orderLabel(card.orderNumber),
          }),
          createElement('span', { className: 'kefu-card__status', text: card.statusLabel }),
        ],
      }),
      createElement('ul', {
        className: 'kefu-card__items',
        children: [
          ...card.items
            .slice(0, visibleItems)
            .map((item) => createElement('li', { text: `${item.title} ×${item.quantity}` })),
          hidden > 0 ? createElement('li', { text: strings.moreItems(hidden) }) : null,
        ],
      }),
      createElement('div', {
        className: 'kefu-card__total',
        text: `${strings.orderTotal} ${formatMoney(card.totalCents, card.currency, locale)}`,
      }),
      card.trackingNumber
        ? createElement('div', {
            className: 'kefu-card__carrier',
            text: [card.carrierName, `${strings.trackingNumber} ${card.trackingNumber}`]
              .filter(Boolean)
              .join(' · '),
          })
        : null,
      card.timeline.length > 0 ? renderTimeline(card, context, latestOnly) : null,
    ],
  });
}

/** The latest scans, newest first; the full list one tap away. */
function renderTimeline(card: OrderCard, context: CardViewContext, latestOnly: boolean): HTMLElement {
  const list = createElement('ol', { className: 'kefu-timeline' });
  const wrapper = createElement('div', { children: [list] });
  const show = (all: boolean) => {
    const events = all ? card.timeline : card.timeline.slice(0, latestOnly ? 1 : compactTimeline);
    list.replaceChildren(
      ...events.map((event) =>
        createElement('li', {
          children: [
            createElement('time', {
              text: formatEventTime(event.at, context.locale),
              attributes: { datetime: event.at },
            }),
            createElement('span', { text: event.text }),
          ],
        }),
      ),
    );
  };
  show(false);
  if (!latestOnly && card.timeline.length > compactTimeline) {
    let expanded = false;
    const toggle = createElement('button', {
      className: 'kefu-timeline__toggle',
      text: context.strings.showAllTracking(card.timeline.length),
      attributes: { type: 'button', 'aria-expanded': 'false' },
    });
    toggle.addEventListener('click', () => {
      expanded = !expanded;
      show(expanded);
      toggle.textContent = expanded
        ? context.strings.showLessTracking
        : context.strings.showAllTracking(card.timeline.length);
      toggle.setAttribute('aria-expanded', String(expanded));
    });
    wrapper.appendChild(toggle);
  }
  return wrapper;
}

function renderLink(url: URL, text: string): HTMLAnchorElement {
  const sameSite = url.origin === window.location.origin;
  return createElement('a', {
    className: 'kefu-card__link',
    text,
    attributes: sameSite
      ? { href: url.href }
      : { href: url.href, target: '_blank', rel: 'noopener noreferrer' },
  });
}

/** An absolute http(s) URL, or a path resolved against the Kefu server; anything else (javascript:, data:) is dropped. */
export function safeHttpUrl(value: string | null, baseUrl: string): URL | null {
  if (!value) return null;
  try {
    const url = new URL(value, `${baseUrl}/`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export function formatMoney(cents: number, currency: string, locale: WidgetLocale): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${currency} ${(cents / 100).toFixed(2)}`;
  }
}

function formatEventTime(isoTime: string, locale: WidgetLocale): string {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
