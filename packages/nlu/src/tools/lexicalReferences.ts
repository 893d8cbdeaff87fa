import { idfWeight } from '../idf';
import { prepareText } from '../prepare';

/**
 * Plain lexical baselines, printed next to Kefu's figures so that a change can be compared with what
 * word overlap alone achieves on the same data. Not used by the engine.
 */
export function characterBigramCosine(first: string, second: string): number {
  return cosine(characterBigramCounts(first), characterBigramCounts(second));
}

export function jiebaIdfCosine(first: string, second: string): number {
  return cosine(idfVector(first), idfVector(second));
}

/** Okapi BM25 over character bigrams only (k1 = 1.2, b = 0.75). */
export class CharacterBigramBm25 {
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly lengths: number[] = [];

  constructor(documents: readonly string[]) {
    documents.forEach((document, index) => {
      const counts = characterBigramCounts(document);
      let length = 0;
      for (const [gram, count] of counts) {
        length += count;
        const posting = this.postings.get(gram) ?? new Map<number, number>();
        posting.set(index, count);
        this.postings.set(gram, posting);
      }
      this.lengths.push(length);
    });
  }

  search(query: string, limit: number): number[] {
    const count = this.lengths.length;
    const averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(count, 1);
    const scores = new Map<number, number>();
    for (const gram of characterBigramCounts(query).keys()) {
      const posting = this.postings.get(gram);
      if (!posting) continue;
      const inverse = Math.log(1 + (count - posting.size + 0.5) / (posting.size + 0.5));
      for (const [index, frequency] of posting) {
        const length = this.lengths[index] ?? averageLength;
        const saturation = (frequency * 2.2) / (frequency + 1.2 * (0.25 + (0.75 * length) / averageLength));
        scores.set(index, (scores.get(index) ?? 0) + inverse * saturation);
      }
    }
    return [...scores]
      .sort((left, right) => right[1] - left[1] || left[0] - right[0])
      .slice(0, limit)
      .map(([index]) => index);
  }
}

function characterBigramCounts(text: string): Map<string, number> {
  const characters = [...prepareText(text).normalized.replace(/[\s\p{P}]+/gu, '')];
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < characters.length; index++) {
    const gram = `${characters[index]}${characters[index + 1]}`;
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function idfVector(text: string): Map<string, number> {
  const vector = new Map<string, number>();
  for (const token of prepareText(text).tokens)
    vector.set(token, (vector.get(token) ?? 0) + idfWeight(token));
  return vector;
}

function cosine(left: Map<string, number>, right: Map<string, number>): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (const [key, value] of left) {
    leftNorm += value * value;
    dot += value * (right.get(key) ?? 0);
  }
  for (const value of right.values()) rightNorm += value * value;
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
