import type { CommerceProduct } from '../../commerce';
import { toComparable } from '../../commerce';
import { buildProductCard, withCard } from '../cards';
import type { ReplyLocale } from '../../../replyLocale';
import type { Flow, FlowContext, FlowResult } from './flowKit';
import { answer, connectorFailure, formatMoney, reply, say } from './flowKit';
import { answerProductQuestion, namesOnlyVariant } from './productQuestions';
import { resolveProduct } from './productResolution';

/** Runs a product question: finds the product (or asks which), then answers with `respond`. */
export async function withProduct(
  context: FlowContext,
  respond: (product: CommerceProduct) => Promise<FlowResult> | FlowResult,
): Promise<FlowResult> {
  const resolved = await resolveProduct(context);
  if ('failure' in resolved) return connectorFailure(context.turn.locale, resolved.failure);
  if ('missing' in resolved) {
    context.state.step = context.state.step === 'product' ? null : 'product';
    return answer(reply(whichProduct(context.turn.locale, resolved.unknown === true)));
  }
  context.state.step = null;
  return withCard(await respond(resolved.product), buildProductCard(resolved.product, context.turn.locale));
}

/** Asks which product is meant; `unknown`: what was named is not sold here, and the shopper is told so. */
export function whichProduct(locale: ReplyLocale, unknown: boolean): string {
  return unknown
    ? say(
        locale,
        '抱歉，店里没有找到您说的这款商品。请问您想了解哪款？可以发送商品名称，或在商品页面上问我。',
        "Sorry, I couldn't find that item in our shop. Which product do you mean? Send me its name, or ask me from its product page.",
      )
    : say(
        locale,
        '请问您想了解哪款商品？可以发送商品名称，或在商品页面上问我。',
        'Which product do you mean? Send me its name, or ask me from its product page.',
      );
}

export function productName(product: CommerceProduct, locale: ReplyLocale): string {
  return say(locale, product.nameZh, product.nameEn);
}

export function describePrice(product: CommerceProduct, locale: ReplyLocale): string {
  return say(
    locale,
    `${productName(product, locale)} 售价 ${formatMoney(product.priceCents)}`,
    `${productName(product, locale)} costs ${formatMoney(product.priceCents)}`,
  );
}

/** product_inquiry: the size, variant or attribute asked about, or a short overview of the product. */
export const productInquiryFlow: Flow = {
  name: 'product_inquiry',
  orderFilter: null,
  expectsAnswer: (step) => step === 'product',
  run: (context) =>
    withProduct(context, (product) => {
      const { locale } = context.turn;
      // "还有货吗" … "湖水蓝的": a variant named on its own right after a stock question asks about its stock.
      if (followsStockQuestion(context) && namesOnlyVariant(product, toComparable(context.turn.text)))
        return { replies: [], handoff: null, switchTo: 'stock_availability' };
      const answered = answerProductQuestion(product, context.turn.text, locale);
      if (answered) return answer(reply(answered));
      const facts = product.attributes
        .slice(0, 2)
        .map((attribute) =>
          say(
            locale,
            `${attribute.labelZh}：${attribute.valueZh}`,
            `${attribute.labelEn}: ${attribute.valueEn}`,
          ),
        );
      const more = say(
        locale,
        '想了解哪方面（尺码、材质、功能、库存……）可以直接问我。',
        'Ask me about anything else: sizes, materials, features or stock.',
      );
      return answer(
        reply([`${describePrice(product, locale)}${say(locale, '。', '.')}`, ...facts, more].join('\n')),
      );
    }),
};

/** Below this the intent of the shopper's last message is a guess, not a stock question to follow up. */
const followUpConfidence = 0.6;

function followsStockQuestion(context: FlowContext): boolean {
  const [previous] = context.turn.earlierIntents;
  return previous?.id === 'stock_availability' && previous.confidence >= followUpConfidence;
}
