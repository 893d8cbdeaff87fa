import type { CommerceProduct } from '../../commerce';
import { toComparable } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import type { Flow, FlowContext } from './flowKit';
import { answer, reply, say } from './flowKit';
import { productName, withProduct } from './productFlows';
import { answerVariantQuestion, recommendSize, variantsNamedIn } from './productQuestions';

const lowStock = 10;
/** Words of a stock question; height and weight without them ask for a size ("5 ft 10 in, 160 lbs"). */
const stockWords = /货|库存|售罄|卖完|卖光|stock|available|sold out/i;

type ProductVariant = CommerceProduct['variants'][number];

/** Stock of a product or of the colour/size asked about ("湖水蓝有货吗"), with the restock note when sold out. */
export const stockAvailabilityFlow: Flow = {
  name: 'stock_availability',
  orderFilter: null,
  expectsAnswer: (step) => step === 'product',
  run: (context) => withProduct(context, (product) => answer(reply(describeStockAsked(product, context)))),
};

function describeStockAsked(product: CommerceProduct, context: FlowContext): string {
  const { locale } = context.turn;
  const comparable = toComparable(context.turn.text);
  const sizing = stockWords.test(comparable) ? null : recommendSize(product, comparable, locale);
  const answered = sizing ?? answerVariantQuestion(product, comparable, locale);
  if (answered) return answered;
  const named = variantsNamedIn(product, comparable);
  const variant = named.length > 0 ? null : variantOfEntities(product, context);
  if (named.length > 0 || variant) return describeVariantsStock(product, variant ? [variant] : named, locale);
  const soldOut = product.variants
    .filter((candidate) => candidate.stock <= 0)
    .map((candidate) => say(locale, candidate.labelZh, candidate.labelEn));
  const note =
    product.stock > 0 && soldOut.length > 0
      ? say(locale, `（${soldOut.join('、')} 暂时缺货）`, ` (${soldOut.join(', ')} sold out)`)
      : '';
  return stockSentence(productName(product, locale), product.stock, product, locale) + note;
}

/** The variant of the colour and size words the intent engine found ("白色", "XL"). */
function variantOfEntities(product: CommerceProduct, context: FlowContext): ProductVariant | null {
  const wanted = context.turn.understanding.entities
    .filter((entity) => entity.type === 'color' || entity.type === 'size')
    .map((entity) => entity.text.toLowerCase().replace(/色$/, ''));
  if (wanted.length === 0) return null;
  return (
    product.variants.find((candidate) =>
      wanted.every((word) => `${candidate.labelZh} ${candidate.labelEn}`.toLowerCase().includes(word)),
    ) ?? null
  );
}

/** The stock of the variants a shopper named: one variant's, or which of several are in stock. */
function describeVariantsStock(
  product: CommerceProduct,
  variants: ProductVariant[],
  locale: ReplyLocale,
): string {
  const labelOf = (variant: ProductVariant) => say(locale, variant.labelZh, variant.labelEn);
  const named = (labels: string[]) =>
    `${productName(product, locale)}${say(locale, `（${labels.join('、')}）`, ` (${labels.join(', ')})`)}`;
  const [only] = variants;
  if (variants.length === 1 && only)
    return stockSentence(named([labelOf(only)]), only.stock, product, locale);
  const inStock = variants.filter((variant) => variant.stock > 0).map(labelOf);
  const soldOut = variants.filter((variant) => variant.stock <= 0).map(labelOf);
  if (inStock.length === 0) return stockSentence(named(soldOut), 0, product, locale);
  const missing =
    soldOut.length > 0
      ? say(locale, `；暂时缺货：${soldOut.join('、')}`, `; sold out: ${soldOut.join(', ')}`)
      : '';
  return say(
    locale,
    `${productName(product, locale)} 有货的款式：${inStock.join('、')}${missing}。`,
    `${productName(product, locale)} in stock: ${inStock.join(', ')}${missing}.`,
  );
}

function stockSentence(name: string, stock: number, product: CommerceProduct, locale: ReplyLocale): string {
  if (stock <= 0) {
    const restock = product.attributes.find((attribute) => attribute.key === 'restock');
    const when = restock
      ? say(locale, `补货信息：${restock.valueZh}`, `Restock: ${restock.valueEn}`)
      : say(locale, '到货时间暂未确定。', 'No restock date yet.');
    return say(locale, `${name} 暂时缺货。${when}`, `${name} is out of stock. ${when}`);
  }
  if (stock < lowStock)
    return say(
      locale,
      `${name} 有货，但库存紧张，仅剩 ${stock} 件，喜欢的话建议尽快下单。`,
      `${name} is in stock but only ${stock} left.`,
    );
  return say(
    locale,
    `${name} 有货，现在下单 48 小时内发货。`,
    `${name} is in stock and ships within 48 hours of your order.`,
  );
}
