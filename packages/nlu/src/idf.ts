import { idf as jiebaIdfBytes } from '@node-rs/jieba/dict.js';

/** jieba's shipped IDF table (270,000 words, the table behind its keyword extraction). */
let jiebaIdf: Map<string, number> | undefined;
/** jieba gives words missing from its table the median IDF of the table. */
const unknownWordIdf = 11.95;
/** English words are absent from the table; common ones must not outweigh Chinese content words. */
const englishStopWords = new Set(
  'a an the is are was were be been am to of in on at for with and or but i me my you your we our it its this that these those do does did can could would will should please pls any there here how what when where why which who'.split(
    ' ',
  ),
);

export function idfWeight(token: string): number {
  jiebaIdf ??= parseIdf(Buffer.from(jiebaIdfBytes).toString('utf8'));
  const known = jiebaIdf.get(token);
  if (known !== undefined) return known;
  if (englishStopWords.has(token)) return 2;
  if (/^\d+(?:\.\d+)?$/.test(token)) return 6;
  return unknownWordIdf;
}

function parseIdf(content: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of content.split('\n')) {
    const separator = line.lastIndexOf(' ');
    if (separator > 0) table.set(line.slice(0, separator), Number(line.slice(separator + 1)));
  }
  return table;
}
