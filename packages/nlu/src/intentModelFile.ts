import type { IntentModelParts } from './intentClassifier';
import type { LinearAlgorithm } from './linear';
import { decodeFloats, encodeFloats } from './quantize';

export const INTENT_MODEL_FORMAT = 'kefu-nlu-intent-model';
const FORMAT_VERSION = 1;

export interface SerializedIntentModel {
  format: typeof INTENT_MODEL_FORMAT;
  version: number;
  labels: string[];
  temperature: number;
  unknownThreshold: number;
  trainingOptions: { algorithm: LinearAlgorithm; epochs: number; regularization: number };
  vocabulary: string[];
  idf: { scale: number; data: string };
  weights: { scale: number; data: string };
  bias: { scale: number; data: string };
}

export function encodeIntentModel(parts: IntentModelParts): SerializedIntentModel {
  const vocabulary: string[] = new Array<string>(parts.vectorizer.vocabulary.size);
  for (const [feature, index] of parts.vectorizer.vocabulary) vocabulary[index] = feature;
  return {
    format: INTENT_MODEL_FORMAT,
    version: FORMAT_VERSION,
    labels: parts.labels,
    temperature: parts.temperature,
    unknownThreshold: parts.unknownThreshold,
    trainingOptions: parts.trainingOptions,
    vocabulary,
    idf: encodeFloats(parts.vectorizer.idf),
    weights: encodeFloats(parts.weights.weights),
    bias: encodeFloats(parts.weights.bias),
  };
}

export function decodeIntentModel(json: unknown): IntentModelParts {
  const record = requireRecord(json, 'model');
  if (record.format !== INTENT_MODEL_FORMAT) throw new Error(`not a ${INTENT_MODEL_FORMAT} file`);
  if (record.version !== FORMAT_VERSION)
    throw new Error(`unsupported model version ${String(record.version)}`);
  const labels = requireStringArray(record.labels, 'labels');
  const vocabulary = requireStringArray(record.vocabulary, 'vocabulary');
  const options = requireRecord(record.trainingOptions, 'trainingOptions');
  const algorithm: LinearAlgorithm = options.algorithm === 'svm' ? 'svm' : 'softmax';
  return {
    labels,
    vectorizer: {
      vocabulary: new Map(vocabulary.map((feature, index) => [feature, index])),
      idf: decodeFloats(requireEncoded(record.idf, 'idf'), vocabulary.length),
    },
    weights: {
      featureCount: vocabulary.length,
      classCount: labels.length,
      weights: decodeFloats(requireEncoded(record.weights, 'weights'), vocabulary.length * labels.length),
      bias: decodeFloats(requireEncoded(record.bias, 'bias'), labels.length),
    },
    temperature: requireNumber(record.temperature, 'temperature'),
    unknownThreshold: requireNumber(record.unknownThreshold, 'unknownThreshold'),
    trainingOptions: {
      algorithm,
      epochs: requireNumber(options.epochs, 'trainingOptions.epochs'),
      regularization: requireNumber(options.regularization, 'trainingOptions.regularization'),
    },
  };
}

function requireRecord(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${name} must be an object`);
  return Object.fromEntries(Object.entries(value));
}

function requireNumber(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name} must be a number`);
  return value;
}

function requireStringArray(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item): item is string => typeof item === 'string')) {
    throw new Error(`${name} must be an array of strings`);
  }
  return value;
}

function requireEncoded(value: unknown, name: string): { scale: number; data: string } {
  const record = requireRecord(value, name);
  if (typeof record.data !== 'string') throw new Error(`${name}.data must be a string`);
  return { scale: requireNumber(record.scale, `${name}.scale`), data: record.data };
}
