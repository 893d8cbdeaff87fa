import { loadDefaultEngine } from './engine';
import { idfWeight } from './idf';
import { UNKNOWN_INTENT } from './intentClassifier';
import { prepareText, type PreparedText } from './prepare';
import { canonicalWord } from './synonyms';

const negatorPattern = /不|没|别|无|未|非|\bnot\b|\bno\b|\bnever\b|\bwithout\b/g;
const stopTokens = new Set(
  '的 了 吗 呢 啊 吧 呀 哦 嘛 么 是 亲 请问 请 一下 a an the is are be am to of do does please pls ? !'.split(
    ' ',
  ),
);
/** Question and function words: swapping one of these (怎么 → 如何, can → could) keeps the meaning. */
const functionTokens = new Set(
  '我 你 您 我们 你们 能 可以 能不能 可不可以 会 要 想 帮 帮我 给 有没有 是不是 怎么 怎样 如何 咋 怎么样 什么 啥 为什么 为啥 哪里 哪儿 哪 多少 多久 几 一个 个 这个 那个 这 那 还 就 都 也 i my me you your we our it this that can could would will want need get have any there how what when where why which for in on at with and or'.split(
    ' ',
  ),
);

export interface MatchOptions {
  /** Use the default intent model as one more signal (on by default). */
  useIntent?: boolean;
}

/**
 * Same-meaning score in [0, 1] for two questions. Lexical evidence: idf-weighted cosine over jieba
 * words (jieba's IDF table, synonyms such as 退钱/退款 mapped to one word) and character unigram and
 * bigram overlap. Agreement of the default intent model carries reworded shop questions (查物流 vs
 * 快递到哪了); it counts only when both questions are confidently about the shop. Penalties: one side
 * negates, the two name different numbers, or one content word was swapped for another in otherwise
 * shared wording (退货 vs 换货 is a different question however much else is shared).
 */
export function matchScore(first: string, second: string, options: MatchOptions = {}): number {
  const left = prepareText(first);
  const right = prepareText(second);
  if (left.normalized === right.normalized) return 1;
  const features = matchFeatures(left, right, options.useIntent ?? true);
  // Shop questions (both confidently in the shop's domain) and general ones weigh the evidence differently.
  const shop = features.intentWeight;
  let logit = matchWeights.bias;
  for (const name of featureNames)
    logit += features[name] * ((1 - shop) * matchWeights.general[name] + shop * matchWeights.shop[name]);
  return Math.round((1 / (1 + Math.exp(-logit))) * 10000) / 10000;
}

export const featureNames = [
  'words',
  'characters',
  'bigrams',
  'intentAgreement',
  'intentWeight',
  'substitution',
  'negation',
  'numbers',
] as const;
export type MatchFeatures = Record<(typeof featureNames)[number], number>;

/**
 * Logistic-regression weights. The general ones were fitted on the tuning fifths of public general-domain
 * question-pair sets (LCQMC dev and test) with the dev half of data/heldout/paraphrase.txt. The shop ones,
 * used as far as the intent model is sure both questions are about the shop, were then set on the knowledge
 * base's paraphrase benchmark (scripts/bench/knowledgeBench.ts), because the knowledge base ranks its FAQ
 * entries with this score and chose its answer thresholds on its scale: words and characters weigh more
 * there than the minimal pairs of paraphrase.txt would want (two shop questions of one intent can still ask
 * different things: 几天能到 / 运费多少).
 */
const matchWeights: { bias: number; general: MatchFeatures; shop: MatchFeatures } = {
  bias: -3.58,
  general: {
    words: 3.06,
    characters: 0.66,
    bigrams: 1.48,
    intentAgreement: 1.31,
    intentWeight: 1.58,
    substitution: -0.52,
    negation: -0.87,
    numbers: -0.65,
  },
  shop: {
    words: 2.5,
    characters: 1,
    bigrams: 1,
    intentAgreement: 3,
    intentWeight: -0.5,
    substitution: -1.6,
    negation: -2.5,
    numbers: -1.19,
  },
};

