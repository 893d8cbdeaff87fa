import { idf as jiebaIdfBytes } from '@node-rs/jieba/dict.js';
import { loadDefaultEngine } from './engine';
import { prepareText, type PreparedText } from './prepare';
import { UNKNOWN_INTENT } from './intentClassifier';

const negatorPattern = /不|没|别|无|未|非|\bnot\b|\bno\b|\bnever\b|\bwithout\b/g;
const stopTokens = new Set(
  '的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 亲 请问 请 一下 a an the is are be am to of do does please pls ? !'.split(
    ' ',
  ),
);
let jiebaIdf: Map<string, number> | undefined;

export interface MatchOptions {
  /** Use the default intent model as one more signal (on by default). */
  useIntent?: boolean;
}

/**
 * Same-meaning score in [0, 1] for two questions: idf-weighted word overlap, character n-gram
 * overlap, agreement of the default intent model, and penalties when one side negates or
 * names different numbers (退款 vs 不退款, 3天 vs 7天).
 */
export function matchScore(first: string, second: string, options: MatchOptions = {}): number {
  const left = prepareText(first);
  const right = prepareText(second);
  if (left.normalized === right.normalized) return 1;
  const wordSimilarity = weightedCosine(wordWeights(left), wordWeights(right));
  const characterSimilarity = dice(characterGrams(left.normalized), characterGrams(right.normalized));
  const lexical = 0.55 * wordSimilarity + 0.45 * characterSimilarity;
  // The intent signal matters most where the wording differs completely (查物流 vs 快递到哪了).
  let raw = lexical + ((options.useIntent ?? true) ? intentAgreement(left, right) * (1 - lexical) : 0);
  if (
    countMatches(left.normalized, negatorPattern) % 2 !==
    countMatches(right.normalized, negatorPattern) % 2
  )
    raw -= 0.35;
  if (numbersOf(left.normalized) !== numbersOf(right.normalized)) raw -= 0.3;
  return Math.round((1 / (1 + Math.exp(-9 * (raw - 0.5)))) * 10000) / 10000;
}

function intentAgreement(left: PreparedText, right: PreparedText): number {
  const classifier = loadDefaultEngine().classifier;
  const leftIntent = classifier.predict(left);
  const rightIntent = classifier.predict(right);
  if (leftIntent.id === UNKNOWN_INTENT || rightIntent.id === UNKNOWN_INTENT) return 0;
  if (leftIntent.id === rightIntent.id) return 0.35 * Math.min(leftIntent.confidence, rightIntent.confidence);
  return -0.2 * Math.min(leftIntent.confidence, rightIntent.confidence);
}

function wordWeights(prepared: PreparedText): Map<string, number> {
  jiebaIdf ??= parseIdf(Buffer.from(jiebaIdfBytes).toString('utf8'));
  const weights = new Map<string, number>();
  for (const token of prepared.tokens) {
    if (stopTokens.has(token)) continue;
    weights.set(token, jiebaIdf.get(token) ?? 9);
  }
  return weights;
}

function parseIdf(content: string): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of content.split('\n')) {
    const separator = line.lastIndexOf(' ');
    if (separator > 0) table.set(line.slice(0, separator), Number(line.slice(separator + 1)));
  }
  return table;
}

function weightedCosine(left: Map<string, number>, right: Map<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [term, weight] of left) {
    leftNorm += weight * weight;
    const other = right.get(term);
    if (other !== undefined) dot += weight * other;
  }
  for (const weight of right.values()) rightNorm += weight * weight;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

function characterGrams(normalized: string): Set<string> {
  const compact = [...normalized.replace(/[\s\p{P}]+/gu, ' ')];
  const grams = new Set<string>();
  for (let index = 0; index < compact.length; index++) {
    const pair = `${compact[index]}${compact[index + 1] ?? ''}`;
    if (!pair.includes(' ')) grams.add(pair);
    if (/[a-z]/.test(compact[index] ?? '')) grams.add(`${pair}${compact[index + 2] ?? ''}`);
  }
  return grams;
}

function dice(left: Set<string>, right: Set<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return (2 * shared) / (left.size + right.size);
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function numbersOf(text: string): string {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).sort().join(',');
}
