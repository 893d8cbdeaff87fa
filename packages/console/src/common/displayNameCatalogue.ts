// The one catalogue of display names for the codes the server and the bot use: intents, categories,
// VIP tiers, sensitive topics, languages, entity types, bot stages, default SLA policies. Every screen shows
// these words instead of the codes; the browser suite checks no screen shows a code from these lists.

export interface DisplayName {
  zh: string;
  en: string;
}

export const intentNames: Record<string, DisplayName> = {
  greeting: { zh: '问候', en: 'Greeting' },
  goodbye: { zh: '道别', en: 'Goodbye' },
  human_agent: { zh: '转人工', en: 'Asks for a person' },
  complaint: { zh: '投诉', en: 'Complaint' },
  order_tracking: { zh: '查询物流', en: 'Order tracking' },
  urge_shipment: { zh: '催发货', en: 'Hurry shipment' },
  shipping_info: { zh: '配送说明', en: 'Shipping information' },
  delivery_problem: { zh: '配送问题', en: 'Delivery problem' },
  order_cancel: { zh: '取消订单', en: 'Cancel order' },
  order_modify: { zh: '修改订单', en: 'Change order' },
  order_place: { zh: '下单咨询', en: 'Placing an order' },
  return_exchange: { zh: '退换货', en: 'Return or exchange' },
  refund: { zh: '退款', en: 'Refund' },
  payment: { zh: '支付', en: 'Payment' },
  invoice: { zh: '发票', en: 'Invoice' },
  price_promotion: { zh: '价格与优惠', en: 'Prices and promotions' },
  product_inquiry: { zh: '商品咨询', en: 'Product question' },
  stock_availability: { zh: '库存', en: 'Stock' },
  warranty_repair: { zh: '保修维修', en: 'Warranty and repair' },
  account: { zh: '账户', en: 'Account' },
  feedback: { zh: '意见反馈', en: 'Feedback' },
  unknown: { zh: '未识别', en: 'Not understood' },
  out_of_scope: { zh: '业务范围外', en: 'Out of scope' },
};

export const categoryNames: Record<string, DisplayName> = {
  logistics: { zh: '物流', en: 'Shipping' },
  delivery_problem: { zh: '配送问题', en: 'Delivery problems' },
  orders: { zh: '订单', en: 'Orders' },
  after_sales: { zh: '售后', en: 'After-sales' },
  refund: { zh: '退款', en: 'Refunds' },
  billing: { zh: '支付与发票', en: 'Payment and invoices' },
  pre_sales: { zh: '售前', en: 'Pre-sales' },
  account: { zh: '账户', en: 'Account' },
  complaint: { zh: '投诉', en: 'Complaints' },
  feedback: { zh: '意见反馈', en: 'Feedback' },
  general: { zh: '综合', en: 'General' },
};

/** The categories of the knowledge base a new shop starts with; merchants add their own words. */
export const knowledgeCategoryNames: Record<string, DisplayName> = {
  after_sales: { zh: '售后', en: 'After-sales' },
  shipping: { zh: '配送', en: 'Shipping' },
  payment: { zh: '支付', en: 'Payment' },
  promotion: { zh: '优惠活动', en: 'Promotions' },
  membership: { zh: '会员', en: 'Membership' },
  service: { zh: '客服', en: 'Customer service' },
  policy: { zh: '店铺政策', en: 'Shop policies' },
  from_gaps: { zh: '来自未答问题', en: 'From unanswered questions' },
};

export const tierNames: Record<string, DisplayName> = {
  none: { zh: '普通会员', en: 'Regular member' },
  silver: { zh: '白银会员', en: 'Silver member' },
  gold: { zh: '黄金会员', en: 'Gold member' },
  platinum: { zh: '铂金会员', en: 'Platinum member' },
  diamond: { zh: '钻石会员', en: 'Diamond member' },
};

export const topicNames: Record<string, DisplayName> = {
  legal: { zh: '法律纠纷', en: 'Legal action' },
  regulator: { zh: '监管投诉（12315）', en: 'Regulator complaint (12315)' },
  media: { zh: '媒体曝光', en: 'Media exposure' },
  payment_dispute: { zh: '支付争议', en: 'Payment dispute' },
  safety: { zh: '安全风险', en: 'Safety risk' },
};

