import { detectLanguage, toSimplified, toTraditional } from '@kefu/nlu';
import type { ReplyLocale } from './replyLocale';
import { normaliseLocale } from './replyLocale';

export interface LanguageEvidence {
  language: 'zh-Hans' | 'zh-Hant' | 'en' | null;
  /** Clear evidence: enough words of one language to change a conversation's language. */
  strong: boolean;
  /** Chinese that reads the same in both scripts ("好的", "不想要了"). */
  scriptNeutral: boolean;
}

/** Ids, numbers, units and sizes carry no language: "KF202611010015", "0303", "175cm", "L", "5G". */
const languageFreeTokens =
  /https?:\/\/\S+|[\w.%+-]+@[\w.-]+|[A-Za-z]{0,4}\d[A-Za-z0-9-]*|\b(?:XXXL|XXL|XL|XS|S|M|L)\b/g;
/** Latin words that say nothing of the shopper's language (tokens shared by zh and en chats). */
const neutralWords = new Set([
  'ok',
  'okay',
  'kf',
  'sf',
  'jd',
  'ems',
  'yt',
  'id',
  'app',
  'vip',
  'pdf',
  'wifi',
]);
const hanCharacter = /\p{Script=Han}/gu;
const latinWord = /[A-Za-z]{2,}/g;

/** What a message says about the language its writer uses. */
export function assessLanguage(text: string): LanguageEvidence {
  const words = text.replace(languageFreeTokens, ' ');
  const han = words.match(hanCharacter) ?? [];
  const latin = (words.match(latinWord) ?? []).filter((word) => !neutralWords.has(word.toLowerCase()));
  if (han.length > 0 && han.length >= latin.length) {
    const chinese = han.join('');
    const traditional = detectLanguage(chinese) === 'zh-Hant';
    return {
      language: traditional ? 'zh-Hant' : 'zh-Hans',
      strong: han.length >= 2,
      scriptNeutral: !traditional && toSimplified(chinese) === chinese && toTraditional(chinese) === chinese,
    };
  }
  if (latin.length > 0) return { language: 'en', strong: latin.length >= 2, scriptNeutral: false };
  return { language: null, strong: false, scriptNeutral: false };
}

/**
 * A conversation keeps one language and script. The first message decides on any evidence (over the page's
 * locale); later messages change it only on clear evidence, so "0202", an order number, "👍" or "ok" never
 * switch a Chinese conversation to English, and Chinese that reads the same in both scripts keeps the script.
 */
export function decideConversationLocale(
  current: string | null,
  text: string,
  firstMessage: boolean,
): ReplyLocale {
  const previous = normaliseLocale(current);
  const evidence = assessLanguage(text);
  if (!evidence.language || (!evidence.strong && !firstMessage)) return previous;
  if (evidence.language === 'en') return 'en';
  if (evidence.scriptNeutral) return previous === 'en' ? 'zh-CN' : previous;
  return evidence.language === 'zh-Hant' ? 'zh-TW' : 'zh-CN';
}
