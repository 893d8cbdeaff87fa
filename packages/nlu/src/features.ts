const hanRunPattern = /\p{Script=Han}+/gu;
const latinRunPattern = /[a-z][a-z0-9]*/g;
const stopTokens = new Set(['?', '!']);

/**
 * Sparse feature counts for one message: words, word bigrams, Chinese character 1–3-grams and
 * English character 3–5-grams inside word boundaries. The character n-grams are what lets the
 * model survive typos, homophones and unseen words; word features carry the exact phrases.
 */
export function extractFeatures(normalized: string, tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  forEachFeature(normalized, tokens, (feature) => counts.set(feature, (counts.get(feature) ?? 0) + 1));
  return counts;
}

export function forEachFeature(
  normalized: string,
  tokens: readonly string[],
  add: (feature: string) => void,
): void {
  let previous = '<s>';
  for (const token of tokens) {
    if (!stopTokens.has(token)) add(`w:${token}`);
    add(`b:${previous}|${token}`);
    previous = token;
  }
  if (tokens.length > 0) add(`b:${previous}|</s>`);
  for (const match of normalized.matchAll(hanRunPattern)) addHanGrams(match[0], add);
  for (const match of normalized.matchAll(latinRunPattern)) addLatinGrams(match[0], add);
}

function addHanGrams(run: string, add: (feature: string) => void): void {
  const characters = [...run];
  for (let index = 0; index < characters.length; index++) {
    const first = characters[index] ?? '';
    add(`c:${first}`);
    const second = characters[index + 1];
    if (second === undefined) continue;
    add(`c:${first}${second}`);
    const third = characters[index + 2];
    if (third !== undefined) add(`c:${first}${second}${third}`);
  }
}

function addLatinGrams(word: string, add: (feature: string) => void): void {
  const padded = `<${word}>`;
  for (let size = 3; size <= 5; size++) {
    for (let index = 0; index + size <= padded.length; index++) add(`l:${padded.slice(index, index + size)}`);
  }
}
