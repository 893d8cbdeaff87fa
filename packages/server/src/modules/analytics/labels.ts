// Display names of the codes reports group by, so dashboards, exports and the API show people words, never
// internal ids. A code without a name (a custom category, an intent of a newer model) is shown as it is.

import type { HandoffReason } from '@kefu/sdk';

export type ReportLocale = 'zh-CN' | 'en';
export type LabelKind =
  'intent' | 'category' | 'channel' | 'handoffReason' | 'issueReason' | 'status' | 'sentiment' | 'slaTarget';

type Names = Record<string, readonly [zh: string, en: string]>;

const intents: Names = {
  greeting: ['问候', 'Greeting'],
  goodbye: ['结束咨询', 'Goodbye'],
  human_agent: ['转人工', 'Asked for a person'],
  complaint: ['投诉', 'Complaint'],
  order_tracking: ['物流查询', 'Order tracking'],
  urge_shipment: ['催发货', 'Speed up shipment'],
  shipping_info: ['配送与运费', 'Shipping fees and times'],
  delivery_problem: ['收货问题', 'Delivery problem'],
  order_cancel: ['取消订单', 'Cancel an order'],
  order_modify: ['修改订单', 'Change an order'],
  order_place: ['下单', 'Place an order'],
  return_exchange: ['退换货', 'Return or exchange'],
  refund: ['退款', 'Refund'],
  payment: ['支付', 'Payment'],
  invoice: ['发票', 'Invoice'],
  price_promotion: ['价格与优惠', 'Prices and promotions'],
  product_inquiry: ['商品咨询', 'Product question'],
  stock_availability: ['库存与到货', 'Stock and availability'],
  warranty_repair: ['保修与维修', 'Warranty and repair'],
  account: ['账户', 'Account'],
  feedback: ['意见反馈', 'Feedback'],
  unknown: ['未识别', 'Not recognised'],
};

const categories: Names = {
  logistics: ['物流', 'Logistics'],
  delivery_problem: ['收货问题', 'Delivery problems'],
  orders: ['订单', 'Orders'],
  after_sales: ['售后', 'After-sales'],
  refund: ['退款', 'Refunds'],
  billing: ['支付与发票', 'Billing'],
  pre_sales: ['售前咨询', 'Pre-sales'],
  account: ['账户', 'Account'],
  complaint: ['投诉', 'Complaints'],
  feedback: ['意见反馈', 'Feedback'],
  general: ['其他', 'General'],
};

const channels: Names = {
  web: ['网页', 'Web'],
  app: ['App', 'App'],
  wechat: ['微信', 'WeChat'],
  email: ['邮件', 'Email'],
  webhook: ['接口', 'Webhook'],
  telegram: ['Telegram', 'Telegram'],
};

const handoffReasons: Names = {
  customer_request: ['顾客要求转人工', 'Customer asked for a person'],
  bot_failures: ['机器人连续未能解答', 'Bot could not answer'],
  not_helpful: ['顾客反馈没帮助', 'Answers not helpful'],
  anger: ['顾客情绪激动', 'Angry customer'],
  sentiment_decline: ['情绪持续下降', 'Falling sentiment'],
  complaint: ['投诉', 'Complaint'],
  sensitive_topic: ['敏感话题', 'Sensitive topic'],
  refund_amount: ['大额退款', 'Large refund'],
  vip: ['VIP 顾客', 'VIP customer'],
  intent_rule: ['按意图规则', 'Intent rule'],
  transfer: ['同事转接', 'Transferred'],
  commerce_unsupported: ['需人工办理的订单业务', 'Order request for a person'],
  commerce_unavailable: ['店铺系统暂不可用', 'Shop system unavailable'],
  delivery_investigation: ['物流问题待核实', 'Delivery to investigate'],
  warranty_repair: ['保修维修', 'Warranty repair'],
  shipment_exception: ['物流异常', 'Shipment exception'],
  shipment_stalled: ['物流长时间未更新', 'Shipment stalled'],
  shipment_overdue: ['发货超时', 'Shipment overdue'],
  invoice_correction: ['发票需重开', 'Invoice to re-issue'],
} satisfies Record<HandoffReason, readonly [zh: string, en: string]>;

const issueReasons: Names = {
  no_longer_needed: ['不想要了', 'No longer needed'],
  wrong_size: ['尺码不合适', 'Wrong size'],
  not_as_described: ['与描述不符', 'Not as described'],
  defective: ['质量问题', 'Defective'],
  damaged_in_transit: ['运输损坏', 'Damaged in transit'],
  damaged: ['商品破损', 'Arrived damaged'],
  wrong_item: ['发错或漏发', 'Wrong or missing item'],
  not_received: ['未收到货', 'Not received'],
};

const statuses: Names = {
  bot: ['机器人接待', 'With the bot'],
  queued: ['排队中', 'Queued'],
  assigned: ['人工处理中', 'With an agent'],
  resolved: ['已解决', 'Resolved'],
  closed: ['已关闭', 'Closed'],
};

const sentiments: Names = {
  positive: ['正面', 'Positive'],
  neutral: ['中性', 'Neutral'],
  negative: ['负面', 'Negative'],
};

const slaTargets: Names = {
  first_response: ['首次响应', 'First response'],
  next_response: ['后续响应', 'Next response'],
  resolution: ['解决时限', 'Resolution'],
};

const namesByKind: Record<LabelKind, Names> = {
  intent: intents,
  category: categories,
  channel: channels,
  handoffReason: handoffReasons,
  issueReason: issueReasons,
  status: statuses,
  sentiment: sentiments,
  slaTarget: slaTargets,
};

const noneLabel = { 'zh-CN': '未分类', en: 'Unclassified' } as const;

/** The display name of a code; null (no intent, no reason) has a name too. */
export function labelOf(kind: LabelKind, code: string | null, locale: ReportLocale): string {
  if (code === null) return noneLabel[locale];
  const names = namesByKind[kind][code];
  if (!names) return code;
  return locale === 'en' ? names[1] : names[0];
}

export interface LabeledKey {
  key: string | null;
  label: string;
}

export function labeled(kind: LabelKind, code: string | null, locale: ReportLocale): LabeledKey {
  return { key: code, label: labelOf(kind, code, locale) };
}
