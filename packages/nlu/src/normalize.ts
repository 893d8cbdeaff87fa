import { detectLanguage, toSimplified, type Language } from './script';

export interface NormalizedText {
  normalized: string;
  lang: Language;
}

const englishContractions: [RegExp, string][] = [
  [/\b(can)'?t\b/g, 'can not'],
  [/\bwon'?t\b/g, 'will not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\bi'm\b/g, 'i am'],
  [/\b(\w+)'re\b/g, '$1 are'],
  [/\b(\w+)'ve\b/g, '$1 have'],
  [/\b(\w+)'ll\b/g, '$1 will'],
  [/\b(\w+)'d\b/g, '$1 would'],
  [/\b(it|that|what|where|there|here|who|how)'s\b/g, '$1 is'],
];

const cjkPunctuation: Record<string, string> = {
  '。': '.',
  '、': ',',
  '｡': '.',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '【': '[',
  '】': ']',
  '《': '"',
  '》': '"',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '…': '...',
  '—': '-',
};
const cjkPunctuationPattern = new RegExp(`[${Object.keys(cjkPunctuation).join('')}]`, 'g');

/**
 * The text the models see: half-width, simplified, lower-case, punctuation runs and
 * stretched letters collapsed ("！！！" → "!", "sooooo" → "soo"), English contractions expanded.
 * The shopper's script is recorded before simplification so replies can go back in it.
 */
export function normalizeText(text: string): NormalizedText {
  const halfWidth = text
    .normalize('NFKC')
    .replace(cjkPunctuationPattern, (character) => cjkPunctuation[character] ?? character);
  const lang = detectLanguage(halfWidth);
  // Shared characters need no conversion; phrase conversion (軟體 → 软件) only matters for traditional text.
  const simplified = lang === 'zh-Hant' || lang === 'mixed' ? toSimplified(halfWidth) : halfWidth;
  let normalized = simplified
    .toLowerCase()
    .replace(/([!?.,~;:*#-])\1+/g, '$1')
    .replace(/([!?])[!?]+/g, '$1')
    .replace(/(\p{L})\1{2,}/gu, '$1$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (/[a-z]'/.test(normalized)) {
    for (const [pattern, replacement] of englishContractions)
      normalized = normalized.replace(pattern, replacement);
  }
  return { normalized, lang };
}
