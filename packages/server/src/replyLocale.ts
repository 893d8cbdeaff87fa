import { toTraditional } from '@kefu/nlu';

export type ReplyLocale = 'zh-CN' | 'zh-TW' | 'en';

export function normaliseLocale(locale: string | null | undefined): ReplyLocale {
  if (!locale) return 'zh-CN';
  const lower = locale.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  if (lower === 'zh-tw' || lower === 'zh-hk' || lower === 'zh-hant' || lower.startsWith('zh-hant'))
    return 'zh-TW';
  return 'zh-CN';
}

/** Picks the zh or en variant of a text; zh-TW gets the zh text converted by the caller. */
export function pickLocalizedText(locale: ReplyLocale, texts: { zh: string; en: string }): string {
  return locale === 'en' ? texts.en : texts.zh;
}

/** Replies are written in simplified Chinese and English; a traditional-script shopper gets them converted. */
export function localizeReply(text: string, locale: ReplyLocale): string {
  return locale === 'zh-TW' ? toTraditional(text) : text;
}
