import { assessLanguage } from '@kefu/nlu';
import type { ReplyLocale } from '../../replyLocale';
import { normaliseLocale } from '../../replyLocale';

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
