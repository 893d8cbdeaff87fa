// Parsing of message cards and the opening screen from the wire: untrusted input, narrowed instead of cast.
// A card that does not parse is dropped (the message text is always a complete answer on its own).
import type {
  MessageCard,
  OrderCard,
  ProductCard,
  QuickReply,
  VisitorServiceStatus,
  VisitorUpload,
  VisitorWelcome,
} from './types';

type WireRecord = Record<string, unknown>;

class CardShapeError extends Error {}

/** The card of a message, or null when there is none or it is malformed. */
export function parseMessageCard(value: unknown): MessageCard | null {
  if (!isWireRecord(value)) return null;
  try {
    if (value.type === 'product') return parseProductCard(value);
    if (value.type === 'order') return parseOrderCard(value);
    return null;
  } catch (error) {
    if (error instanceof CardShapeError) return null;
    throw error;
  }
}

export function parseVisitorWelcome(value: unknown): VisitorWelcome {
  const record = requireRecord(value);
  const locale = record.locale;
  if (locale !== 'zh-CN' && locale !== 'zh-TW' && locale !== 'en') throw new CardShapeError('locale');
  return {
    locale,
    greeting: text(record, 'greeting'),
    suggestions: list(record, 'suggestions').map(parseQuickReply),
    orders: list(record, 'orders').flatMap((order) => {
      const card = parseMessageCard(order);
      return card?.type === 'order' ? [card] : [];
    }),
  };
}

export function parseServiceStatus(value: unknown): VisitorServiceStatus {
  const record = requireRecord(value);
  const next = record.nextOpening;
  const nextRecord = isWireRecord(next) ? next : null;
  return {
    agentsOnline: count(record, 'agentsOnline'),
    open: record.open === true,
    nextOpening: nextRecord
      ? {
          at: text(nextRecord, 'at'),
          localTime: text(nextRecord, 'localTime'),
          daysFromToday: count(nextRecord, 'daysFromToday'),
        }
      : null,
  };
}

export function parseVisitorUpload(value: unknown): VisitorUpload {
  const upload = requireRecord(requireRecord(value).upload);
  return {
    id: text(upload, 'id'),
    contentType: text(upload, 'contentType'),
    sizeBytes: count(upload, 'sizeBytes'),
    url: text(upload, 'url'),
  };
}

/** True when parsing failed because the server's answer had an unexpected shape. */
export function isShapeError(error: unknown): boolean {
  return error instanceof CardShapeError;
}

function parseProductCard(record: WireRecord): ProductCard {
  return {
    type: 'product',
    productId: text(record, 'productId'),
    title: text(record, 'title'),
    priceCents: count(record, 'priceCents'),
    currency: text(record, 'currency'),
    imageUrl: optionalText(record, 'imageUrl'),
    imageEmoji: optionalText(record, 'imageEmoji'),
    url: optionalText(record, 'url'),
    facts: list(record, 'facts')
      .filter((fact): fact is string => typeof fact === 'string')
      .slice(0, 3),
  };
}

function parseOrderCard(record: WireRecord): OrderCard {
  return {
    type: 'order',
    orderNumber: text(record, 'orderNumber'),
    statusLabel: text(record, 'statusLabel'),
    items: list(record, 'items').map((item) => {
      const entry = requireRecord(item);
      return { title: text(entry, 'title'), quantity: count(entry, 'quantity') };
    }),
    totalCents: count(record, 'totalCents'),
    currency: text(record, 'currency'),
    carrierName: optionalText(record, 'carrierName'),
    trackingNumber: optionalText(record, 'trackingNumber'),
    timeline: list(record, 'timeline').map((event) => {
      const entry = requireRecord(event);
      return { at: text(entry, 'at'), text: text(entry, 'text') };
    }),
  };
}

function parseQuickReply(value: unknown): QuickReply {
  const record = requireRecord(value);
  return { label: text(record, 'label'), text: text(record, 'text') };
}

function isWireRecord(value: unknown): value is WireRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireRecord(value: unknown): WireRecord {
  if (!isWireRecord(value)) throw new CardShapeError('record');
  return value;
}

function text(record: WireRecord, key: string): string {
  const value = record[key];
  if (typeof value !== 'string') throw new CardShapeError(key);
  return value;
}

function optionalText(record: WireRecord, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

function count(record: WireRecord, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new CardShapeError(key);
  return value;
}

function list(record: WireRecord, key: string): unknown[] {
  const value = record[key];
  if (!Array.isArray(value)) throw new CardShapeError(key);
  return value;
}
