import type { CommerceProduct } from '../../commerce';
import { answerAttributeQuestion, toComparable } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import { say } from './flowKit';

// Answers to what a shopper asks about one product, briefly: a size for their height and weight, whether a
// variant exists, or the one attribute asked about — never the whole spec sheet.

interface SizeRange {
  size: string;
  heightCm: [number, number] | null;
  weightKg: [number, number] | null;
}

/** The answer to a product question, or null when the question names nothing this can answer. */
export function answerProductQuestion(
  product: CommerceProduct,
  question: string,
  locale: ReplyLocale,
): string | null {
  const comparable = toComparable(question);
  return (
    recommendSize(product, comparable, locale) ??
    answerVariantQuestion(product, comparable, locale) ??
    answerAttribute(product, question, locale)
  );
}

function answerAttribute(product: CommerceProduct, question: string, locale: ReplyLocale): string | null {
  const answered = answerAttributeQuestion(product, question);
  return answered ? say(locale, answered.text.zh, answered.text.en) : null;
}

/** "175 70kg 穿多大码" / "I'm 165cm 48kg, what size": the size chart row that fits them. */
function recommendSize(product: CommerceProduct, comparable: string, locale: ReplyLocale): string | null {
  const body = readBody(comparable);
  const chart = product.attributes.find((attribute) => attribute.key === 'size_chart');
  if (!chart || (body.heightCm === null && body.weightKg === null)) return null;
  const rows = parseSizeChart(chart.valueZh);
  const ranked = rows
    .map((row) => ({ row, distance: distanceTo(row, body) }))
    .filter((entry) => entry.distance !== null)
    .sort((left, right) => (left.distance ?? 0) - (right.distance ?? 0));
  const best = ranked[0];
  if (!best) return null;
  const fit = product.attributes.find((attribute) => attribute.key === 'fit');
  const you = [
    body.heightCm !== null ? `${body.heightCm}cm` : '',
    body.weightKg !== null ? `${body.weightKg}kg` : '',
  ]
    .filter(Boolean)
    .join(locale === 'en' ? ', ' : '、');
  const fits = describeRow(best.row, locale);
  const fitNote = fit ? say(locale, `（${fit.valueZh}）`, ` (${fit.valueEn})`) : '';
  const outside = (best.distance ?? 0) > 0;
  return say(
    locale,
    `按您 ${you}，建议选 ${best.row.size} 码（${best.row.size}：${fits}）${outside ? '，您的身材在尺码表边缘，也可以参考相邻尺码' : ''}。${fitNote}`,
    `For ${you}, I'd recommend size ${best.row.size} (${best.row.size}: ${fits})${outside ? '; you are at the edge of the chart, so the next size may suit too' : ''}.${fitNote}`,
  );
}

/** "有46mm的吗" / "do you have it in XL": whether that variant exists and is in stock. */
export function answerVariantQuestion(
  product: CommerceProduct,
  comparable: string,
  locale: ReplyLocale,
): string | null {
  const asked =
    /(\d+(?:\.\d+)?)\s*(mm|cm|寸|英寸|gb|tb|ml|码|号)|(?<![a-z])(xxxl|xxl|xl|xs|s|m|l)(?:\s*码|\s*号|\s*size)?(?![a-z])/.exec(
      comparable,
    );
  if (!asked || !/有没有|有.*吗|有.*么|有吗|have|available|in stock|come in/.test(comparable)) return null;
  const wanted = (
    asked[1] ? `${asked[1]}${asked[2] === '码' || asked[2] === '号' ? '' : asked[2]}` : (asked[3] ?? '')
  ).toLowerCase();
  if (product.variants.length === 0) return null;
  const labels = product.variants.map((variant) => ({
    variant,
    label: toComparable(variant.labelZh).replace(/\s+/g, ''),
  }));
  const matching = labels.filter((entry) => entry.label.split('/').some((part) => part.trim() === wanted));
  const sizes = [...new Set(labels.map((entry) => entry.label.split('/').at(-1)?.trim() ?? ''))].filter(
    Boolean,
  );
  const name = say(locale, product.nameZh, product.nameEn);
  if (matching.length === 0)
    return say(
      locale,
      `「${name}」没有 ${wanted.toUpperCase()}，现有规格：${sizes.map((size) => size.toUpperCase()).join('、')}。`,
      `The ${name} doesn't come in ${wanted.toUpperCase()}; available: ${sizes.map((size) => size.toUpperCase()).join(', ')}.`,
    );
  const inStock = matching.filter((entry) => entry.variant.stock > 0);
  if (inStock.length === 0)
    return say(
      locale,
      `「${name}」有 ${wanted.toUpperCase()}，不过目前缺货。`,
      `The ${name} comes in ${wanted.toUpperCase()}, but it is sold out right now.`,
    );
  const options = inStock.map((entry) => say(locale, entry.variant.labelZh, entry.variant.labelEn));
  return say(
    locale,
    `有的，「${name}」有 ${wanted.toUpperCase()}，有货的款式：${options.join('、')}。`,
    `Yes, the ${name} comes in ${wanted.toUpperCase()}; in stock: ${options.join(', ')}.`,
  );
}

