import { retrievalTerms, type RetrievalTerms } from './retrievalTerms';

export interface SearchHit {
  id: string;
  score: number;
}

type Field = keyof RetrievalTerms;
const fields: Field[] = ['words', 'bigrams'];

interface FieldIndex {
  postings: Map<string, Map<string, number>>;
  lengths: Map<string, number>;
  totalLength: number;
}

/**
 * Okapi BM25 over two fields, words and Chinese character bigrams, each with its own length
 * normalisation, summed with field weights (words 2 : bigrams 1, chosen on public paraphrase retrieval).
 * Incremental add, replace and remove, so a knowledge base can change without a rebuild.
 */
export class Bm25Index {
  private readonly documents = new Map<string, Record<Field, Map<string, number>>>();
  private readonly fieldIndexes: Record<Field, FieldIndex> = {
    words: emptyFieldIndex(),
    bigrams: emptyFieldIndex(),
  };
  private readonly k1: number;
  private readonly b: number;
  private readonly fieldWeights: Record<Field, number>;

  constructor(options: { k1?: number; b?: number; fieldWeights?: Partial<Record<Field, number>> } = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.fieldWeights = { words: 2, bigrams: 1, ...options.fieldWeights };
  }

  get size(): number {
    return this.documents.size;
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  add(id: string, text: string): void {
    this.remove(id);
    const terms = retrievalTerms(text);
    const counts = { words: countTerms(terms.words), bigrams: countTerms(terms.bigrams) };
    for (const field of fields) {
      const index = this.fieldIndexes[field];
      for (const [term, count] of counts[field]) {
        const posting = index.postings.get(term) ?? new Map<string, number>();
        posting.set(id, count);
        index.postings.set(term, posting);
      }
      index.lengths.set(id, terms[field].length);
      index.totalLength += terms[field].length;
    }
    this.documents.set(id, counts);
  }

  remove(id: string): boolean {
    const document = this.documents.get(id);
    if (!document) return false;
    for (const field of fields) {
      const index = this.fieldIndexes[field];
      for (const term of document[field].keys()) {
        const posting = index.postings.get(term);
        posting?.delete(id);
        if (posting && posting.size === 0) index.postings.delete(term);
      }
      index.totalLength -= index.lengths.get(id) ?? 0;
      index.lengths.delete(id);
    }
    this.documents.delete(id);
    return true;
  }

  search(query: string, limit = 5): SearchHit[] {
    if (this.documents.size === 0) return [];
    const terms = retrievalTerms(query);
    const scores = new Map<string, number>();
    for (const field of fields) this.scoreField(field, new Set(terms[field]), scores);
    return [...scores]
      .map(([id, score]) => ({ id, score: Math.round(score * 10000) / 10000 }))
      .sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1))
      .slice(0, limit);
  }

  private scoreField(field: Field, queryTerms: Set<string>, scores: Map<string, number>): void {
    const index = this.fieldIndexes[field];
    const count = this.documents.size;
    const averageLength = index.totalLength / count || 1;
    const weight = this.fieldWeights[field];
    for (const term of queryTerms) {
      const posting = index.postings.get(term);
      if (!posting) continue;
      const inverseFrequency = Math.log(1 + (count - posting.size + 0.5) / (posting.size + 0.5));
      for (const [id, frequency] of posting) {
        const length = index.lengths.get(id) ?? averageLength;
        const saturation =
          (frequency * (this.k1 + 1)) /
          (frequency + this.k1 * (1 - this.b + (this.b * length) / averageLength));
        scores.set(id, (scores.get(id) ?? 0) + weight * inverseFrequency * saturation);
      }
    }
  }
}

function emptyFieldIndex(): FieldIndex {
  return { postings: new Map(), lengths: new Map(), totalLength: 0 };
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
