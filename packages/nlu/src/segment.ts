import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { toSimplified } from './script';
import { stemEnglishWord } from './stem';

let sharedJieba: Jieba | undefined;
const knownUserTerms = new Set<string>();

function getJieba(): Jieba {
  sharedJieba ??= Jieba.withDict(dict);
  return sharedJieba;
}

/**
 * Extends the segmentation dictionary with product and brand names so that they stay one token.
 * The dictionary is process-wide: catalogue words are harmless to every caller and loading is idempotent.
 */
export function addUserTerms(terms: Iterable<string>): void {
  const lines: string[] = [];
  for (const term of terms) {
    const normalizedTerm = toSimplified(term.normalize('NFKC')).toLowerCase().trim();
    if (normalizedTerm.length < 2 || /\s/.test(normalizedTerm) || knownUserTerms.has(normalizedTerm))
      continue;
    knownUserTerms.add(normalizedTerm);
    lines.push(`${normalizedTerm} 100000 nz`);
  }
  if (lines.length > 0) getJieba().loadDict(Buffer.from(`${lines.join('\n')}\n`));
}

/** jieba's raw pieces (punctuation and spaces included), so offsets into the text stay valid. */
export function cutWords(text: string): string[] {
  return getJieba().cut(text, false);
}

const wordPattern = /[\p{L}\p{N}]/u;
const latinWordPattern = /^[a-z][a-z0-9'-]*$/;
const extendedPictographic = /\p{Extended_Pictographic}/u;

/**
 * Splits normalised text into tokens: jieba words for Chinese, stemmed words for English,
 * emoji kept as tokens (they carry meaning for sentiment and greetings), punctuation dropped.
 */
export function segment(normalized: string): string[] {
  const tokens: string[] = [];
  for (const piece of getJieba().cut(normalized, false)) {
    if (wordPattern.test(piece)) {
      tokens.push(latinWordPattern.test(piece) ? stemEnglishWord(piece) : piece);
    } else if (extendedPictographic.test(piece)) {
      for (const character of piece) if (extendedPictographic.test(character)) tokens.push(character);
    } else if (piece === '?' || piece === '!') {
      tokens.push(piece);
    }
  }
  return tokens;
}