export const languageNames: Record<string, DisplayName> = {
  zh: { zh: '中文', en: 'Chinese' },
  'zh-Hans': { zh: '简体中文', en: 'Simplified Chinese' },
  'zh-CN': { zh: '简体中文', en: 'Simplified Chinese' },
  'zh-Hant': { zh: '繁体中文', en: 'Traditional Chinese' },
  'zh-TW': { zh: '繁体中文', en: 'Traditional Chinese' },
  en: { zh: '英文', en: 'English' },
  mixed: { zh: '中英混合', en: 'Chinese and English' },
};

export const entityTypeNames: Record<string, DisplayName> = {
  email: { zh: '邮箱', en: 'Email' },
  tracking_number: { zh: '运单号', en: 'Tracking number' },
  order_number: { zh: '订单号', en: 'Order number' },
  phone: { zh: '电话', en: 'Phone' },
  money: { zh: '金额', en: 'Amount' },
  quantity: { zh: '数量', en: 'Quantity' },
  size: { zh: '尺码', en: 'Size' },
  color: { zh: '颜色', en: 'Colour' },
  product: { zh: '商品', en: 'Product' },
  date: { zh: '日期', en: 'Date' },
};

/** The first part of a bot answer's stage (`rules:Greeting` → `rules`). */
export const stageNames: Record<string, DisplayName> = {
  rules: { zh: '关键词规则', en: 'Keyword rule' },
  flow: { zh: '业务流程', en: 'Service flow' },
  intent: { zh: '意图', en: 'Intent' },
  fallback: { zh: '兜底回复', en: 'Fallback reply' },
  knowledge: { zh: '知识库', en: 'Knowledge base' },
  policy_question: { zh: '政策问答', en: 'Policy answer' },
  small_talk: { zh: '闲聊', en: 'Small talk' },
  photo: { zh: '图片识别', en: 'Photo' },
};

/** The second part of some stages: small talk kinds, knowledge sources and special flows. */
export const stageDetailNames: Record<string, DisplayName> = {
  identity: { zh: '身份', en: 'Identity' },
  name: { zh: '名字', en: 'Name' },
  abilities: { zh: '能力', en: 'Abilities' },
  how_are_you: { zh: '寒暄', en: 'How are you' },
  secrets: { zh: '保密', en: 'Secrets' },
  weather: { zh: '天气', en: 'Weather' },
  joke: { zh: '笑话', en: 'Joke' },
  time: { zh: '时间', en: 'Time' },
  off_topic: { zh: '无关话题', en: 'Off topic' },
  business: { zh: '店铺业务', en: 'Shop business' },
  live_demo: { zh: '演示', en: 'Demo' },
  faq: { zh: '常见问题', en: 'FAQ' },
  suggest: { zh: '建议答案', en: 'Suggested answer' },
  llm: { zh: '大模型', en: 'Language model' },
  notifications: { zh: '通知', en: 'Notifications' },
  anger: { zh: '愤怒', en: 'Anger' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  clarify: { zh: '澄清', en: 'Clarify' },
};

/** The SLA policies a new shop starts with are stored with English names; shown in the console's language. */
export const defaultSlaPolicyNames: Record<string, DisplayName> = {
  Urgent: { zh: '紧急', en: 'Urgent' },
  High: { zh: '高优先级', en: 'High priority' },
  Normal: { zh: '普通', en: 'Normal' },
};

/** The keyword rules a new shop starts with are stored with English names; shown in the console's language. */
export const defaultRuleNames: Record<string, DisplayName> = {
  'Human agent': { zh: '转人工', en: 'Human agent' },
  Thanks: { zh: '致谢', en: 'Thanks' },
};

/** Why the bot raised a conversation's priority (`vip:gold` and `intent:refund` are named by their lists). */
export const priorityReasonNames: Record<string, DisplayName> = {
  anger: { zh: '顾客愤怒', en: 'Angry customer' },
  sentiment_falling: { zh: '情绪下滑', en: 'Mood falling' },
  sensitive_topic: { zh: '敏感话题', en: 'Sensitive topic' },
  sla_risk: { zh: '可能超时', en: 'Target at risk' },
};

/** Every code that must never be shown where a person reads (the browser suite checks the screens). */
export function listInternalCodes(): string[] {
  const lists = [
    intentNames,
    categoryNames,
    knowledgeCategoryNames,
    tierNames,
    topicNames,
    entityTypeNames,
    stageNames,
    priorityReasonNames,
  ];
  return [
    ...new Set(lists.flatMap((list) => Object.keys(list))),
    'zh',
    'zh-Hans',
    'zh-Hant',
    'zh-CN',
    'zh-TW',
  ];
}
