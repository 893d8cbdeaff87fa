import { toTraditional } from '@kefu/nlu';

export type ReplyLocale = 'zh-CN' | 'zh-TW' | 'en';

const hanCharacter = /\p{Script=Han}/u;

/** Chooses the language to answer in: the language of the shopper's message, else the conversation's. */
export function chooseReplyLocale(
  text: string,
  detectedLanguage: string | null,
  fallbackLocale: string | null,
): ReplyLocale {
  if (detectedLanguage === 'zh-Hant') return 'zh-TW';
  if (detectedLanguage === 'zh-Hans') return 'zh-CN';
  if (detectedLanguage === 'en') return 'en';
  if (hanCharacter.test(text)) return 'zh-CN';
  if (/[a-z]/i.test(text)) return 'en';
  return normaliseLocale(fallbackLocale);
}

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
