import { normalizeText } from './normalize';
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
const clauseSeparator = /[,.;!?~\n:]+/;
const hanCharacter = /\p{Script=Han}/u;
const concession = /(\p{Script=Han}{1,3})是\1/u;
const postDampers = ['一点', '一些', '点'];

/**
 * Lexicon and rules: negation flips and damps ("不太满意" is negative, "不差" mildly positive),
 * intensifiers scale, the clause after 但是/but outweighs the one before (好看是好看，就是… too),
 * sarcasm markers and ironic openings ("great, another late parcel") pull towards negative,
 * "!!!"/"???" amplify. Anger = insults and threats, or strong negativity shouted.
 */
export function analyzeSentiment(text: string, normalized = normalizeText(text).normalized): Sentiment {
  let total = scoreWithContrast(normalized);
  for (const character of text) total += emojiWeights[character] ?? 0;
  const opening = ironicOpening.exec(normalized);
  if (opening && scoreWithContrast(normalized.slice(opening[0].length)) < 0 && total > -1)
    total = Math.min(total, 0) - 2;
  if (sarcasmMarkers.test(normalized) && total > -1) total = Math.min(total, 0) - 2;
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
  if (strong.length > 1) return weighPieces(strong, 0.5, 1.5);
  const soft = normalized.split(softContrastMarkers);
  if (soft.length > 1) return weighPieces(soft, concession.test(soft[0] ?? '') ? 0.1 : 0.8, 1.2);
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
  for (const clause of piece.split(clauseSeparator))
    total += scoreChineseClause(clause) + scoreEnglishClause(clause);
  return total;
}

function scoreChineseClause(clause: string): number {
  if (!hanCharacter.test(clause)) return 0;
  let total = 0;
  for (let index = 0; index < clause.length; index++) {
    const match = longestPhraseAt(clause, index);
    if (!match) continue;
    const before = clause.slice(Math.max(0, index - 4), index);
    const after = clause.slice(index + match.phrase.length, index + match.phrase.length + 3);
    const damped = postDampers.some((damper) => after.startsWith(damper) || after.startsWith(`了${damper}`));
    total += adjust(match.weight, hasChineseNegator(before), chineseIntensity(before)) * (damped ? 0.7 : 1);
    index += match.phrase.length - 1;
  }
  return total;
}

function longestPhraseAt(clause: string, index: number): { phrase: string; weight: number } | undefined {
  for (let length = Math.min(longestChinesePhrase, clause.length - index); length >= 1; length--) {
    const phrase = clause.slice(index, index + length);
    const weight = chineseSentimentWeights.get(phrase);
    if (weight !== undefined) return { phrase, weight };
  }
  return undefined;
}

function hasChineseNegator(before: string): boolean {
  const tail = before.slice(-3);
  return chineseNegators.some((negator) => tail.includes(negator));
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
