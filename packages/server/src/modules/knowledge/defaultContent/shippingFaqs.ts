import type { DefaultEntry } from './defaultFaq';
import { defaultFaq } from './defaultFaq';

// Written for the demo shop (builtin/demo/demoShopInfo.ts): free shipping from ¥99, else ¥8; dispatch within
// 48 hours from the Hangzhou warehouse; SF, ZTO, YTO and JD Logistics.
export const shippingFaqs: DefaultEntry[] = [
  defaultFaq(
    'shipping_fee',
    'shipping',
    {
      q: '运费怎么算？',
      similar: ['包邮吗', '邮费多少钱', '满多少包邮', '不包邮要付多少运费', '运费是多少'],
      a: '订单实付满 99 元全国包邮（港澳台及海外暂不配送）；不满 99 元收取运费 8 元。使用优惠券后按实付金额计算是否包邮。',
    },
    {
      q: 'How much is shipping?',
      similar: [
        'Is shipping free?',
        'What does delivery cost?',
        'Free shipping threshold',
        'Do you charge postage?',
      ],
      a: 'Shipping is free on orders of ¥99 or more (after discounts); below that a flat ¥8 is charged. We deliver within mainland China only.',
    },
  ),
  defaultFaq(
    'dispatch_time',
    'shipping',
    {
      q: '付款后多久发货？',
      similar: ['什么时候发货', '几天内发货', '今天下单什么时候发', '发货要多久', '现货多久能发出'],
      a: '付款后 48 小时内从杭州仓发货（定制类商品以商品页标注的制作周期为准）。发货后会短信通知您快递单号。',
    },
    {
      q: 'When will my order be shipped?',
      similar: ['How soon do you dispatch?', 'How long until you ship?', 'When do you send out orders?'],
      a: 'Paid orders leave our Hangzhou warehouse within 48 hours (made-to-order items follow the lead time on their product page). You get a text message with the tracking number when it ships.',
    },
  ),
  defaultFaq(
    'delivery_time',
    'shipping',
    {
      q: '发货后几天能送到？',
      similar: ['快递几天到', '多久能收到货', '配送要几天', '到我这里要多久', '寄到北京要几天'],
      a: '发货后江浙沪一般 1–2 天送达，其他省份 2–4 天，新疆、西藏、青海、内蒙古等偏远地区 5–7 天。遇大促或恶劣天气可能略有延迟。',
    },
    {
      q: 'How long does delivery take?',
      similar: ['How many days until it arrives?', 'Delivery time after shipping', 'When will I receive it?'],
      a: 'After dispatch, delivery takes 1–2 days within Jiangsu, Zhejiang and Shanghai, 2–4 days to other provinces, and 5–7 days to remote regions such as Xinjiang, Tibet, Qinghai and Inner Mongolia. Big sales or bad weather can add a little time.',
    },
  ),
  defaultFaq(
    'carriers',
    'shipping',
    {
      q: '发什么快递？',
      similar: ['用的哪家快递', '能发顺丰吗', '可以指定快递吗', '默认什么快递', '有京东物流吗'],
      a: '我们与顺丰速运、中通快递、圆通速递和京东物流合作，系统会按收货地址自动选择最快的快递，暂不支持指定快递。',
    },
    {
      q: 'Which courier do you use?',
      similar: ['Can you ship with SF Express?', 'Which delivery company?', 'Can I choose the carrier?'],
      a: 'We ship with SF Express, ZTO Express, YTO Express and JD Logistics. The system picks the fastest carrier for your address; choosing a carrier is not possible yet.',
    },
  ),
  defaultFaq(
    'regions',
    'shipping',
    {
      q: '哪些地区可以配送？',
      similar: ['新疆能发吗', '发不发港澳台', '可以寄到国外吗', '偏远地区送不送', '西藏可以到吗'],
      a: '中国大陆所有省份都可以配送（含新疆、西藏等偏远地区，运费规则相同）。香港、澳门、台湾及海外地区暂不支持配送。',
    },
    {
      q: 'Where do you deliver?',
      similar: ['Do you ship overseas?', 'Can you deliver to Hong Kong?', 'Do you ship internationally?'],
      a: 'We deliver to every province of mainland China, remote regions such as Xinjiang and Tibet included, at the same shipping rates. Hong Kong, Macao, Taiwan and addresses abroad are not served yet.',
    },
  ),
  defaultFaq(
    'tracking',
    'shipping',
    {
      q: '怎么查物流？',
      similar: ['在哪里看快递信息', '怎么查快递单号', '物流信息在哪看', '如何查询包裹进度'],
      a: '发货后可在「我的订单 → 订单详情」查看快递单号和物流轨迹；也可以直接把订单号发给我，我帮您查询。',
      buttons: [{ label: '查物流', text: '我的快递到哪了' }],
    },
    {
      q: 'How do I track my parcel?',
      similar: ['Where can I see the tracking number?', 'How to check delivery status?', 'Tracking info'],
      a: 'Once shipped, the tracking number and the parcel’s progress are under My orders → Order details. You can also send me your order number and I will look it up.',
      buttons: [{ label: 'Track my order', text: 'Where is my order?' }],
    },
  ),
];
