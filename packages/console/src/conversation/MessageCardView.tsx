import type { MessageCard, OrderCard, ProductCard } from '@kefu/sdk';
import { useI18n } from '../i18n/I18nContext';
import './messageExtras.css';

/** The product or order card the bot sent beside its text, as the shopper saw it. */
export function MessageCardView({ card }: { card: MessageCard }) {
  return card.type === 'product' ? <ProductCardView card={card} /> : <OrderCardView card={card} />;
}

function ProductCardView({ card }: { card: ProductCard }) {
  const { t, locale } = useI18n();
  const image = safeHttpUrl(card.imageUrl);
  const link = safeHttpUrl(card.url);
  return (
    <div className="message-card message-card--product" data-product-id={card.productId}>
      <div className="message-card__media" aria-hidden>
        {image ? <img src={image} alt="" /> : (card.imageEmoji ?? '🛍️')}
      </div>
      <div className="message-card__body">
        <div className="message-card__title">{card.title}</div>
        <div className="message-card__price">{formatMoney(card.priceCents, card.currency, locale)}</div>
        {card.facts.length > 0 && (
          <ul className="message-card__facts">
            {card.facts.map((fact) => (
              <li key={fact}>{fact}</li>
            ))}
          </ul>
        )}
        {link && (
          <a href={link} target="_blank" rel="noopener noreferrer">
            {t('cardViewProduct')}
          </a>
        )}
      </div>
    </div>
  );
}

function OrderCardView({ card }: { card: OrderCard }) {
  const { t, locale } = useI18n();
  return (
    <div className="message-card message-card--order" data-order-number={card.orderNumber}>
      <div className="message-card__head">
        <span className="message-card__title">{t('cardOrder', { number: card.orderNumber })}</span>
        <span className="message-card__status">{card.statusLabel}</span>
      </div>
      <ul className="message-card__items">
        {card.items.map((item, index) => (
          <li key={`${index}:${item.title}`}>
            {item.title} ×{item.quantity}
          </li>
        ))}
      </ul>
      <div className="message-card__muted">
        {t('cardTotal')} {formatMoney(card.totalCents, card.currency, locale)}
        {card.trackingNumber &&
          ` · ${[card.carrierName, `${t('cardTracking')} ${card.trackingNumber}`].filter(Boolean).join(' · ')}`}
      </div>
      {card.timeline.length > 0 && (
        <ol className="message-card__timeline">
          {card.timeline.slice(0, 3).map((event) => (
            <li key={`${event.at}:${event.text}`}>
              <time dateTime={event.at}>{new Date(event.at).toLocaleString(locale)}</time> {event.text}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Only http(s) links and pictures; a path is on this server (the console is served by Kefu). */
function safeHttpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, window.location.origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function formatMoney(cents: number, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${currency} ${(cents / 100).toFixed(2)}`;
  }
}
