import type { CommerceProduct } from '../../commerce';
import { answerAttributeQuestion, containsTerm, toComparable } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import { say } from './flowKit';
import type { BodyMeasurements } from './bodyMeasurements';
import { describeMeasurement, readBody } from './bodyMeasurements';
import { answerFeatureQuestion } from './productFeatureQuestions';

// Answers to what a shopper asks about one product, briefly: a size for their height and weight, whether a
// variant exists, or the one attribute asked about — never the whole spec sheet.

type ProductVariant = CommerceProduct['variants'][number];

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
    answerFeatureQuestion(product, comparable, locale) ??
    answerAttribute(product, question, locale)
  );
}

/**
 * The attribute asked about; one named by its own label ("功率多大": 功率) over a general word another
 * attribute lists ("多大" for the capacity).
 */
function answerAttribute(product: CommerceProduct, question: string, locale: ReplyLocale): string | null {
  const comparable = toComparable(question);
  const labelled = product.attributes.filter((attribute) =>
    [attribute.labelZh, attribute.labelEn].some((label) => containsTerm(comparable, toComparable(label))),
  );
  const answered =
    (labelled.length > 0 ? answerAttributeQuestion({ ...product, attributes: labelled }, question) : null) ??
    answerAttributeQuestion(product, question);
  return answered ? say(locale, answered.text.zh, answered.text.en) : null;
}

/** "175 70kg 穿多大码" / "I'm 6ft, 170 lbs, what size": the size chart row that fits them. */
export function recommendSize(
  product: CommerceProduct,
  comparable: string,
  locale: ReplyLocale,
): string | null {
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
    body.heightCm !== null ? describeMeasurement(`${body.heightCm}cm`, body.saidHeight, locale) : '',
    body.weightKg !== null ? describeMeasurement(`${body.weightKg}kg`, body.saidWeight, locale) : '',
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

/** The variants whose colour or size the message names ("湖水蓝", "lake blue", "本白 XL"); all parts named must fit. */
export function variantsNamedIn(product: CommerceProduct, comparable: string): ProductVariant[] {
  const named = new Set(
    product.variants.flatMap(variantParts).filter((part) => containsTerm(comparable, part)),
  );
  // "白色三件装" named also names "白色": only the longest of overlapping parts counts ("l" is not in "haze blue").
  const longest = [...named].filter(
    (part) => ![...named].some((other) => other !== part && containsTerm(other, part)),
  );
  if (longest.length === 0) return [];
  return product.variants.filter((variant) => {
    const parts = variantParts(variant);
    return longest.every((part) => parts.includes(part));
  });
}

/** "湖水蓝的", "lake blue?", "那本白呢": a message that says nothing but a variant of the product. */
export function namesOnlyVariant(product: CommerceProduct, comparable: string): boolean {
  if (variantsNamedIn(product, comparable).length === 0) return false;
  let rest = comparable;
  for (const part of product.variants.flatMap(variantParts).sort((left, right) => right.length - left.length))
    rest = removeTerm(rest, part);
  return rest.replace(variantFillers, '').trim().length === 0;
}

const variantFillers =
  /[\s\p{P}\p{S}]|的|呢|吗|嘛|啊|呀|吧|哦|那|这|个|款|颜色|色|还有|有|(?<![a-z])(?:what|how|about|and|the|one|in|colou?r|please|any|is|it|that|this)(?![a-z])/gu;

/** Takes a term out of a text as `containsTerm` finds it: Latin ones as whole words ("m" is not in "please"). */
function removeTerm(text: string, term: string): string {
  if (!/^[a-z0-9 .-]+$/.test(term)) return text.split(term).join(' ');
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text.replace(new RegExp(`(^|[^a-z0-9])${escaped}(?=$|[^a-z0-9])`, 'g'), '$1 ');
}

function variantParts(variant: ProductVariant): string[] {
  return [...variant.labelZh.split('/'), ...variant.labelEn.split('/')]
    .map((part) => toComparable(part).trim())
    .filter((part) => part.length > 0);
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
function distanceTo(row: SizeRange, body: Pick<BodyMeasurements, 'heightCm' | 'weightKg'>): number | null {
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