export function matchFeatures(left: PreparedText, right: PreparedText, useIntent = true): MatchFeatures {
  const agreement = useIntent ? intentAgreement(left, right) : { similarity: 0, weight: 0 };
  // A-not-A questions (能不能, 有没有) ask; they do not negate.
  const negatorParity = (text: string): number =>
    countMatches(text.replace(/(\p{Script=Han})[不没]\1/gu, ''), negatorPattern) % 2;
  return {
    words: cosine(wordVector(left), wordVector(right)),
    characters: cosine(characterGrams(left.normalized, 1), characterGrams(right.normalized, 1)),
    bigrams: cosine(characterGrams(left.normalized, 2), characterGrams(right.normalized, 2)),
    intentAgreement: agreement.weight * agreement.similarity,
    intentWeight: agreement.weight,
    substitution: isContentSubstitution(left, right) ? 1 : 0,
    negation: negatorParity(left.normalized) !== negatorParity(right.normalized) ? 1 : 0,
    numbers: numbersOf(left.normalized) !== numbersOf(right.normalized) ? 1 : 0,
  };
}

/** Bhattacharyya overlap of the two in-domain intent distributions, weighted by how in-domain both are. */
function intentAgreement(left: PreparedText, right: PreparedText): { similarity: number; weight: number } {
  const classifier = loadDefaultEngine().classifier;
  const unknownIndex = classifier.labels.indexOf(UNKNOWN_INTENT);
  const leftDistribution = classifier.distribution(left);
  const rightDistribution = classifier.distribution(right);
  const leftInDomain = inDomainConfidence(leftDistribution, unknownIndex);
  const rightInDomain = inDomainConfidence(rightDistribution, unknownIndex);
  if (leftInDomain <= 0 || rightInDomain <= 0) return { similarity: 0, weight: 0 };
  const leftMass = 1 - (leftDistribution[unknownIndex] ?? 0);
  const rightMass = 1 - (rightDistribution[unknownIndex] ?? 0);
  let overlap = 0;
  leftDistribution.forEach((probability, index) => {
    if (index !== unknownIndex)
      overlap += Math.sqrt((probability / leftMass) * ((rightDistribution[index] ?? 0) / rightMass));
  });
  return { similarity: overlap, weight: leftInDomain * rightInDomain };
}

/** How sure the model is that a question is about the shop: its top shop intent, above a floor. */
function inDomainConfidence(distribution: ArrayLike<number>, unknownIndex: number): number {
  let top = 0;
  for (let index = 0; index < distribution.length; index++)
    if (index !== unknownIndex) top = Math.max(top, distribution[index] ?? 0);
  return Math.max(0, (top - 0.3) / 0.7);
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
  return new Set(
    prepared.tokens
      .filter((token) => !stopTokens.has(token) && !functionTokens.has(token))
      .map((token) => canonicalWord(token)),
  );
}

function wordVector(prepared: PreparedText): Map<string, number> {
  const vector = new Map<string, number>();
  for (const token of prepared.tokens) {
    if (stopTokens.has(token)) continue;
    const word = canonicalWord(token);
    vector.set(word, (vector.get(word) ?? 0) + idfWeight(token));
  }
  return vector;
}

function characterGrams(normalized: string, size: number): Map<string, number> {
  const characters = [...normalized.replace(/[\s\p{P}]+/gu, '')];
  const counts = new Map<string, number>();
  for (let index = 0; index + size <= characters.length; index++) {
    const gram = characters.slice(index, index + size).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function cosine(left: Map<string, number>, right: Map<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [term, weight] of left) {
    leftNorm += weight * weight;
    dot += weight * (right.get(term) ?? 0);
  }
  for (const weight of right.values()) rightNorm += weight * weight;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}

function countMatches(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function numbersOf(text: string): string {
  return (text.match(/\d+(?:\.\d+)?/g) ?? []).sort().join(',');
}
