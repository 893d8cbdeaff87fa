export interface EmbeddingProvider {
  embed(texts: string[]): Promise<number[][]>;
}

export interface OpenAiEmbeddingOptions {
  /** e.g. http://localhost:8080 or https://api.example.com/v1 */
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  /** Texts per request; providers cap the batch size. */
  batchSize?: number;
}

/** Calls an OpenAI-compatible POST /v1/embeddings endpoint (OpenAI, vLLM, Ollama, LocalAI, TEI …). */
export class OpenAiEmbeddingProvider implements EmbeddingProvider {
  private readonly endpoint: string;

  constructor(private readonly options: OpenAiEmbeddingOptions) {
    const base = options.baseUrl.replace(/\/+$/, '');
    this.endpoint = base.endsWith('/v1') ? `${base}/embeddings` : `${base}/v1/embeddings`;
  }

  async embed(texts: string[]): Promise<number[][]> {
    const batchSize = this.options.batchSize ?? 64;
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += batchSize) {
      vectors.push(...(await this.embedBatch(texts.slice(start, start + batchSize))));
    }
    return vectors;
  }

  private async embedBatch(input: string[]): Promise<number[][]> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: this.options.model, input }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 10000),
    });
    if (!response.ok)
      throw new Error(
        `embeddings endpoint answered ${response.status}: ${(await response.text()).slice(0, 200)}`,
      );
    return parseEmbeddingResponse(await response.json(), input.length);
  }
}

function parseEmbeddingResponse(body: unknown, expected: number): number[][] {
  if (typeof body !== 'object' || body === null || !('data' in body) || !Array.isArray(body.data)) {
    throw new Error('embeddings response has no data array');
  }
  const vectors: number[][] = new Array<number[]>(expected);
  body.data.forEach((item: unknown, position: number) => {
    if (
      typeof item !== 'object' ||
      item === null ||
      !('embedding' in item) ||
      !Array.isArray(item.embedding)
    ) {
      throw new Error('embeddings response item has no embedding');
    }
    const index = 'index' in item && typeof item.index === 'number' ? item.index : position;
    vectors[index] = item.embedding.map((value: unknown) => (typeof value === 'number' ? value : Number.NaN));
  });
  if (vectors.length !== expected || vectors.some((vector) => !vector || vector.some(Number.isNaN))) {
    throw new Error(`embeddings response does not hold ${expected} numeric vectors`);
  }
  return vectors;
}

export function cosineSimilarity(left: readonly number[], right: readonly number[]): number {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const leftValue = left[index] ?? 0;
    const rightValue = right[index] ?? 0;
    dot += leftValue * rightValue;
    leftNorm += leftValue * leftValue;
    rightNorm += rightValue * rightValue;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
