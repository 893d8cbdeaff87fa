import type { ConsoleLocale } from '../i18n/I18nContext';

// A starting set of canned replies for an online shop, in the console's language, so a new agent does not begin
// with an empty list. Added as the agent's own replies through the ordinary import (shortcuts already taken are
// skipped), then edited or deleted like any other.

interface StarterReply {
  shortcut: string;
  category: string;
  title: string;
  text: string;
}

const zhCN: StarterReply[] = [
  {
    shortcut: 'hi',
    category: '问候',
    title: '接入问候',
    text: '{{customer.name}}您好，我是客服{{agent.name}}，很高兴为您服务，请问有什么可以帮您？',
  },
  {
    shortcut: 'wait',
    category: '问候',
    title: '请稍等',
    text: '好的，我这边帮您查询一下，请稍等 1-2 分钟哦。',
  },
  { shortcut: 'thanks', category: '问候', title: '感谢等待', text: '感谢您的耐心等待！' },
  {
    shortcut: 'track',
    category: '物流',
    title: '查询物流',
    text: '您的订单 {{order.number}} 已为您查询，物流信息在订单详情中实时更新，有任何异常我们会第一时间联系您。',
  },
  {
    shortcut: 'delay',
    category: '物流',
    title: '物流延误致歉',
    text: '非常抱歉让您久等了，订单 {{order.number}} 的包裹在途时间比预计长，我已为您催促快递加急处理，有新进展会马上告诉您。',
  },
  {
    shortcut: 'address',
    category: '物流',
    title: '修改地址',
    text: '订单发货前可以修改收货地址，请把新的收货人、电话和详细地址发给我，我来帮您修改。',
  },
  {
    shortcut: 'return',
    category: '售后',
    title: '退换货说明',
    text: '商品签收后 7 天内，在不影响二次销售的情况下支持无理由退换货。我可以直接为您创建退货单，您按退货单上的地址寄回即可。',
  },
  {
    shortcut: 'refund',
    category: '售后',
    title: '退款时效',
    text: '退款会在我们收到退货并验收后 1-3 个工作日内原路退回，到账时间以银行或支付平台为准。',
  },
  {
    shortcut: 'invoice',
    category: '售后',
    title: '开具发票',
    text: '我们支持开具电子普通发票，请告诉我发票抬头（个人或单位名称）、税号（单位需要）和接收邮箱。',
  },
  {
    shortcut: 'sorry',
    category: '安抚',
    title: '致歉安抚',
    text: '真的非常抱歉给您带来了不好的体验，您的问题我会负责跟进到底，一定给您一个满意的处理结果。',
  },
  {
    shortcut: 'offline',
    category: '结束',
    title: '下班留言',
    text: '现在是非工作时间，您的问题已记录，客服上班后会第一时间回复您。',
  },
  {
    shortcut: 'bye',
    category: '结束',
    title: '结束语',
    text: '请问还有其他可以帮您的吗？如果没有的话，祝您生活愉快，欢迎随时再来咨询！',
  },
];

const en: StarterReply[] = [
  {
    shortcut: 'hi',
    category: 'Greeting',
    title: 'Welcome',
    text: "Hi {{customer.name}}, this is {{agent.name}}. I'm happy to help — what can I do for you?",
  },
  {
    shortcut: 'wait',
    category: 'Greeting',
    title: 'One moment',
    text: "Sure, I'm looking into it now — it will take a minute or two.",
  },
  {
    shortcut: 'thanks',
    category: 'Greeting',
    title: 'Thanks for waiting',
    text: 'Thank you for your patience!',
  },
  {
    shortcut: 'track',
    category: 'Delivery',
    title: 'Tracking',
    text: "I've checked order {{order.number}}: its tracking updates live in the order details, and we'll contact you at once if anything goes wrong.",
  },
  {
    shortcut: 'delay',
    category: 'Delivery',
    title: 'Delay apology',
    text: "I'm very sorry for the wait. The parcel for order {{order.number}} is taking longer than expected; I've asked the carrier to hurry it and will update you as soon as I hear back.",
  },
  {
    shortcut: 'address',
    category: 'Delivery',
    title: 'Change address',
    text: 'The address can be changed until the order is dispatched. Send me the new name, phone number and full address and I will update it.',
  },
  {
    shortcut: 'return',
    category: 'After-sales',
    title: 'Returns',
    text: 'Within 7 days of delivery, unused items can be returned or exchanged without a reason. I can create the return for you right away; just send the parcel to the address on it.',
  },
  {
    shortcut: 'refund',
    category: 'After-sales',
    title: 'Refund timing',
    text: 'Your refund goes back to the original payment method within 1–3 working days after we receive and check the return; your bank or payment app decides when it shows.',
  },
  {
    shortcut: 'invoice',
    category: 'After-sales',
    title: 'Invoice',
    text: 'We issue electronic invoices. Please tell me the invoice title (your name or company), the tax ID for a company, and the e-mail address to send it to.',
  },
  {
    shortcut: 'sorry',
    category: 'Calming',
    title: 'Apology',
    text: "I'm truly sorry about this experience. I'll follow your case personally until it is put right.",
  },
  {
    shortcut: 'offline',
    category: 'Closing',
    title: 'After hours',
    text: "We're outside working hours right now. Your message is saved and we'll answer first thing when we're back.",
  },
  {
    shortcut: 'bye',
    category: 'Closing',
    title: 'Goodbye',
    text: 'Is there anything else I can help with? If not, have a lovely day — you are welcome back any time!',
  },
];

/** The starting set as the import file the canned replies API takes. */
export function starterCannedRepliesFile(locale: ConsoleLocale): string {
  return JSON.stringify(locale === 'en' ? en : zhCN);
}

export const starterCannedReplyCount = zhCN.length;
