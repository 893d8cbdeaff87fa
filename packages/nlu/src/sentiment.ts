import { normalizeText } from './normalize';
import { cutWords } from './segment';
import {
  angerEmoji,
  chineseAngerPattern,
  chineseIntensifiers,
  chineseNegators,
  chineseSentimentWeights,
  emojiWeights,
  englishAngerPattern,
  englishIntensifiers,
  englishNegators,
  englishPhrasePattern,
  englishSentimentPhrases,
  englishSentimentWeights,
  ironicOpening,
  sarcasmMarkers,
  softContrastMarkers,
  strongContrastMarkers,
} from './sentimentLexicon';

export interface Sentiment {
  score: number;
  label: 'positive' | 'negative' | 'neutral';
  anger: boolean;
}

const longestChinesePhrase = Math.max(...[...chineseSentimentWeights.keys()].map((key) => key.length));
/** A clause with the punctuation that closes it (the question mark matters). */
const clausePattern = /[^,.;!?~\n:]+[,.;!?~\n:]*/g;
/** Questions about a product or an order ask; they do not complain ("会不会掉色？", "is it waterproof?"). */
const askingQuestion =
  /[?]\s*$|[吗嘛么]\s*[,.;!?~\n:]*$|会不会|是不是|是否|有没有|能不能|可不可以|容不容易|^\s*(?:does|do|is|are|will|can|could|would|should|did|has|have)\b/;
/** …except the reproachful ones ("为什么还不发货？", "why is it so slow?"). */
const reproachfulQuestion = /为什么|为啥|凭什么|怎么这么|咋这么|怎么还|怎么又|怎么回事|\bwhy\b|\bhow come\b/;
/** Praise in quotation marks is ironic: 真是"好"质量, "great" service. */
const quotedWords = /"([^"]{1,8})"/g;
const hanCharacter = /\p{Script=Han}/u;
const concession = /(\p{Script=Han}{1,3})是\1/u;
const postDampers = ['一点', '一些', '点'];
/** 好的/好吧 open a clause as "OK"; elsewhere (非常好的酒店) the 好 is praise. */
const acknowledgements = new Set(['好的', '好吧', '好了']);
/** Every negator word holds one of these; a clause without them needs no segmentation. */
const negatorCharacter = /[不没别无未非毫从并绝决]/;

/**
 * Lexicon and rules: negation flips and damps ("不太满意" is negative, "不差" mildly positive),
 * intensifiers scale, the clause after 但是/but outweighs the one before (好看是好看，就是… too),
 * sarcasm markers and ironic openings ("great, another late parcel") pull towards negative,
 * "!!!"/"???" amplify. Anger = insults and threats, or strong negativity shouted.
 */
export function analyzeSentiment(text: string, normalized = normalizeText(text).normalized): Sentiment {
  let total = scoreWithContrast(normalized);
  for (const character of text) total += emojiWeights[character] ?? 0;
  if (hasQuotedPraise(normalized) && total > -1) total = Math.min(total, 0) - 2;
  const opening = ironicOpening.exec(normalized);
  if (opening && scoreWithContrast(normalized.slice(opening[0].length)) < 0 && total > -1)
    total = Math.min(total, 0) - 2;
  // 呵呵 mocks in a short retort; inside a long review it is usually a friendly laugh.
  const sarcastic =
    sarcasmMarkers.test(normalized) || (normalized.includes('呵呵') && normalized.length <= 40);
  if (sarcastic && total > -1) total = Math.min(total, 0) - 2;
  const shouted = /[!！]{2,}|[?？]{3,}|[?？][!！]|[!！][?？]/.test(text);
  if (shouted) total *= 1.3;
  let score = Math.round(Math.tanh(total / 3) * 1000) / 1000;
  const capitalWords = (text.match(/\b[A-Z]{3,}\b/g) ?? []).length;
  const anger =
    chineseAngerPattern.test(normalized) ||
    englishAngerPattern.test(normalized) ||
    angerEmoji.test(text) ||
    (score <= -0.6 && (shouted || capitalWords >= 2));
  if (anger) score = Math.min(score, -0.6);
  const label = score >= 0.15 ? 'positive' : score <= -0.15 ? 'negative' : 'neutral';
  return { score, label, anger };
}

function scoreWithContrast(normalized: string): number {
  const strong = normalized.split(strongContrastMarkers);
  if (strong.length > 1) return weighPieces(strong, 0.8, 1.2);
  const soft = normalized.split(softContrastMarkers);
  if (soft.length > 1) return weighPieces(soft, concession.test(soft[0] ?? '') ? 0.1 : 1, 0.9);
  return scorePiece(normalized);
}

