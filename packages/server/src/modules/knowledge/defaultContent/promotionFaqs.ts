import type { DefaultEntry } from './defaultFaq';
import { defaultFaq } from './defaultFaq';

// Price changes after purchase (no automatic price protection), big sales and payment problems, consistent with the demo coupons (BIG100 for big sales)
// and the 24-hour payment window in demoShopInfo.ts.
export const promotionFaqs: DefaultEntry[] = [
  defaultFaq(
    'price_protection',
    'promotion',
    {
      q: '买了之后降价了，可以退差价吗？',
      similar: [
        '有价保吗',
        '保价吗',
        '降价了能补差价吗',
        '价格保护怎么申请',
        '刚买就降价了怎么办',
        '买完没几天就降价了，差价能退不',
        '下单后商品降价了，能返还差价吗',
      ],
      a: '本店目前没有自动的价格保护（降价退差价）服务，价格以下单时为准。如果您刚买不久就遇到降价，可以把订单号发给人工客服，由客服按当时的活动规则帮您核实，有结果会告诉您。',
      buttons: [{ label: '转人工核实', text: '转人工' }],
    },
    {
      q: 'The price dropped after I bought it. Can I get the difference back?',
      similar: [
        'Do you offer price protection?',
        'Price adjustment',
        'It went on sale right after I bought it',
      ],
      a: 'We have no automatic price protection: the price is the one at the time you ordered. If the price dropped soon after you bought, send your order number to an agent, who checks it against the promotion rules of the time and tells you the outcome.',
      buttons: [{ label: 'Ask an agent', text: 'Talk to a human' }],
    },
  ),
  defaultFaq(
    'big_sales',
    'promotion',
    {
      q: '双十一、双十二有什么活动？',
      similar: ['双十二有活动吗', '618 有优惠吗', '大促什么时候开始', '年货节打折吗', '什么时候有活动'],
      a: '双十一、双十二、618 等大促的具体活动会提前在店铺首页和商品页公布，以页面公告为准，我这里暂时没有收到新的大促安排。大促期间订单满 1000 元可以用大促券 BIG100 减 100 元，日常可用的优惠券也可以问我。',
    },
    {
      q: 'Do you have a Singles’ Day or Double 12 sale?',
      similar: ['Any sales coming up?', 'When is the next big sale?', 'Black Friday deals?', '11.11 sale'],
      a: 'Big sales such as 11.11, 12.12 and 618 are announced on the shop’s home page and product pages beforehand; the page announcement is what counts, and I have no new sale dates yet. During big sales, BIG100 takes ¥100 off orders of ¥1,000, and I can tell you about the coupons available today.',
    },
  ),
  defaultFaq(
    'payment_failed',
    'payment',
    {
      q: '付款一直失败怎么办？',
      similar: ['付不了款', '支付失败', '付款不成功', '扣款了订单还是待付款', '银行卡付不了'],
      a: '付款失败通常是银行卡余额或限额不足、网络不稳定、支付宝或微信账户受限，或订单已超过 24 小时付款时限自动关闭。可以换一种支付方式或稍后重试；如果已经扣款但订单仍显示待付款，款项会在 1–3 个工作日内自动退回，也可以把订单号发给人工客服核实。',
    },
    {
      q: 'My payment keeps failing. What can I do?',
      similar: [
        'Payment declined',
        'I can’t pay',
        'I was charged but the order is unpaid',
        'Card payment failed',
      ],
      a: 'Payments usually fail because of a card balance or limit, an unstable connection, a restricted Alipay or WeChat account, or an order closed after the 24-hour payment window. Try another payment method or try again later. If you were charged but the order still shows unpaid, the money returns automatically within 1–3 working days, or send the order number to an agent to check.',
    },
  ),
];
