// User-facing text of the widget, in simplified Chinese and English.
export type WidgetLocale = 'zh-CN' | 'en';

export interface WidgetStrings {
  defaultTitle: string;
  statusOnline: string;
  statusQueued: string;
  statusAssigned: string;
  statusResolved: string;
  openChat: string;
  closeChat: string;
  unreadMessages: (count: number) => string;
  messageList: string;
  inputPlaceholder: string;
  inputLabel: string;
  send: string;
  botLabel: string;
  agentLabel: string;
  youLabel: string;
  sending: string;
  failed: string;
  retry: string;
  typing: string;
  reconnecting: string;
  emptyState: string;
  tooLong: (limit: number) => string;
  /** The shop asked this shopper to send more slowly (too many messages in a short time). */
  slowDown: string;
  quickReplies: string;
  /** Header: people who can answer now, or when they are back. */
  agentsOnline: (count: number) => string;
  agentsBackAt: (localTime: string, daysFromToday: number) => string;
  noAgentsOnline: string;
  queuedNoAgents: string;
  inputPlaceholderTouch: string;
  suggestionsTitle: string;
  recentOrders: string;
  askAboutOrder: string;
  askAboutOrderText: (orderNumber: string) => string;
  orderLabel: (orderNumber: string) => string;
  orderTotal: string;
  moreItems: (count: number) => string;
  trackingNumber: string;
  showAllTracking: (count: number) => string;
  showLessTracking: string;
  viewProduct: string;
  attachPhoto: string;
  photoLabel: string;
  photoUnavailable: string;
  photoTooLarge: (maxMegabytes: string | null) => string;
  photoWrongType: string;
  photoNotSent: string;
}

const chineseStrings: WidgetStrings = {
  defaultTitle: '在线客服',
  statusOnline: '智能客服为您服务',
  statusQueued: '正在为您转接人工客服…',
  statusAssigned: '人工客服为您服务中',
  statusResolved: '会话已结束，发送消息可继续咨询',
  openChat: '打开在线客服',
  closeChat: '关闭对话窗口',
  unreadMessages: (count) => `${count} 条未读消息`,
  messageList: '聊天记录',
  inputPlaceholder: '请输入您的问题，Enter 发送',
  inputLabel: '输入消息',
  send: '发送',
  botLabel: '智能客服',
  agentLabel: '人工客服',
  youLabel: '我',
  sending: '发送中…',
  failed: '发送失败',
  retry: '重试',
  typing: '对方正在输入…',
  reconnecting: '连接已断开，正在重新连接…',
  emptyState: '您好！请问有什么可以帮您？订单、物流、退换货都可以问我。',
  tooLong: (limit) => `消息太长了，请控制在 ${limit} 字以内`,
  slowDown: '您发送得有点快，请稍等片刻，消息会自动发出',
  quickReplies: '快捷回复',
  agentsOnline: (count) => `${count} 位客服在线`,
  agentsBackAt: (time, days) =>
    days <= 0
      ? `人工客服 ${time} 上班`
      : days === 1
        ? `人工客服明天 ${time} 上班`
        : `人工客服 ${days} 天后 ${time} 上班`,
  noAgentsOnline: '暂无客服在线',
  queuedNoAgents: '已为您排队，人工客服上线后按顺序接待',
  inputPlaceholderTouch: '请输入您的问题',
  suggestionsTitle: '猜你想问',
  recentOrders: '您最近的订单',
  askAboutOrder: '问这个订单',
  askAboutOrderText: (orderNumber) => `我想咨询订单 ${orderNumber}`,
  orderLabel: (orderNumber) => `订单 ${orderNumber}`,
  orderTotal: '合计',
  moreItems: (count) => `等 ${count} 件商品`,
  trackingNumber: '运单号',
  showAllTracking: (count) => `查看全部物流（${count} 条）`,
  showLessTracking: '收起',
  viewProduct: '查看商品',
  attachPhoto: '发送图片',
  photoLabel: '图片',
  photoUnavailable: '图片暂时无法显示',
  photoTooLarge: (size) =>
    size ? `这张图片有点大，请选择 ${size} MB 以内的图片。` : '这张图片有点大，请换一张小一点的图片。',
  photoWrongType: '目前只能发送 JPG、PNG、WebP 或 GIF 格式的图片，请换一张试试。',
  photoNotSent: '图片没有发送成功',
};

const englishStrings: WidgetStrings = {
  defaultTitle: 'Customer service',
  statusOnline: 'Our assistant is here to help',
  statusQueued: 'Connecting you to a human agent…',
  statusAssigned: 'An agent is helping you',
  statusResolved: 'Conversation ended; send a message to continue',
  openChat: 'Open customer service chat',
  closeChat: 'Close chat window',
  unreadMessages: (count) => `${count} unread ${count === 1 ? 'message' : 'messages'}`,
  messageList: 'Chat history',
  inputPlaceholder: 'Type your question, Enter to send',
  inputLabel: 'Message',
  send: 'Send',
  botLabel: 'Assistant',
  agentLabel: 'Agent',
  youLabel: 'You',
  sending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  typing: 'Typing…',
  reconnecting: 'Connection lost, reconnecting…',
  emptyState: 'Hello! How can we help? Ask about orders, shipping or returns.',
  tooLong: (limit) => `That message is too long; please keep it under ${limit} characters`,
  slowDown: "You're sending messages a little fast. Please wait a moment; we'll send this one for you",
  quickReplies: 'Quick replies',
  agentsOnline: (count) => `${count} ${count === 1 ? 'agent' : 'agents'} online`,
  agentsBackAt: (time, days) =>
    days <= 0
      ? `Agents back at ${time}`
      : days === 1
        ? `Agents back tomorrow at ${time}`
        : `Agents back in ${days} days at ${time}`,
  noAgentsOnline: 'No agents online right now',
  queuedNoAgents: "You're in the queue; an agent will reply once one is online",
  inputPlaceholderTouch: 'Type your question',
  suggestionsTitle: 'You may want to ask',
  recentOrders: 'Your recent orders',
  askAboutOrder: 'Ask about this order',
  askAboutOrderText: (orderNumber) => `I have a question about order ${orderNumber}`,
  orderLabel: (orderNumber) => `Order ${orderNumber}`,
  orderTotal: 'Total',
  moreItems: (count) => `+${count} more`,
  trackingNumber: 'Tracking no.',
  showAllTracking: (count) => `Show all tracking (${count})`,
  showLessTracking: 'Show less',
  viewProduct: 'View product',
  attachPhoto: 'Send a photo',
  photoLabel: 'Photo',
  photoUnavailable: 'The photo cannot be shown right now',
  photoTooLarge: (size) =>
    size
      ? `That photo is a little large; please choose one under ${size} MB.`
      : 'That photo is a little large; please choose a smaller one.',
  photoWrongType: 'Only JPG, PNG, WebP or GIF photos can be sent; please try another one.',
  photoNotSent: 'Photo not sent',
};

export function selectWidgetStrings(locale: WidgetLocale): WidgetStrings {
  return locale === 'en' ? englishStrings : chineseStrings;
}

/** Maps any locale tag to one the widget speaks; Chinese is the default. */
export function normalizeWidgetLocale(value: string | null | undefined): WidgetLocale {
  return value && value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}
