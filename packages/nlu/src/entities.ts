import { extractDates } from './dates';
import { chineseNumerals, colourNames, currencyBySymbol, quantityUnits } from './entityLexicon';
import { toSimplifiedCharacters } from './script';

export interface Entity {
  type: string;
  value: string;
  text: string;
  start: number;
  end: number;
}

export interface EntityOptions {
  catalogTerms?: readonly string[];
  now?: Date;
}

type Rule = {
  type: string;
  pattern: RegExp;
  value: (match: RegExpMatchArray) => string | undefined;
  needs?: RegExp;
};

// Identifiers are bounded by lookarounds, not \b, so they are found next to Chinese text, spaces or punctuation.
const carrierPrefixed =
  /(?<![A-Z0-9])(?:SF\d{12,13}|JD[A-Z]{0,2}\d{10,15}|YT\d{13,15}|1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|(?:ZTO|STO|YD|JT|DPK|EMS|ZT|ST)\d{10,15})(?![A-Z0-9])/gi;
const trackingKeyword =
  '(?:快递单号|快递号|运单号|物流单号|运单|快递单|物流号|面单号|tracking(?: number| no\\.?| #| code| id)?|waybill(?: number| no\\.?)?|awb)';
const orderKeyword = '(?:订单号?|订单编号|单号|order(?: number| no\\.?| id| #)?|#)';
const identifier = '([A-Z]{0,4}\\d[A-Z0-9-]{4,24})(?![A-Z0-9])';
const connector = '\\s*(?:[:：是为]|is|:)?\\s*#?\\s*';
const carrierNames =
  '(?:顺丰|中通|圆通|申通|韵达|极兔|德邦|百世|邮政|京东快递|京东物流|EMS|DHL|FedEx|UPS|USPS|黑猫|新竹物流|7-11|全家)';
