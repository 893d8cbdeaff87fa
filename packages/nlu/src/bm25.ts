import { retrievalTerms } from './retrievalTerms';

export interface SearchHit {
  id: string;
  score: number;
}

interface IndexedDocument {
  termCounts: Map<string, number>;
  length: number;
}

/** Okapi BM25 with incremental add, replace and remove, so a knowledge base can change without a rebuild. */
export class Bm25Index {
  private readonly documents = new Map<string, IndexedDocument>();
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;
  private readonly k1: number;
  private readonly b: number;

  constructor(options: { k1?: number; b?: number } = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
  }

  get size(): number {
    return this.documents.size;
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  add(id: string, text: string): void {
    this.remove(id);
    const termCounts = new Map<string, number>();
    const terms = retrievalTerms(text);
    for (const term of terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
    for (const [term, count] of termCounts) {
      let posting = this.postings.get(term);
      if (!posting) {
        posting = new Map();
        this.postings.set(term, posting);
      }
      posting.set(id, count);
    }
    this.documents.set(id, { termCounts, length: terms.length });
    this.totalLength += terms.length;
  }

  remove(id: string): boolean {
    const document = this.documents.get(id);
    if (!document) return false;
    for (const term of document.termCounts.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(id);
      if (posting && posting.size === 0) this.postings.delete(term);
    }
    this.totalLength -= document.length;
    this.documents.delete(id);
    return true;
  }

  search(query: string, limit = 5): SearchHit[] {
    if (this.documents.size === 0) return [];
    const averageLength = this.totalLength / this.documents.size || 1;
    const scores = new Map<string, number>();
    for (const term of new Set(retrievalTerms(query))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const inverseFrequency = Math.log(
        1 + (this.documents.size - posting.size + 0.5) / (posting.size + 0.5),
      );
      for (const [id, count] of posting) {
        const length = this.documents.get(id)?.length ?? averageLength;
        const saturation =
          (count * (this.k1 + 1)) / (count + this.k1 * (1 - this.b + (this.b * length) / averageLength));
        scores.set(id, (scores.get(id) ?? 0) + inverseFrequency * saturation);
      }
    }
    return [...scores]
      .map(([id, score]) => ({ id, score: Math.round(score * 10000) / 10000 }))
      .sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1))
      .slice(0, limit);
  }
}
