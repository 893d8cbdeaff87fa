import { prepareText } from './prepare';
import { canonicalWord } from './synonyms';

const stopWords = new Set(
  '的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 我 你 他 她 它 们 我们 你们 这 那 这个 那个 和 与 及 就 都 也 还 在 有 请问 请 亲 一下 可以 能 怎么 什么 a an the is are be am to of for in on at and or my your i you it this that do does did can could would should will please pls me with what how ? !'.split(
    ' ',
  ),
);
const hanRun = /\p{Script=Han}+/gu;

export interface RetrievalTerms {
  /** Content words, stemmed for English, shop synonyms mapped to one word (退钱 → 退款). */
  words: string[];
  /** Chinese character bigrams, which survive segmentation differences and unknown words. */
  bigrams: string[];
}

export function retrievalTerms(text: string): RetrievalTerms {
  const { normalized, tokens } = prepareText(text);
  const words = tokens.filter((token) => !stopWords.has(token)).map((token) => canonicalWord(token));
  const bigrams: string[] = [];
  for (const match of normalized.matchAll(hanRun)) {
    const characters = [...match[0]];
    for (let index = 0; index + 1 < characters.length; index++)
      bigrams.push(`${characters[index]}${characters[index + 1]}`);
    if (characters.length === 1 && characters[0]) bigrams.push(characters[0]);
  }
  return { words, bigrams };
}