const shippingContext =
  /快递|物流|包裹|运单|单号|到哪|到了没|到没到|派送|配送|签收|驿站|tracking|parcel|package|courier|shipment|delivery|waybill|where(?: is|'s| s)/i;
const orderContext = /订单|下单|拍的|买的|\border\b/i;

const rules: Rule[] = [
  {
    type: 'email',
    needs: /@/,
    pattern: /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi,
    value: (match) => match[0].toLowerCase(),
  },
  {
    type: 'tracking_number',
    needs: /\d{9}/,
    pattern: carrierPrefixed,
    value: (match) => match[0].toUpperCase(),
  },
  {
    type: 'tracking_number',
    needs: /\d{5}/,
    pattern: new RegExp(`${trackingKeyword}${connector}([A-Z]{0,4}\\d[A-Z0-9]{6,24})(?![A-Z0-9])`, 'gi'),
    value: (match) => match[1]?.toUpperCase(),
  },
  {
    type: 'tracking_number',
    needs: /\d{7}/,
    pattern: new RegExp(`${carrierNames}\\s*(?:快递|物流)?\\s*[:：]?\\s*(\\d{7,15})(?!\\d)`, 'gi'),
    value: (match) => match[1],
  },
  {
    type: 'order_number',
    needs: /\d/,
    pattern: new RegExp(`${orderKeyword}${connector}${identifier}`, 'gi'),
    value: (match) => match[1]?.toUpperCase(),
  },
  {
    // KF202611010018, A20240101123: a letter prefix and at least eight digits is an order number anywhere.
    type: 'order_number',
    needs: /\d{8}/,
    pattern: /(?<![A-Z0-9-])([A-Z]{1,4}\d{8,22})(?![A-Z0-9])/gi,
    value: (match) => match[1]?.toUpperCase(),
  },
  {
    type: 'order_number',
    needs: /\d{15}/,
    pattern: /(?<![\d+])\d{15,24}(?!\d)/g,
    value: (match) => match[0],
  },
  {
    type: 'phone',
    needs: /\d{3}/,
    pattern:
      /(?<![\d-])(?:(?:\+|00)?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?![\d-])|(?<![\d-])(?:\+886[- ]?9\d{2}|09\d{2})[- ]?\d{3}[- ]?\d{3}(?![\d-])|(?<![\d-])(?:\+852[- ]?)?[5689]\d{3}[- ]\d{4}(?![\d-])|(?<![\d-])0\d{2,3}-\d{7,8}(?![\d-])|(?<![\d-])0\d{1,2}-\d{3,4}-\d{4}(?![\d-])|(?<![\d-])(?:\+?1[- .]?)?\(?\d{3}\)?[- .]\d{3}[- .]\d{4}(?![\d-])/g,
    value: (match) => match[0].replace(/[^\d+]/g, ''),
  },
  {
    // A bare 9–14 digit number in a message about a parcel is the carrier's number; about an order, the order's.
    type: 'tracking_number',
    needs: /\d{9}/,
    pattern: /(?<![\d.,+-])\d{9,14}(?![\d.,])/g,
    value: (match) => (shippingContext.test(match.input ?? '') ? match[0] : undefined),
  },
  {
    type: 'order_number',
    needs: /\d{9}/,
    pattern: /(?<![\d.,+-])\d{9,14}(?![\d.,])/g,
    value: (match) => (orderContext.test(match.input ?? '') ? match[0] : undefined),
  },
  {
    type: 'money',
    needs: /\d/,
    pattern:
      /(¥|￥|rmb|cny|usd|nt\$|hk\$|\$|€)\s?(\d+(?:[.,]\d+)*)|(\d+(?:\.\d+)?)\s?(块钱|元|块|rmb|cny|usd|dollars?|美元|美金|人民币|台币|港币|港元|euros?|eur|hkd|twd)/gi,
    value: (match) => {
      const symbol = (match[1] ?? match[4] ?? '').toLowerCase();
      const amount = (match[2] ?? match[3] ?? '').replace(/,/g, '');
      return `${amount} ${currencyBySymbol[symbol] ?? currencyBySymbol[symbol.replace(/s$/, '')] ?? 'CNY'}`;
    },
  },
  {
    type: 'quantity',
    pattern: new RegExp(`(\\d+|[一两二三四五六七八九十])\\s?(${quantityUnits})(?![a-z])`, 'gi'),
    value: (match) =>
      String(/\d/.test(match[1] ?? '') ? Number(match[1]) : (chineseNumerals[match[1] ?? ''] ?? 1)),
  },
  {
    type: 'size',
    pattern:
      /(?<![a-z])(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl|\d{2}(?:\.5)?)\s?(?:码|号|碼|號)|\bsize\s+(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl|\d{1,2}(?:\.5)?)\b|(均码|大码|小码|加大码)|\b(xxl|xxxl|[2-5]xl|xs|xl)\b/gi,
    value: (match) => (match[1] ?? match[2] ?? match[3] ?? match[4] ?? '').toUpperCase(),
  },
];

const colourPattern = new RegExp(
  Object.keys(colourNames)
    .sort((left, right) => right.length - left.length)
    .map((name) => (/^[a-z ]+$/.test(name) ? `\\b${name}\\b` : name))
    .join('|'),
  'gi',
);

/**
 * Finds entities in the shopper's own text; offsets index into the original string. Matching runs on a
 * copy that is half-width and simplified character by character, so every offset stays aligned.
 */
export function extractEntities(text: string, options: EntityOptions = {}): Entity[] {
  const searchable = toSimplifiedCharacters(toHalfWidth(text));
  const found: Entity[] = [];
  for (const rule of rules) {
    if (rule.needs && !rule.needs.test(searchable)) continue;
    for (const match of searchable.matchAll(rule.pattern)) {
      const value = rule.value(match);
      if (value === undefined || match.index === undefined) continue;
      const captured =
        rule.type === 'order_number' || rule.type === 'tracking_number' ? (match[1] ?? match[0]) : match[0];
      const start = match.index + match[0].lastIndexOf(captured);
      found.push({ type: rule.type, value, text: captured, start, end: start + captured.length });
    }
  }
  for (const match of searchable.matchAll(colourPattern)) {
    if (match.index === undefined) continue;
    const value = colourNames[match[0].toLowerCase()];
    if (value)
      found.push({
        type: 'color',
        value,
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
      });
  }
  found.push(...extractDates(searchable, options.now ?? new Date()));
  found.push(...findCatalogTerms(searchable, options.catalogTerms ?? []));
  return removeOverlaps(found).map((entity) => ({ ...entity, text: text.slice(entity.start, entity.end) }));
}

function findCatalogTerms(searchable: string, terms: readonly string[]): Entity[] {
  const lowered = searchable.toLowerCase();
  const entities: Entity[] = [];
  for (const term of terms) {
    const needle = toSimplifiedCharacters(toHalfWidth(term)).toLowerCase().trim();
    if (needle.length === 0) continue;
    for (
      let start = lowered.indexOf(needle);
      start !== -1;
      start = lowered.indexOf(needle, start + needle.length)
    ) {
      entities.push({ type: 'product', value: term, text: needle, start, end: start + needle.length });
    }
  }
  return entities;
}

/** Earlier rules win ties; otherwise the longer span wins (an order number beats the phone-like digits inside it). */
function removeOverlaps(entities: Entity[]): Entity[] {
  const ranked = entities
    .map((entity, order) => ({ entity, order }))
    .sort(
      (left, right) =>
        right.entity.end - right.entity.start - (left.entity.end - left.entity.start) ||
        left.order - right.order,
    );
  const kept: Entity[] = [];
  for (const { entity } of ranked) {
    if (kept.every((other) => entity.end <= other.start || entity.start >= other.end)) kept.push(entity);
  }
  return kept.sort((left, right) => left.start - right.start);
}

export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (character) =>
    character === '\u3000' ? ' ' : String.fromCharCode(character.charCodeAt(0) - 0xfee0),
  );
}
