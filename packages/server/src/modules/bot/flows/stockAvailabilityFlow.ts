import type { CommerceProduct } from '../../commerce';
import { toComparable } from '../../commerce';
import type { ReplyLocale } from '../../../replyLocale';
import type { Flow } from './flowKit';
import { answer, reply, say } from './flowKit';
import { productName, withProduct } from './productFlows';
import { answerVariantQuestion } from './productQuestions';

const lowStock = 10;

/** Stock of a product or of the colour/size asked about, with the restock note when sold out. */
export const stockAvailabilityFlow: Flow = {
  name: 'stock_availability',
  orderFilter: null,
  expectsAnswer: (step) => step === 'product',
  run: (context) =>
    withProduct(context, (product) => {
      const { locale } = context.turn;
      const variantAnswer = answerVariantQuestion(product, toComparable(context.turn.text), locale);
      if (variantAnswer) return answer(reply(variantAnswer));
      const wanted = context.turn.understanding.entities
        .filter((entity) => entity.type === 'color' || entity.type === 'size')
        .map((entity) => entity.text.toLowerCase().replace(/色$/, ''));
      const variant =
        wanted.length > 0
          ? product.variants.find((candidate) =>
              wanted.every((word) =>
                `${candidate.labelZh} ${candidate.labelEn}`.toLowerCase().includes(word),
              ),
            )
          : undefined;
      if (variant) {
        const label = say(locale, variant.labelZh, variant.labelEn);
        return answer(
          reply(stockSentence(`${productName(product, locale)}（${label}）`, variant.stock, product, locale)),
        );
      }
      const soldOut = product.variants
        .filter((candidate) => candidate.stock <= 0)
        .map((candidate) => say(locale, candidate.labelZh, candidate.labelEn));
      const note =
        product.stock > 0 && soldOut.length > 0
          ? say(locale, `（${soldOut.join('、')} 暂时缺货）`, ` (${soldOut.join(', ')} sold out)`)
          : '';
      return answer(
        reply(stockSentence(productName(product, locale), product.stock, product, locale) + note),
      );
    }),
};

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
