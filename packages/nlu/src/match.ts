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
/** Question and function words: swapping one of these (怎么 → 如何, can → could) keeps the meaning. */
const functionTokens = new Set(
  '我 你 您 我们 你们 能 可以 能不能 可不可以 会 要 想 帮 帮我 给 有没有 是不是 怎么 怎样 如何 咋 怎么样 什么 啥 为什么 为啥 哪里 哪儿 哪 多少 多久 几 一个 个 这个 那个 这 那 还 就 都 也 i my me you your u ur we our it this that can could would will want need get have any there how what when where why which for in on at with and or'.split(
    ' ',
  ),
);
let jiebaIdf: Map<string, number> | undefined;

export interface MatchOptions {
  /** Use the default intent model as one more signal (on by default). */
  useIntent?: boolean;
}

/**
 * Same-meaning score in [0, 1] for two questions. Two kinds of evidence: lexical overlap (idf-weighted
 * words, character n-grams) and agreement of the default intent model's probability distributions,
 * which carries reworded paraphrases (查物流 vs 快递到哪了). The intent signal counts only as far as
 * both questions are in the shop's domain. Penalties: one side negates, the two name different
 * numbers, or one content word was swapped for another in otherwise shared wording (退货 vs 换货 is
 * a different question however much else is shared).
 */
export function matchScore(first: string, second: string, options: MatchOptions = {}): number {
  const left = prepareText(first);
  const right = prepareText(second);
  if (left.normalized === right.normalized) return 1;
  const wordSimilarity = weightedCosine(wordWeights(left), wordWeights(right));
  const characterSimilarity = dice(characterGrams(left.normalized), characterGrams(right.normalized));
  const lexical = 0.55 * wordSimilarity + 0.45 * characterSimilarity;
  const agreement = (options.useIntent ?? true) ? intentAgreement(left, right) : { similarity: 0, weight: 0 };
  let raw = agreement.weight * agreement.similarity + (1 - agreement.weight) * lexical;
  if (isContentSubstitution(left, right)) raw -= 0.3;
  if (
    countMatches(left.normalized, negatorPattern) % 2 !==
    countMatches(right.normalized, negatorPattern) % 2
  )
    raw -= 0.35;
  if (numbersOf(left.normalized) !== numbersOf(right.normalized)) raw -= 0.3;
  return Math.round((1 / (1 + Math.exp(-9 * (raw - 0.65)))) * 10000) / 10000;
}

/** Bhattacharyya overlap of the two in-domain intent distributions, weighted by how in-domain both are. */
function intentAgreement(left: PreparedText, right: PreparedText): { similarity: number; weight: number } {
  const classifier = loadDefaultEngine().classifier;
  const unknownIndex = classifier.labels.indexOf(UNKNOWN_INTENT);
  const leftDistribution = classifier.distribution(left);
  const rightDistribution = classifier.distribution(right);
  const leftInDomain = 1 - (leftDistribution[unknownIndex] ?? 0);
  const rightInDomain = 1 - (rightDistribution[unknownIndex] ?? 0);
  if (leftInDomain <= 0 || rightInDomain <= 0) return { similarity: 0, weight: 0 };
  let overlap = 0;
  leftDistribution.forEach((probability, index) => {
    if (index !== unknownIndex)
      overlap += Math.sqrt((probability / leftInDomain) * ((rightDistribution[index] ?? 0) / rightInDomain));
  });
  return { similarity: overlap, weight: 0.6 * leftInDomain * rightInDomain };
}

function isContentSubstitution(left: PreparedText, right: PreparedText): boolean {
  const leftWords = contentWords(left);
  const rightWords = contentWords(right);
  const shared = [...leftWords].filter((word) => rightWords.has(word)).length;
  const onlyLeft = leftWords.size - shared;
  const onlyRight = rightWords.size - shared;
  if (onlyLeft === 0 || onlyRight === 0) return false;
  return (onlyLeft === 1 && onlyRight === 1) || (shared >= 1 && shared >= Math.max(onlyLeft, onlyRight));
}

function contentWords(prepared: PreparedText): Set<string> {
  return new Set(prepared.tokens.filter((token) => !stopTokens.has(token) && !functionTokens.has(token)));
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
