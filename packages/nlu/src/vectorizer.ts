export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface Vectorizer {
  vocabulary: Map<string, number>;
  idf: Float32Array;
}

/** Vocabulary of every feature seen at least `minDocumentFrequency` times, with smoothed idf. */
export function buildVectorizer(
  documents: readonly Map<string, number>[],
  minDocumentFrequency = 1,
): Vectorizer {
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const feature of document.keys())
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
  }
  const vocabulary = new Map<string, number>();
  const idfValues: number[] = [];
  for (const [feature, frequency] of documentFrequency) {
    if (frequency < minDocumentFrequency) continue;
    vocabulary.set(feature, idfValues.length);
    idfValues.push(Math.log((1 + documents.length) / (1 + frequency)) + 1);
  }
  return { vocabulary, idf: Float32Array.from(idfValues) };
}

/** Sublinear tf × idf, L2-normalised; unseen features are dropped. */
export function vectorize(vectorizer: Vectorizer, counts: Map<string, number>): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  let squaredNorm = 0;
  for (const [feature, count] of counts) {
    const index = vectorizer.vocabulary.get(feature);
    if (index === undefined) continue;
    const value = (1 + Math.log(count)) * (vectorizer.idf[index] ?? 1);
    indices.push(index);
    values.push(value);
    squaredNorm += value * value;
  }
  const norm = Math.sqrt(squaredNorm) || 1;
  return { indices: Int32Array.from(indices), values: Float32Array.from(values, (value) => value / norm) };
}

/**
 * Prediction-time shortcut: looks features up as they are produced and returns the
 * normalised sparse vector in reusable buffers (no per-message feature map of strings).
 */
export class FeatureVectorBuilder {
  private readonly counts = new Map<number, number>();
  private indices = new Int32Array(256);
  private values = new Float32Array(256);

  constructor(private readonly vectorizer: Vectorizer) {}

  readonly add = (feature: string): void => {
    const index = this.vectorizer.vocabulary.get(feature);
    if (index !== undefined) this.counts.set(index, (this.counts.get(index) ?? 0) + 1);
  };

  build(): SparseVector {
    if (this.counts.size > this.indices.length) {
      this.indices = new Int32Array(this.counts.size * 2);
      this.values = new Float32Array(this.counts.size * 2);
    }
    let position = 0;
    let squaredNorm = 0;
    for (const [index, count] of this.counts) {
      const value = (1 + Math.log(count)) * (this.vectorizer.idf[index] ?? 1);
      this.indices[position] = index;
      this.values[position] = value;
      squaredNorm += value * value;
      position++;
    }
    this.counts.clear();
    const norm = Math.sqrt(squaredNorm) || 1;
    for (let cursor = 0; cursor < position; cursor++) this.values[cursor] = (this.values[cursor] ?? 0) / norm;
    return { indices: this.indices.subarray(0, position), values: this.values.subarray(0, position) };
  }
}
