import type { DefaultEntry } from './defaultFaq';
import { defaultFaq } from './defaultFaq';

// Payment, invoices, points, coupons and contact, consistent with demoShopInfo.ts (24-hour payment window,
// service hours 09:00–21:00) and the demo coupons.
export const accountFaqs: DefaultEntry[] = [
  defaultFaq(
    'payment_methods',
    'payment',
    {
      q: '支持哪些付款方式？',
      similar: [
        '可以用微信支付吗',
        '能用信用卡吗',
        '支持货到付款吗',
        '怎么付款',
        '可以分期吗',
        '能用PayPal吗',
      ],
      a: '支持支付宝、微信支付和银行卡（借记卡、信用卡）支付，暂不支持分期、货到付款、PayPal 和境外银行卡。下单后请在 24 小时内完成付款，超时订单会自动取消。',
    },
    {
      q: 'Which payment methods do you accept?',
      similar: ['Can I pay with WeChat?', 'Do you take credit cards?', 'Cash on delivery?', 'How can I pay?'],
      a: 'We accept Alipay, WeChat Pay and bank cards (debit and credit). PayPal, cards issued outside mainland China, cash on delivery and instalments are not available. Please pay within 24 hours of ordering, or the order is cancelled automatically.',
    },
  ),
  defaultFaq(
    'invoice',
    'payment',
    {
      q: '可以开发票吗？',
      similar: ['怎么开发票', '能开公司抬头的发票吗', '发票什么时候给', '可以开专票吗', '发票怎么申请'],
      a: '可以，我们开具电子普通发票，抬头可选个人或企业（企业需填写统一社会信用代码）。下单时填写发票信息，或签收后 30 天内在订单详情申请，发票会发送到您的邮箱。暂不开具增值税专用发票。',
    },
    {
      q: 'Can I get an invoice?',
      similar: [
        'How do I get a receipt?',
        'Company invoice',
        'When will I receive the invoice?',
        'VAT invoice',
      ],
      a: 'Yes. We issue electronic general invoices (fapiao) to a person or a company (with its tax ID). Add the details when ordering, or request one in the order details within 30 days of delivery; it is e-mailed to you. Special VAT invoices are not available.',
    },
  ),
  defaultFaq(
    'points',
    'membership',
    {
      q: '会员积分怎么用？',
      similar: ['积分怎么获得', '积分可以抵钱吗', '积分有效期多久', '我的积分在哪看', '积分怎么兑换'],
      a: '每实付 1 元积 1 分，订单确认收货后到账。下单时 100 积分可抵 1 元，最多抵扣订单金额的 20%。积分在「我的 → 积分」查看，每年 12 月 31 日清零上一年度获得的积分。',
    },
    {
      q: 'How do membership points work?',
      similar: [
        'How do I earn points?',
        'Can I use points to pay?',
        'Do points expire?',
        'Where can I see my points?',
      ],
      a: 'You earn 1 point per ¥1 paid, credited when the order is delivered. At checkout 100 points take ¥1 off, up to 20% of the order. See them under Me → Points; points earned in a year expire on 31 December of the following year.',
    },
  ),
  defaultFaq(
    'membership_tiers',
    'membership',
    {
      q: '会员等级有什么权益？',
      similar: ['怎么成为VIP', '银卡金卡有什么区别', '会员怎么升级', '铂金会员有什么好处'],
      a: '会员分银卡、金卡、铂金三级，按近 12 个月消费自动升级：满 2000 元银卡（积分 1.2 倍），满 5000 元金卡（积分 1.5 倍，每月一张 VIP50 券），满 10000 元铂金（积分 2 倍、专属客服、退换货免运费）。',
    },
    {
      q: 'What are the membership tiers?',
      similar: ['How do I become a VIP?', 'Benefits of gold membership', 'How to upgrade my membership?'],
      a: 'Silver, Gold and Platinum, reached automatically by spending in the last 12 months: ¥2,000 for Silver (1.2× points), ¥5,000 for Gold (1.5× points and a VIP50 coupon each month), ¥10,000 for Platinum (2× points, a dedicated agent and free return postage).',
    },
  ),
  defaultFaq(
    'coupons',
    'promotion',
    {
      q: '现在有什么优惠券？',
      similar: ['有没有优惠', '新人有优惠吗', '优惠券怎么用', '有满减活动吗', '优惠码在哪里输入'],
      a: '当前可用：新人券 NEW20（满 99 减 20）、SAVE30（满 300 减 30）、会员专享 VIP50（满 500 减 50）、大促券 BIG100（满 1000 减 100）。结算页「优惠券」处输入券码即可，每单限用一张。',
    },
    {
      q: 'Do you have any discount codes?',
      similar: [
        'Any coupons?',
        'Is there a discount for new customers?',
        'How do I use a coupon?',
        'Any promotions now?',
      ],
      a: 'Available now: NEW20 (¥20 off ¥99, new customers), SAVE30 (¥30 off ¥300), VIP50 (¥50 off ¥500, members) and BIG100 (¥100 off ¥1,000). Enter the code under “Coupon” at checkout; one coupon per order.',
    },
  ),
  defaultFaq(
    'contact_human',
    'service',
    {
      q: '怎么联系人工客服？',
      similar: ['人工客服什么时间在', '客服电话是多少', '有人工吗', '客服几点上班', '怎么找客服'],
      a: '在对话框发送「转人工」即可排队接入人工客服。人工服务时间：每天 09:00–21:00，其余时间机器人 24 小时在线，您也可以先留言，上班后客服会尽快回复。',
      buttons: [{ label: '转人工', text: '转人工' }],
    },
    {
      q: 'How can I contact customer service?',
      similar: ['What are your service hours?', 'Is there a phone number?', 'When are agents available?'],
      a: 'Send “talk to a human” here to join the queue for an agent. Agents work daily 09:00–21:00 China time; the bot answers 24/7, and you can leave a message for the team to answer when they are back.',
      buttons: [{ label: 'Human agent', text: 'Talk to a human' }],
    },
  ),
];
