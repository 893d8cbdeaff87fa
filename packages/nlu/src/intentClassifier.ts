import { fitTemperature } from './calibration';
import { extractFeatures, forEachFeature } from './features';
import { scoreLinear, softmaxInPlace, trainLinear, type LinearAlgorithm, type LinearWeights } from './linear';
import type { PreparedText } from './prepare';
import {
  buildVectorizer,
  FeatureVectorBuilder,
  vectorize,
  type SparseVector,
  type Vectorizer,
} from './vectorizer';
import { decodeIntentModel, encodeIntentModel, type SerializedIntentModel } from './intentModelFile';

export const UNKNOWN_INTENT = 'unknown';

export interface IntentPrediction {
  id: string;
  confidence: number;
  alternatives: { id: string; confidence: number }[];
}

export interface IntentTrainingOptions {
  algorithm?: LinearAlgorithm;
  epochs?: number;
  regularization?: number;
  seed?: number;
  /** Fit a softmax temperature on out-of-fold scores (3 folds); off for very large sets. */
  calibrate?: boolean;
  /** Below this top probability the answer is `unknown` (only when `unknown` is one of the labels). */
  unknownThreshold?: number;
  minDocumentFrequency?: number;
  onProgress?: (message: string) => void;
}

export interface IntentModelParts {
  labels: string[];
  vectorizer: Vectorizer;
  weights: LinearWeights;
  temperature: number;
  unknownThreshold: number;
  trainingOptions: { algorithm: LinearAlgorithm; epochs: number; regularization: number };
}

export const defaultIntentTrainingOptions = { algorithm: 'svm' } as const;

export class IntentClassifier {
  private readonly scores: Float64Array;
  private readonly vectorBuilder: FeatureVectorBuilder;

  constructor(readonly parts: IntentModelParts) {
    this.scores = new Float64Array(parts.labels.length);
    this.vectorBuilder = new FeatureVectorBuilder(parts.vectorizer);
  }

  get labels(): readonly string[] {
    return this.parts.labels;
  }

  predict(prepared: PreparedText, alternativeCount = 3): IntentPrediction {
    forEachFeature(prepared.normalized, prepared.tokens, this.vectorBuilder.add);
    const vector = this.vectorBuilder.build();
    const { labels, temperature, unknownThreshold } = this.parts;
    const hasUnknown = labels.includes(UNKNOWN_INTENT);
    if (vector.indices.length === 0 && hasUnknown)
      return { id: UNKNOWN_INTENT, confidence: 1, alternatives: [] };
    scoreLinear(this.parts.weights, vector, this.scores);
    softmaxInPlace(this.scores, temperature);
    const ranked = topClasses(this.scores, alternativeCount + 1).map((index) => ({
      id: labels[index] ?? UNKNOWN_INTENT,
      confidence: round(this.scores[index] ?? 0),
    }));
    const top = ranked[0] ?? { id: UNKNOWN_INTENT, confidence: 0 };
    if (hasUnknown && top.id !== UNKNOWN_INTENT && top.confidence < unknownThreshold) {
      return {
        id: UNKNOWN_INTENT,
        confidence: round(1 - top.confidence),
        alternatives: ranked.slice(0, alternativeCount),
      };
    }
    return { id: top.id, confidence: top.confidence, alternatives: ranked.slice(1) };
  }

  /** Calibrated probability of every label (same order as `labels`), e.g. to compare two messages. */
  distribution(prepared: PreparedText): Float64Array {
    forEachFeature(prepared.normalized, prepared.tokens, this.vectorBuilder.add);
    const scores = new Float64Array(this.parts.labels.length);
    scoreLinear(this.parts.weights, this.vectorBuilder.build(), scores);
    softmaxInPlace(scores, this.parts.temperature);
    return scores;
  }

  toJSON(): SerializedIntentModel {
    return encodeIntentModel(this.parts);
  }

  static fromJSON(json: unknown): IntentClassifier {
    return new IntentClassifier(decodeIntentModel(json));
  }
}