function weighPieces(pieces: string[], beforeWeight: number, lastWeight: number): number {
  return pieces.reduce(
    (total, piece, index) =>
      total + (index === pieces.length - 1 ? lastWeight : beforeWeight) * scorePiece(piece),
    0,
  );
}

function scorePiece(piece: string): number {
  let total = 0;
  const reproachful = reproachfulQuestion.test(piece);
  for (const [clause] of piece.matchAll(clausePattern)) {
    const body = clause.replace(/[,.;!?~\n:]+$/, '');
    const score = scoreChineseClause(body) + scoreEnglishClause(body);
    const asks = askingQuestion.test(clause) && !reproachful;
    total += asks ? 0.2 * score : score;
  }
  return total;
}

function hasQuotedPraise(normalized: string): boolean {
  for (const [, quoted = ''] of normalized.matchAll(quotedWords)) {
    if (scoreChineseClause(quoted) + scoreEnglishClause(quoted) > 0) return true;
  }
  return false;
}

function scoreChineseClause(clause: string): number {
  if (!hanCharacter.test(clause)) return 0;
  const negatorEnds = chineseNegatorEnds(clause);
  let total = 0;
  let lastNegatorEnd: number | undefined;
  for (let index = 0; index < clause.length; index++) {
    if (negatorEnds.has(index)) lastNegatorEnd = index;
    const match = longestPhraseAt(clause, index);
    if (!match) continue;
    const before = clause.slice(Math.max(0, index - 4), index);
    const after = clause.slice(index + match.phrase.length, index + match.phrase.length + 3);
    const damped = postDampers.some((damper) => after.startsWith(damper) || after.startsWith(`了${damper}`));
    // A negator reaches the next sentiment word within three characters (不太满意, 没有想象中好), once.
    const negated = lastNegatorEnd !== undefined && index - lastNegatorEnd <= 3;
    lastNegatorEnd = undefined;
    total += adjust(match.weight, negated, chineseIntensity(before)) * (damped ? 0.7 : 1);
    index += match.phrase.length - 1;
  }
  return total;
}

/** Positions right after each negator token of the clause. */
function chineseNegatorEnds(clause: string): Set<number> {
  const ends = new Set<number>();
  if (!negatorCharacter.test(clause)) return ends;
  let position = 0;
  for (const word of cutWords(clause)) {
    position += word.length;
    if (chineseNegators.has(word)) ends.add(position);
  }
  return ends;
}

function longestPhraseAt(clause: string, index: number): { phrase: string; weight: number } | undefined {
  for (let length = Math.min(longestChinesePhrase, clause.length - index); length >= 1; length--) {
    const phrase = clause.slice(index, index + length);
    if (index > 0 && acknowledgements.has(phrase)) continue;
    const weight = chineseSentimentWeights.get(phrase);
    if (weight !== undefined) return { phrase, weight };
  }
  return undefined;
}

function chineseIntensity(before: string): number {
  let intensity = 1;
  for (const [word, factor] of Object.entries(chineseIntensifiers)) {
    if (before.endsWith(word) || before.slice(0, -1).endsWith(word)) intensity = Math.max(intensity, factor);
  }
  return intensity;
}

function scoreEnglishClause(clause: string): number {
  if (!/[a-z]/.test(clause)) return 0;
  let total = 0;
  const remaining = clause.replace(englishPhrasePattern, (phrase) => {
    total += englishSentimentPhrases.get(phrase) ?? 0;
    return ' ';
  });
  const words = remaining.match(/[a-z]+/g);
  if (!words) return total;
  words.forEach((word, index) => {
    const weight = englishSentimentWeights.get(word);
    if (weight === undefined) return;
    const window = words.slice(Math.max(0, index - 3), index);
    const negated = window.some((previous) => englishNegators.has(previous));
    const intensity = Math.max(1, ...window.slice(-2).map((previous) => englishIntensifiers[previous] ?? 1));
    const damping = Math.min(1, ...window.slice(-2).map((previous) => englishIntensifiers[previous] ?? 1));
    total += adjust(weight, negated, intensity * damping);
  });
  return total;
}

function adjust(weight: number, negated: boolean, intensity: number): number {
  if (!negated) return weight * intensity;
  return weight > 0 ? -0.8 * weight * intensity : 0.5 * -weight;
}
