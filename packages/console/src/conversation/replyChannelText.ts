import { useDictionary } from '../i18n/I18nContext';

const zh = {
  replyOn: '回复渠道',
  lastUsed: '顾客最近使用',
  closesAt: '{time} 前可回复',
  windowClosed:
    '{channel}只接受顾客最后一条消息后 {hours} 小时内的回复，已于 {time} 关闭。顾客再次发消息后即可回复，也可改用其他渠道。',
  sendRefused:
    '{channel}的回复时限刚刚已过，这条回复未发送，草稿已保留。请改用其他渠道，或等顾客再次来信后回复。',
} as const;

const en: Record<keyof typeof zh, string> = {
  replyOn: 'Reply on',
  lastUsed: 'Last used by the shopper',
  closesAt: 'Replies possible until {time}',
  windowClosed:
    "{channel} takes replies only within {hours} hours of the shopper's last message there; it closed at {time}. You can reply once the shopper writes again, or pick another channel.",
  sendRefused:
    'The reply window on {channel} has just closed, so this reply was not sent; your draft is kept. Pick another channel or wait until the shopper writes again.',
};

/** Texts of the composer's channel picker, in the console's language. */
export function useReplyChannelText() {
  return useDictionary(zh, en);
}

/** A date and time as the picker shows it: month, day, hour and minute in the console's language. */
export function formatWindowTime(timestamp: string, locale: string): string {
  return new Date(timestamp).toLocaleString(locale, {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}