export interface PreparedExample {
  prepared: PreparedText;
  label: string;
  /** Examples sharing a group (an utterance and its augmented copies) stay in one calibration fold. */
  group?: number;
}

export function trainIntentClassifier(
  examples: readonly PreparedExample[],
  options: IntentTrainingOptions = {},
): IntentClassifier {
  if (examples.length === 0) throw new Error('no training examples');
  const algorithm = options.algorithm ?? defaultIntentTrainingOptions.algorithm;
  const epochs = options.epochs ?? (algorithm === 'svm' ? 30 : 12);
  const regularization = options.regularization ?? (algorithm === 'svm' ? 0.3 : 1e-5);
  const seed = options.seed ?? 7;
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const targets = Int32Array.from(examples, (example) => labelIndex.get(example.label) ?? 0);
  const featureCounts = examples.map(({ prepared }) => extractFeatures(prepared.normalized, prepared.tokens));
  const vectorizer = buildVectorizer(featureCounts, options.minDocumentFrequency ?? 1);
  const vectors = featureCounts.map((counts) => vectorize(vectorizer, counts));
  const linearOptions = { algorithm, epochs, regularization, seed };
  const train = (
    subset: readonly SparseVector[],
    subsetTargets: Int32Array,
    onEpoch?: (epoch: number) => void,
  ) =>
    trainLinear(subset, subsetTargets, vectorizer.vocabulary.size, labels.length, {
      ...linearOptions,
      onEpoch,
    });

  let temperature = 1;
  if (options.calibrate ?? examples.length <= 20000) {
    const folds = Int32Array.from(examples, (example, index) => (example.group ?? index) % 3);
    temperature = fitTemperatureOutOfFold(vectors, targets, folds, train, options.onProgress);
  }
  options.onProgress?.(
    `training on ${examples.length} examples, ${labels.length} labels, ${vectorizer.vocabulary.size} features`,
  );
  const weights = train(vectors, targets, (epoch) => options.onProgress?.(`${algorithm} pass ${epoch}`));
  return new IntentClassifier({
    labels,
    vectorizer,
    weights,
    temperature,
    unknownThreshold: labels.includes(UNKNOWN_INTENT) ? (options.unknownThreshold ?? 0.3) : 0,
    trainingOptions: { algorithm, epochs, regularization },
  });
}

function fitTemperatureOutOfFold(
  vectors: readonly SparseVector[],
  targets: Int32Array,
  folds: Int32Array,
  train: (subset: readonly SparseVector[], subsetTargets: Int32Array) => LinearWeights,
  onProgress?: (message: string) => void,
): number {
  const foldCount = 3;
  const scoreRows: Float64Array[] = [];
  const heldOutTargets: number[] = [];
  for (let fold = 0; fold < foldCount; fold++) {
    onProgress?.(`calibration fold ${fold + 1}/${foldCount}`);
    const trainIndices = [...vectors.keys()].filter((index) => folds[index] !== fold);
    const testIndices = [...vectors.keys()].filter((index) => folds[index] === fold);
    const weights = train(
      trainIndices.map((index) => vectors[index] ?? emptyVector),
      Int32Array.from(trainIndices, (index) => targets[index] ?? 0),
    );
    for (const index of testIndices) {
      const scores = new Float64Array(weights.classCount);
      scoreLinear(weights, vectors[index] ?? emptyVector, scores);
      scoreRows.push(scores);
      heldOutTargets.push(targets[index] ?? 0);
    }
  }
  return fitTemperature(scoreRows, Int32Array.from(heldOutTargets));
}

const emptyVector: SparseVector = { indices: new Int32Array(0), values: new Float32Array(0) };

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** Indices of the `count` highest scores, best first, without sorting every class. */
function topClasses(scores: Float64Array, count: number): number[] {
  const chosen: number[] = [];
  for (let index = 0; index < scores.length; index++) {
    const score = scores[index] ?? 0;
    let position = chosen.length;
    while (position > 0 && score > (scores[chosen[position - 1] ?? 0] ?? 0)) position--;
    if (position < count) {
      chosen.splice(position, 0, index);
      if (chosen.length > count) chosen.pop();
    }
  }
  return chosen;
}
