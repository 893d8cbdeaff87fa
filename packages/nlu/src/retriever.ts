import { Bm25Index, type SearchHit } from './bm25';
import { cosineSimilarity, type EmbeddingProvider } from './embeddings';

export interface RetrievalHit extends SearchHit {
  lexicalScore?: number;
  denseScore?: number;
}

/**
 * BM25 over words and character bigrams, fused with dense embeddings when a provider is configured.
 * Reciprocal rank fusion (k = 60) avoids calibrating two unrelated score scales against each other.
 */
export class HybridRetriever {
  readonly lexical = new Bm25Index();
  private readonly vectors = new Map<string, number[]>();

  constructor(
    private readonly options: { embeddings?: EmbeddingProvider; fusionK?: number; candidates?: number } = {},
  ) {}

  get size(): number {
    return this.lexical.size;
  }

  async add(documents: { id: string; text: string }[]): Promise<void> {
    for (const { id, text } of documents) this.lexical.add(id, text);
    if (!this.options.embeddings || documents.length === 0) return;
    const embedded = await this.options.embeddings.embed(documents.map(({ text }) => text));
    documents.forEach(({ id }, index) => this.vectors.set(id, embedded[index] ?? []));
  }

  remove(id: string): boolean {
    this.vectors.delete(id);
    return this.lexical.remove(id);
  }

  async search(query: string, limit = 5): Promise<RetrievalHit[]> {
    const candidates = Math.max(limit, this.options.candidates ?? 50);
    const lexicalHits = this.lexical.search(query, candidates);
    if (!this.options.embeddings || this.vectors.size === 0) return lexicalHits.slice(0, limit);
    const [queryVector] = await this.options.embeddings.embed([query]);
    const denseHits = [...this.vectors]
      .map(([id, vector]) => ({ id, score: cosineSimilarity(queryVector ?? [], vector) }))
      .sort((left, right) => right.score - left.score)
      .slice(0, candidates);
    const fusionK = this.options.fusionK ?? 60;
    const fused = new Map<string, RetrievalHit>();
    const accumulate = (hits: SearchHit[], field: 'lexicalScore' | 'denseScore'): void => {
      hits.forEach((hit, rank) => {
        const entry = fused.get(hit.id) ?? { id: hit.id, score: 0 };
        entry.score += 1 / (fusionK + rank + 1);
        entry[field] = hit.score;
        fused.set(hit.id, entry);
      });
    };
    accumulate(lexicalHits, 'lexicalScore');
    accumulate(denseHits, 'denseScore');
    return [...fused.values()].sort((left, right) => right.score - left.score).slice(0, limit);
  }
}
