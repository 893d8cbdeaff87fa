import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Public evaluation sets that the project does not ship (their licences do not allow copying them into
 * the repository). Put the files in a directory and point KEFU_PUBLIC_DATA at it:
 *
 * - `sentiment-<name>.csv`: a header with `label` and `review` columns, label 1 = positive, 0 = negative
 *   (the format of the ChineseNlpCorpus review sets such as online_shopping_10_cats, ChnSentiCorp_htl_all);
 * - `pairs-<name>.tsv`: `text_a <TAB> text_b <TAB> label` with label 1 = same meaning (LCQMC, BQ format;
 *   a header line is skipped);
 * - `intents-<name>.tsv`: `text <TAB> intent`, the intent being one of Kefu's ids.
 *
 * Every fifth line (index % 5 === 0) is the tuning part; figures are reported on the other four fifths.
 */
export interface PublicSentimentExample {
  text: string;
  label: 'positive' | 'negative';
}

export interface PublicPair {
  first: string;
  second: string;
  same: boolean;
}

export interface PublicIntentExample {
  text: string;
  label: string;
}

export interface PublicSets {
  directory: string;
  sentiment: { name: string; examples: PublicSentimentExample[] }[];
  pairs: { name: string; pairs: PublicPair[] }[];
  intents: { name: string; examples: PublicIntentExample[] }[];
}

export type PublicPart = 'tuning' | 'report' | 'all';

export function loadPublicSets(directory = process.env.KEFU_PUBLIC_DATA): PublicSets | undefined {
  if (!directory || !existsSync(directory)) return undefined;
  const files = readdirSync(directory).sort();
  const setName = (file: string, prefix: string): string => file.slice(prefix.length).replace(/\.\w+$/, '');
  return {
    directory,
    sentiment: files
      .filter((file) => file.startsWith('sentiment-') && file.endsWith('.csv'))
      .map((file) => ({ name: setName(file, 'sentiment-'), examples: readSentiment(join(directory, file)) })),
    pairs: files
      .filter((file) => file.startsWith('pairs-') && file.endsWith('.tsv'))
      .map((file) => ({ name: setName(file, 'pairs-'), pairs: readPairs(join(directory, file)) })),
    intents: files
      .filter((file) => file.startsWith('intents-') && file.endsWith('.tsv'))
      .map((file) => ({ name: setName(file, 'intents-'), examples: readIntents(join(directory, file)) })),
  };
}

/** Keeps the lines of one part: tuning = every fifth line, report = the rest. */
export function selectPart<T>(items: readonly T[], part: PublicPart): T[] {
  if (part === 'all') return [...items];
  return items.filter((_, index) => (index % 5 === 0) === (part === 'tuning'));
}

function readSentiment(path: string): PublicSentimentExample[] {
  const records: unknown = parse(readFileSync(path, 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });
  if (!Array.isArray(records)) return [];
  const examples: PublicSentimentExample[] = [];
  for (const record of records) {
    if (typeof record !== 'object' || record === null) continue;
    const label: unknown = Reflect.get(record, 'label');
    const review: unknown = Reflect.get(record, 'review');
    if (typeof review !== 'string' || review.trim() === '' || (label !== '0' && label !== '1')) continue;
    examples.push({ text: review.trim(), label: label === '1' ? 'positive' : 'negative' });
  }
  return examples;
}

function readPairs(path: string): PublicPair[] {
  return readTabSeparated(path)
    .filter((fields) => fields[2] === '0' || fields[2] === '1')
    .map(([first = '', second = '', label]) => ({ first, second, same: label === '1' }));
}

function readIntents(path: string): PublicIntentExample[] {
  return readTabSeparated(path)
    .filter((fields) => fields.length >= 2 && fields[0] !== 'text')
    .map(([text = '', label = '']) => ({ text, label: label.trim() }));
}

function readTabSeparated(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(/\r$/, '').split('\t'));
}
