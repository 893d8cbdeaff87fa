import type { DefaultEntry } from './defaultFaq';

const zhBody = `## 订单与付款
下单后请在 24 小时内完成付款，超时未付款的订单会自动取消，库存随之释放。已付款未发货的订单可在订单详情直接取消，款项原路退回。

## 发货与配送
付款后 48 小时内从杭州仓发货。订单实付满 99 元包邮，不满 99 元运费 8 元。大促期间发货可能延迟 1–2 天，我们会短信告知。

## 签收验货
请当面检查外包装，如有明显破损可拒收；签收后 48 小时内发现破损、少件或发错，请拍照联系客服。

## 售后处理时效
售后申请在 24 小时内审核；仓库收到退回商品后 48 小时内完成质检并退款或发出换货。`;

const enBody = `## Orders and payment
Please pay within 24 hours of ordering; unpaid orders are then cancelled and the stock released. A paid order that has not shipped can be cancelled in the order details and is refunded the way you paid.

## Dispatch and delivery
Orders leave the Hangzhou warehouse within 48 hours of payment. Shipping is free from ¥99, otherwise ¥8. During big sales dispatch may take 1–2 days longer; we will text you.

## Checking your parcel
Check the box when it arrives and refuse it if it is visibly damaged. Report damage, missing or wrong items with photos within 48 hours of delivery.

## After-sales timing
After-sales requests are reviewed within 24 hours; within 48 hours of the warehouse receiving a return we inspect it and refund or ship the exchange.`;

export const policyArticle: DefaultEntry = {
  key: 'service_policy',
  kind: 'article',
  content: {
    category: 'policy',
    tags: ['policy'],
    productIds: [],
    channels: [],
    validFrom: null,
    validUntil: null,
    locales: {
      'zh-CN': {
        question: '购物服务说明',
        similarQuestions: [],
        answer: zhBody,
        links: [],
        images: [],
        quickReplies: [],
      },
      en: {
        question: 'Shopping service terms',
        similarQuestions: [],
        answer: enBody,
        links: [],
        images: [],
        quickReplies: [],
      },
    },
  },
};
