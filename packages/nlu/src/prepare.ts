import { normalizeText } from './normalize';
import type { Language } from './script';
import { segment } from './segment';

export interface PreparedText {
  normalized: string;
  lang: Language;
  tokens: string[];
}

export function prepareText(text: string): PreparedText {
  const { normalized, lang } = normalizeText(text);
  return { normalized, lang, tokens: segment(normalized) };
}
