import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusLanguages, type CorpusLanguage } from './corpus';

/**
 * Held-out sets written apart from the training corpus and the sentiment lexicon (data/heldout/).
 * Intent and out-of-scope lines alternate between a dev half (for choosing settings) and a test
 * half (reported only); sentiment and paraphrase sets are evaluation-only.
 */
const heldoutDirectory = fileURLToPath(new URL('../../data/heldout/', import.meta.url));

export type HeldoutSplit = 'dev' | 'test';

export interface HeldoutIntent {
  text: string;
  label: string;
  lang: CorpusLanguage;
}

export function loadShopperIntents(split: HeldoutSplit): HeldoutIntent[] {
  const examples: HeldoutIntent[] = [];
  for (const lang of corpusLanguages) {
    let label = '';
    let position = 0;
    for (const line of readLines(`intents/${lang}.txt`)) {
      if (line.startsWith('# ')) {
        label = line.slice(2).trim();
        position = 0;
        continue;
      }
      if (position++ % 2 === (split === 'dev' ? 0 : 1)) examples.push({ text: line, label, lang });
    }
  }
  return examples;
}

/**
 * Realistic sets written after the corpus, never trained on (data/heldout/realistic/): colloquial zh-Hans
 * shopper messages, service-chat turns (with masked ids such as [ORDERID_…]), zh-Hant, terse English and
 * customer-support English in the style of public support-utterance sets ({{Order Number}} placeholders).
 */
export const realisticSets = ['zh-Hans', 'zh-Hans-turns', 'zh-Hant', 'en', 'en-support'] as const;
export type RealisticSet = (typeof realisticSets)[number];

export function loadRealisticIntents(set: RealisticSet): HeldoutIntent[] {
  const lang: CorpusLanguage = set.startsWith('en') ? 'en' : set === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
  const examples: HeldoutIntent[] = [];
  let label = '';
  for (const line of readLines(`realistic/${set}.txt`)) {
    if (line.startsWith('# ')) label = line.slice(2).trim();
    else examples.push({ text: line, label, lang });
  }
  return examples;
}

export function loadOutOfScope(split: HeldoutSplit): string[] {
  return readLines('out-of-scope.txt').filter((_, index) => index % 2 === (split === 'dev' ? 0 : 1));
}

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface HeldoutSentiment {
  text: string;
  label: SentimentLabel;
  anger: boolean;
  lang: CorpusLanguage;
}

const sentimentCodes: Record<string, SentimentLabel> = {
  pos: 'positive',
  neg: 'negative',
  neu: 'neutral',
  ang: 'negative',
};

export type SentimentSet = 'dev' | 'test' | 'fresh' | 'reviews';
const sentimentFiles: Record<SentimentSet, string> = {
  dev: 'sentiment-dev.txt',
  test: 'sentiment.txt',
  fresh: 'sentiment-fresh.txt',
  reviews: 'sentiment-reviews.txt',
};

/**
 * `sentiment-dev.txt` tunes the lexicon and rules; `sentiment.txt` is the reported set; `sentiment-fresh.txt` is a
 * later blind check; `sentiment-reviews.txt` (defects, negated and ironic praise, mixed reviews, neutral questions
 * and instructions) was written after the review vocabulary and is not used for tuning.
 */
export function loadSentimentSet(split: SentimentSet): HeldoutSentiment[] {
  const examples: HeldoutSentiment[] = [];
  let lang: CorpusLanguage = 'zh-Hans';
  const name = sentimentFiles[split];
  for (const line of readLines(name)) {
    const section = corpusLanguages.find((name) => line === `# ${name}`);
    if (section) lang = section;
    if (line.startsWith('#')) continue;
    const code = line.slice(0, 3);
    const label = sentimentCodes[code];
    if (!label) throw new Error(`${name}: unknown label in "${line}"`);
    examples.push({ text: line.slice(4), label, anger: code === 'ang', lang });
  }
  return examples;
}

export interface HeldoutPair {
  first: string;
  second: string;
  same: boolean;
  lang: 'zh' | 'en';
}

export function loadParaphrasePairs(): HeldoutPair[] {
  return readLines('paraphrase.txt')
    .filter((line) => !line.startsWith('#'))
    .map((line) => {
      const [same, first, second] = line.split('\t');
      if (first === undefined || second === undefined) throw new Error(`paraphrase.txt: bad line "${line}"`);
      return { first, second, same: same === '1', lang: /\p{Script=Han}/u.test(first) ? 'zh' : 'en' };
    });
}

function readLines(name: string): string[] {
  return readFileSync(`${heldoutDirectory}${name}`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
