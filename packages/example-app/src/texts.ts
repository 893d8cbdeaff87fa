// Every word the example shows, in Simplified Chinese and English (the browser's language picks).
const zhCN = {
  title: 'Kefu 示例应用',
  signInAs: '以演示顾客身份登录',
  signingIn: '正在登录…',
  signInFailed: '登录失败：请确认示例的开发服务器已设置 KEFU_SHOP_IDENTITY_SECRET。',
  offline: '离线模式',
  online: '已连接',
  connecting: '正在连接…',
  disconnected: '离线',
  placeholder: '输入消息',
  send: '发送',
  waiting: '等待发送',
  you: '我',
  agent: '客服',
  bot: '机器人',
  system: '通知',
  signOut: '退出',
  refused: '这条消息未能发送：',
};
export type Texts = typeof zhCN;

const en: Texts = {
  title: 'Kefu example app',
  signInAs: 'Sign in as a demo shopper',
  signingIn: 'Signing in…',
  signInFailed: "Sign-in failed: check that the example's dev server has KEFU_SHOP_IDENTITY_SECRET set.",
  offline: 'Offline mode',
  online: 'Connected',
  connecting: 'Connecting…',
  disconnected: 'Offline',
  placeholder: 'Message',
  send: 'Send',
  waiting: 'Waiting to send',
  you: 'Me',
  agent: 'Agent',
  bot: 'Bot',
  system: 'Notice',
  signOut: 'Sign out',
  refused: 'This message could not be sent: ',
};

export function pickTexts(language: string): { texts: Texts; locale: 'zh-CN' | 'en' } {
  return language.toLowerCase().startsWith('zh')
    ? { texts: zhCN, locale: 'zh-CN' }
    : { texts: en, locale: 'en' };
}
