// User-facing text of the widget, in simplified Chinese and English.
import type { ConversationStatus } from '@kefu/sdk';

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
  quickReplies: string;
}

const chineseStrings: WidgetStrings = {
  defaultTitle: '在线客服',
  statusOnline: '在线 · 通常几秒内回复',
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
  quickReplies: '快捷回复',
};

const englishStrings: WidgetStrings = {
  defaultTitle: 'Customer service',
  statusOnline: 'Online · usually replies in seconds',
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
  quickReplies: 'Quick replies',
};

export function selectWidgetStrings(locale: WidgetLocale): WidgetStrings {
  return locale === 'en' ? englishStrings : chineseStrings;
}

/** Maps any locale tag to one the widget speaks; Chinese is the default. */
export function normalizeWidgetLocale(value: string | null | undefined): WidgetLocale {
  return value && value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

/** The header's status line for a conversation status. */
export function describeConversationStatus(strings: WidgetStrings, status: ConversationStatus): string {
  switch (status) {
    case 'bot':
      return strings.statusOnline;
    case 'queued':
      return strings.statusQueued;
    case 'assigned':
      return strings.statusAssigned;
    case 'resolved':
    case 'closed':
      return strings.statusResolved;
  }
}