/** Height and weight in a message: "175 70kg", "1米75 140斤", "165cm 48kg", "5'5"" is not read. */
function readBody(comparable: string): { heightCm: number | null; weightKg: number | null } {
  const weight = /(\d{2,3}(?:\.\d)?)\s*(kg|公斤|千克|斤)/.exec(comparable);
  const weightKg = weight?.[1] ? Number(weight[1]) / (weight[2] === '斤' ? 2 : 1) : null;
  const metres = /1\s*(?:米|m|\.)\s*(\d{2})(?!\d)/.exec(comparable);
  const centimetres =
    /(?<![\d.])(1[4-9]\d)(?!\d)\s*(?:cm|厘米|公分)?(?!\s*(?:kg|公斤|斤|千克|元|块|mm))/.exec(comparable);
  const heightCm = metres?.[1] ? 100 + Number(metres[1]) : centimetres?.[1] ? Number(centimetres[1]) : null;
  return { heightCm, weightKg: weightKg !== null && weightKg >= 25 && weightKg <= 200 ? weightKg : null };
}

/** "M：…建议身高 165–170cm、体重 55–65kg；L：…" → one range per size. */
function parseSizeChart(chart: string): SizeRange[] {
  return chart
    .split(/[；;]/)
    .map((entry): SizeRange | null => {
      const size = /^\s*([A-Z0-9]{1,4})\s*[：:]/.exec(entry)?.[1];
      if (!size) return null;
      const height = /(1[4-9]\d)\s*[–~-]\s*(1[4-9]\d|2\d\d)\s*cm/.exec(entry);
      const weight = /(\d{2,3})\s*[–~-]\s*(\d{2,3})\s*kg/.exec(entry);
      return {
        size,
        heightCm: height ? [Number(height[1]), Number(height[2])] : null,
        weightKg: weight ? [Number(weight[1]), Number(weight[2])] : null,
      };
    })
    .filter((row): row is SizeRange => row !== null && (row.heightCm !== null || row.weightKg !== null));
}

/** How far the shopper is from a size's ranges (0 inside); weight counts double: it decides the fit. */
function distanceTo(
  row: SizeRange,
  body: { heightCm: number | null; weightKg: number | null },
): number | null {
  let distance = 0;
  let compared = false;
  if (row.heightCm && body.heightCm !== null) {
    distance += outsideBy(body.heightCm, row.heightCm);
    compared = true;
  }
  if (row.weightKg && body.weightKg !== null) {
    distance += 2 * outsideBy(body.weightKg, row.weightKg);
    compared = true;
  }
  return compared ? distance : null;
}

function outsideBy(value: number, [low, high]: [number, number]): number {
  return value < low ? low - value : value > high ? value - high : 0;
}

function describeRow(row: SizeRange, locale: ReplyLocale): string {
  const parts = [
    row.heightCm ? `${row.heightCm[0]}–${row.heightCm[1]}cm` : '',
    row.weightKg ? `${row.weightKg[0]}–${row.weightKg[1]}kg` : '',
  ].filter(Boolean);
  return parts.join(locale === 'en' ? ', ' : '、');
}
