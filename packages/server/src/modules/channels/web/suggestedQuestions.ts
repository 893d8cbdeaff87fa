import type { QuickReply } from '@kefu/sdk';
import type { ReplyLocale } from '../../../replyLocale';
import type { CommerceProduct } from '../../commerce';

interface SuggestedQuestion {
  zh: { label: string; text: string };
  en: { label: string; text: string };
}

/**
 * The question offered for each intent shoppers commonly ask, worded as a shopper would ask it. Intents
 * that need a product (asked from its page instead) or that are not questions (greetings, complaints) have none.
 */
const questionsByIntent: Record<string, SuggestedQuestion> = {
  order_tracking: {
    zh: { label: '查物流', text: '我的快递到哪了？' },
    en: { label: 'Track my order', text: 'Where is my parcel?' },
  },
  urge_shipment: {
    zh: { label: '什么时候发货', text: '我的订单什么时候发货？' },
    en: { label: 'When does it ship?', text: 'When will my order ship?' },
  },
  shipping_info: {
    zh: { label: '运费和配送', text: '运费怎么算？一般几天能到？' },
    en: { label: 'Shipping', text: 'How much is shipping and how long does delivery take?' },
  },
  delivery_problem: {
    zh: { label: '收货有问题', text: '收到的商品有问题' },
    en: { label: 'Delivery problem', text: 'Something is wrong with the parcel I received' },
  },
  order_cancel: {
    zh: { label: '取消订单', text: '我想取消订单' },
    en: { label: 'Cancel an order', text: 'I want to cancel my order' },
  },
  order_modify: {
    zh: { label: '改地址', text: '我想修改收货地址' },
    en: { label: 'Change address', text: 'I want to change my delivery address' },
  },
  return_exchange: {
    zh: { label: '退换货', text: '怎么申请退换货？' },
    en: { label: 'Returns', text: 'How do I return or exchange an item?' },
  },
  refund: {
    zh: { label: '退款进度', text: '我的退款什么时候到账？' },
    en: { label: 'Refund status', text: 'When will I get my refund?' },
  },
  payment: {
    zh: { label: '支付方式', text: '支持哪些付款方式？' },
    en: { label: 'Payment', text: 'Which payment methods do you accept?' },
  },
  invoice: {
    zh: { label: '开发票', text: '怎么开发票？' },
    en: { label: 'Invoices', text: 'How do I get an invoice?' },
  },
  price_promotion: {
    zh: { label: '优惠活动', text: '现在有什么优惠券或活动？' },
    en: { label: 'Promotions', text: 'Are there any coupons or promotions now?' },
  },
  warranty_repair: {
    zh: { label: '保修维修', text: '商品坏了怎么保修？' },
    en: { label: 'Warranty', text: 'How does the warranty work?' },
  },
  account: {
    zh: { label: '会员积分', text: '会员积分怎么用？' },
    en: { label: 'Points', text: 'How do I use my membership points?' },
  },
};

/** What a shop with no history yet is asked most: where the parcel is, returns, shipping, refunds. */
const defaultIntents = ['order_tracking', 'return_exchange', 'shipping_info', 'refund', 'invoice'];
/** An intent asked fewer times than this in the period is not yet "what shoppers ask". */
const minimumAsked = 3;

/** 猜你想问: the most asked intents first, then the defaults, without repeats. */
export function suggestQuestionsFromIntents(
  askedCounts: ReadonlyMap<string, number>,
  locale: ReplyLocale,
  limit: number,
): QuickReply[] {
  const ranked = [...askedCounts.entries()]
    .filter(([intent, count]) => count >= minimumAsked && intent in questionsByIntent)
    .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
    .map(([intent]) => intent);
  const intents = [...new Set([...ranked, ...defaultIntents])].slice(0, limit);
  return intents.flatMap((intent) => {
    const question = questionsByIntent[intent];
    return question ? [locale === 'en' ? question.en : question.zh] : [];
  });
}

/**
 * Questions about the product on the page, from its first attributes: "这款的网络制式是什么？" /
 * "What is the network of the Xinghe X20 …?" (English names the product: words like "memory" or "screen"
 * also name other products, and the name keeps the question about this one).
 */
export function suggestQuestionsAboutProduct(
  product: Pick<CommerceProduct, 'attributes' | 'nameEn'>,
  locale: ReplyLocale,
  limit: number,
): QuickReply[] {
  return product.attributes.slice(0, limit).map((attribute) =>
    locale === 'en'
      ? {
          label: `${attribute.labelEn}?`,
          text: `What is the ${attribute.labelEn.toLowerCase()} of the ${product.nameEn}?`,
        }
      : { label: `这款的${attribute.labelZh}是什么？`, text: `这款的${attribute.labelZh}是什么？` },
  );
}
