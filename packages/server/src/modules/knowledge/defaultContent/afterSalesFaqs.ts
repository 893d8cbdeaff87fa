import type { DefaultEntry } from './defaultFaq';
import { defaultFaq } from './defaultFaq';

// Returns, exchanges, refunds, warranty: 7-day no-reason returns as in the demo catalogue's return policies;
// refunds go back the way the shopper paid (原路退回).
export const afterSalesFaqs: DefaultEntry[] = [
  defaultFaq(
    'returns_policy',
    'after_sales',
    {
      q: '支持7天无理由退货吗？',
      similar: ['可以无理由退货吗', '退货规则是什么', '不喜欢能退吗', '几天内可以退货', '哪些商品不能退'],
      a: '支持。签收后 7 天内，商品及包装完好、不影响二次销售即可申请无理由退货。贴身衣物、食品、已拆封的美妆个护和定制商品不支持无理由退货（质量问题除外），具体以商品页「退换说明」为准。',
    },
    {
      q: 'Can I return an item within 7 days?',
      similar: [
        'What is your return policy?',
        'Can I return something I don’t like?',
        'Which items cannot be returned?',
      ],
      a: 'Yes. Within 7 days of delivery you can return an item for any reason if it and its packaging are in resaleable condition. Underwear, food, opened cosmetics and made-to-order items are excluded unless faulty; see “Returns” on each product page.',
    },
  ),
  defaultFaq(
    'return_how',
    'after_sales',
    {
      q: '怎么申请退货？',
      similar: ['退货流程是什么', '退货寄到哪里', '在哪里申请退货', '退货地址是多少'],
      a: '在「我的订单 → 订单详情」点击「申请售后」，选择退货原因并提交；审核通过后把商品寄回：浙江省杭州市余杭区仓前街道文一西路 9999 号云仓物流园 3 号库，Kefu 演示商城仓库收，电话 057100000000。寄出后请填写退货快递单号。',
    },
    {
      q: 'How do I return an item?',
      similar: ['What is the return process?', 'Where do I send returns?', 'Return address'],
      a: 'Open My orders → Order details, tap “After-sales”, choose a reason and submit. Once approved, send the item to: Kefu Demo Store Warehouse, Warehouse 3, Yuncang Logistics Park, 9999 Wenyi West Road, Cangqian, Yuhang District, Hangzhou, Zhejiang 311121 (phone 057100000000), then enter the return tracking number.',
    },
  ),
  defaultFaq(
    'return_shipping_fee',
    'after_sales',
    {
      q: '退货运费谁承担？',
      similar: ['退货要自己付邮费吗', '退回去的运费谁出', '质量问题退货运费', '退货包运费吗'],
      a: '无理由退换货的寄回运费由您承担；商品有质量问题、发错或运输破损时，寄回运费由我们承担，可在申请售后时上传快递凭证，退款时一并退还。',
    },
    {
      q: 'Who pays for return shipping?',
      similar: [
        'Do I pay the return postage?',
        'Is return shipping free?',
        'Return shipping cost for a faulty item',
      ],
      a: 'For a no-reason return or exchange you pay the return postage. If the item is faulty, wrong or damaged in transit, we pay it: upload the courier receipt with your request and it is refunded together with the item.',
    },
  ),
  defaultFaq(
    'exchange',
    'after_sales',
    {
      q: '可以换货吗？',
      similar: ['尺码不合适能换吗', '可以换颜色吗', '换货怎么操作', '怎么换个尺码', '质量问题可以换新吗'],
      a: '可以。签收 7 天内尺码或颜色不合适可申请换货一次（商品需完好）；质量问题签收 15 天内可换新。请在订单详情点击「申请售后 → 换货」，寄回后我们会在收到商品 48 小时内发出新货。',
    },
    {
      q: 'Can I exchange an item?',
      similar: ['Can I change the size?', 'Exchange for another colour', 'How do exchanges work?'],
      a: 'Yes. Within 7 days of delivery you can exchange once for another size or colour (item unused); faulty items can be exchanged for a new one within 15 days. Choose After-sales → Exchange in the order details; we ship the replacement within 48 hours of receiving the return.',
    },
  ),
  defaultFaq(
    'refund_timeline',
    'after_sales',
    {
      q: '退款多久到账？',
      similar: ['钱什么时候退回来', '退款几天能到', '退款退到哪里', '信用卡退款要多久', '微信支付退款多久到'],
      a: '仓库签收退货后 48 小时内审核并发起退款，原路退回：支付宝、微信支付一般即时到账，最晚 24 小时；银行卡一般 1–3 个工作日，部分信用卡最长 7 个工作日（以银行入账为准）。未发货订单取消后立即发起退款。',
    },
    {
      q: 'How long does a refund take?',
      similar: ['When will I get my money back?', 'Refund time for credit card', 'Where does the refund go?'],
      a: 'We review and issue the refund within 48 hours of receiving the return. It goes back the way you paid: Alipay and WeChat Pay usually at once and within 24 hours at most; bank cards usually in 1–3 working days, some credit cards up to 7, depending on the bank. Cancelled unshipped orders are refunded immediately.',
    },
  ),
  defaultFaq(
    'damaged_item',
    'after_sales',
    {
      q: '收到的商品破损了怎么办？',
      similar: ['收到东西坏了', '商品有质量问题怎么办', '快递压坏了', '少发了商品怎么办', '发错货了'],
      a: '非常抱歉！请在签收 48 小时内拍下商品、外包装和快递面单的照片，在订单详情「申请售后」上传或直接发给客服。核实后为您补发、换新或退款，运费由我们承担。',
      buttons: [{ label: '转人工', text: '转人工' }],
    },
    {
      q: 'My item arrived damaged, what should I do?',
      similar: [
        'The product is broken',
        'Item is faulty',
        'I received the wrong item',
        'Something is missing from my parcel',
      ],
      a: 'We are sorry! Within 48 hours of delivery, take photos of the item, the box and the shipping label, and upload them under After-sales in the order details (or send them to us here). Once checked we resend, replace or refund, and we pay the postage.',
      buttons: [{ label: 'Human agent', text: 'Talk to a human' }],
    },
  ),
  defaultFaq(
    'warranty',
    'after_sales',
    {
      q: '商品保修多久？',
      similar: ['有保修吗', '坏了可以保修吗', '质保期多长', '怎么申请保修', '保修需要发票吗'],
      a: '数码家电享受全国联保，保修期以商品页标注为准（多数为 1 年）。保修期内非人为损坏可免费维修，凭订单即可，无需纸质发票；签收 7 天内质量问题可退，15 天内可换。',
    },
    {
      q: 'What is the warranty?',
      similar: ['Is there a warranty?', 'How long is the guarantee?', 'How do I claim warranty repair?'],
      a: 'Electronics and appliances carry a nationwide warranty, usually 1 year (see the product page). Faults not caused by misuse are repaired free within the warranty with your order as proof, no paper invoice needed; faulty items can be returned within 7 days or exchanged within 15.',
    },
  ),
];
