import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../linear';

export interface LabelledText {
  text: string;
  label: string;
  lang: CorpusLanguage;
  /** Source utterance number; augmented copies keep their source's group. */
  group: number;
}

export type CorpusLanguage = 'zh-Hans' | 'zh-Hant' | 'en';
export const corpusLanguages: CorpusLanguage[] = ['zh-Hans', 'zh-Hant', 'en'];
export type CorpusSplit = 'train' | 'dev' | 'test';

const dataDirectory = fileURLToPath(new URL('../../data/', import.meta.url));

/**
 * Reads data/intents/<lang>.txt ("# intent" headers, one utterance per line) and splits each
 * intent deterministically: every 10th line from the 5th is dev, every 10th from the 10th is test.
 */
export function loadIntentCorpus(split: CorpusSplit): LabelledText[] {
  const examples: LabelledText[] = [];
  for (const lang of corpusLanguages) {
    const content = readFileSync(`${dataDirectory}intents/${lang}.txt`, 'utf8');
    let label = '';
    let position = 0;
    for (const rawLine of content.split('\n')) {
      const line = rawLine.trim();
      if (line === '') continue;
      if (line.startsWith('# ')) {
        label = line.slice(2).trim();
        position = 0;
        continue;
      }
      const lineSplit: CorpusSplit = position % 10 === 4 ? 'dev' : position % 10 === 9 ? 'test' : 'train';
      position++;
      if (lineSplit === split) examples.push({ text: line, label, lang, group: examples.length });
    }
  }
  return examples;
}

const chinesePrefixes = ['亲，', '在吗，', '你好，', '请问', '麻烦问下，', '客服，', '您好 ', '那个，'];
const chineseSuffixes = ['呢', '啊', '？', '，谢谢', '😊', '🙏', '！！', '呀', '哈', '～', '。。。', '?'];
const traditionalPrefixes = ['親，', '請問', '您好，', '哈囉，', '不好意思，', '唔該，'];
const traditionalSuffixes = ['呢', '喔', '？', '，謝謝', '🙏', '呀', '啦', '～'];
const englishPrefixes = [
  'hi, ',
  'hello ',
  'excuse me, ',
  'pls ',
  'hey, ',
  'dear seller, ',
  'sorry, ',
  'hi there ',
];
const englishSuffixes = [' please', ' thanks', ' ??', '!!', ' pls', ' thank you', ' 🙏', ' asap', '?'];
const chineseTypos: [string, string][] = [
  ['吗', '嘛'],
  ['在', '再'],
  ['的', '得'],
  ['怎么', '咋'],
  ['什么', '啥'],
  ['订单', '定单'],
  ['账号', '帐号'],
  ['快递', '快地'],
  ['退款', '退宽'],
  ['发货', '发或'],
  ['优惠', '优慧'],
  ['没有', '没'],
  ['可以', '能'],
  ['一下', '下'],
];

/** Fillers, particles, emoji and typical typos added to copies of training lines (never to dev or test). */
export function augmentExamples(
  examples: readonly LabelledText[],
  copies: number,
  seed = 11,
): LabelledText[] {
  const random = seededRandom(seed);
  const pick = (values: readonly string[]): string => values[Math.floor(random() * values.length)] ?? '';
  const augmented: LabelledText[] = [];
  for (const example of examples) {
    for (let copy = 0; copy < copies; copy++) {
      let text = example.text;
      if (example.lang === 'en') {
        if (random() < 0.5) text = pick(englishPrefixes) + text;
        if (random() < 0.5) text += pick(englishSuffixes);
        if (random() < 0.6) text = addEnglishTypo(text, random);
        if (random() < 0.3) text = text.toUpperCase();
      } else {
        const traditional = example.lang === 'zh-Hant';
        if (random() < 0.5) text = pick(traditional ? traditionalPrefixes : chinesePrefixes) + text;
        if (random() < 0.5) text += pick(traditional ? traditionalSuffixes : chineseSuffixes);
        const [from, to] = chineseTypos[Math.floor(random() * chineseTypos.length)] ?? ['', ''];
        if (!traditional && random() < 0.5 && from !== '' && text.includes(from))
          text = text.replace(from, to);
      }
      if (text !== example.text) augmented.push({ ...example, text });
    }
  }
  return augmented;
}

function addEnglishTypo(text: string, random: () => number): string {
  const words = text.split(' ');
  const candidates = words
    .map((word, index) => ({ word, index }))
    .filter(({ word }) => /^[a-z]{5,}$/i.test(word));
  const chosen = candidates[Math.floor(random() * candidates.length)];
  if (!chosen) return text;
  const position = 1 + Math.floor(random() * (chosen.word.length - 2));
  const word = chosen.word;
  const edited =
    random() < 0.5
      ? word.slice(0, position) + word.slice(position + 1)
      : word.slice(0, position) +
        (word[position + 1] ?? '') +
        (word[position] ?? '') +
        word.slice(position + 2);
  words[chosen.index] = edited;
  return words.join(' ');
}
