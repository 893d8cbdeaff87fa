import type { SparseVector } from './vectorizer';

export interface LinearWeights {
  featureCount: number;
  classCount: number;
  /** Row-major: weights[feature * classCount + class]. */
  weights: Float32Array;
  bias: Float32Array;
}

export type LinearAlgorithm = 'softmax' | 'svm';

export interface LinearTrainingOptions {
  algorithm: LinearAlgorithm;
  epochs: number;
  /** Softmax: L2 penalty. SVM: the inverse, cost C. */
  regularization: number;
  seed: number;
  onEpoch?: (epoch: number) => void;
}

export function trainLinear(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  featureCount: number,
  classCount: number,
  options: LinearTrainingOptions,
): LinearWeights {
  return options.algorithm === 'svm'
    ? trainOneVersusRestSvm(vectors, labels, featureCount, classCount, options)
    : trainSoftmaxRegression(vectors, labels, featureCount, classCount, options);
}

export function scoreLinear(model: LinearWeights, vector: SparseVector, output: Float64Array): void {
  const { classCount, weights, bias } = model;
  for (let classIndex = 0; classIndex < classCount; classIndex++) output[classIndex] = bias[classIndex] ?? 0;
  for (let position = 0; position < vector.indices.length; position++) {
    const offset = (vector.indices[position] ?? 0) * classCount;
    const value = vector.values[position] ?? 0;
    for (let classIndex = 0; classIndex < classCount; classIndex++) {
      output[classIndex] = (output[classIndex] ?? 0) + value * (weights[offset + classIndex] ?? 0);
    }
  }
}

export function softmaxInPlace(scores: Float64Array, temperature = 1): void {
  let maximum = -Infinity;
  for (const score of scores) maximum = Math.max(maximum, score);
  let total = 0;
  for (let index = 0; index < scores.length; index++) {
    const exponential = Math.exp(((scores[index] ?? 0) - maximum) * temperature);
    scores[index] = exponential;
    total += exponential;
  }
  for (let index = 0; index < scores.length; index++) scores[index] = (scores[index] ?? 0) / total;
}

/** Multinomial logistic regression, AdaGrad on sparse rows; classes with a negligible gradient are skipped. */
function trainSoftmaxRegression(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  featureCount: number,
  classCount: number,
  options: LinearTrainingOptions,
): LinearWeights {
  const model = emptyWeights(featureCount, classCount);
  const squaredGradients = new Float32Array(featureCount * classCount).fill(1e-6);
  const biasSquaredGradients = new Float64Array(classCount).fill(1e-6);
  const probabilities = new Float64Array(classCount);
  const learningRate = 0.5;
  const random = seededRandom(options.seed);
  const order = Int32Array.from(vectors.keys());
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (const exampleIndex of order) {
      const vector = vectors[exampleIndex];
      if (!vector) continue;
      scoreLinear(model, vector, probabilities);
      softmaxInPlace(probabilities);
      const label = labels[exampleIndex] ?? 0;
      for (let classIndex = 0; classIndex < classCount; classIndex++) {
        const gradient = (probabilities[classIndex] ?? 0) - (classIndex === label ? 1 : 0);
        if (Math.abs(gradient) < 1e-4) continue;
        biasSquaredGradients[classIndex] = (biasSquaredGradients[classIndex] ?? 0) + gradient * gradient;
        model.bias[classIndex] =
          (model.bias[classIndex] ?? 0) -
          (learningRate * gradient) / Math.sqrt(biasSquaredGradients[classIndex] ?? 1);
        for (let position = 0; position < vector.indices.length; position++) {
          const cell = (vector.indices[position] ?? 0) * classCount + classIndex;
          const weight = model.weights[cell] ?? 0;
          const step = gradient * (vector.values[position] ?? 0) + options.regularization * weight;
          const accumulated = (squaredGradients[cell] ?? 0) + step * step;
          squaredGradients[cell] = accumulated;
          model.weights[cell] = weight - (learningRate * step) / Math.sqrt(accumulated);
        }
      }
    }
    options.onEpoch?.(epoch + 1);
  }
  return model;
}

/** One-versus-rest L2-loss linear SVM by dual coordinate descent (Hsieh et al., ICML 2008; liblinear's default). */
function trainOneVersusRestSvm(
  vectors: readonly SparseVector[],
  labels: Int32Array,
  featureCount: number,
  classCount: number,
  options: LinearTrainingOptions,
): LinearWeights {
  const model = emptyWeights(featureCount, classCount);
  const biasFeatureValue = 1;
  const diagonal = 1 / (2 * options.regularization);
  const squaredNorms = Float64Array.from(vectors, (vector) => {
    let sum = biasFeatureValue * biasFeatureValue;
    for (const value of vector.values) sum += value * value;
    return sum + diagonal;
  });
  const random = seededRandom(options.seed);
  const order = Int32Array.from(vectors.keys());
  const classWeights = new Float64Array(featureCount);
  const alphas = new Float64Array(vectors.length);
  for (let classIndex = 0; classIndex < classCount; classIndex++) {
    classWeights.fill(0);
    alphas.fill(0);
    let bias = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      shuffle(order, random);
      let largestViolation = 0;
      for (const exampleIndex of order) {
        const vector = vectors[exampleIndex];
        if (!vector) continue;
        const sign = labels[exampleIndex] === classIndex ? 1 : -1;
        let margin = bias * biasFeatureValue;
        for (let position = 0; position < vector.indices.length; position++) {
          margin += (classWeights[vector.indices[position] ?? 0] ?? 0) * (vector.values[position] ?? 0);
        }
        const alpha = alphas[exampleIndex] ?? 0;
        const gradient = sign * margin - 1 + alpha * diagonal;
        const projected = alpha === 0 ? Math.min(gradient, 0) : gradient;
        largestViolation = Math.max(largestViolation, Math.abs(projected));
        if (projected === 0) continue;
        const newAlpha = Math.max(alpha - gradient / (squaredNorms[exampleIndex] ?? 1), 0);
        const delta = (newAlpha - alpha) * sign;
        alphas[exampleIndex] = newAlpha;
        bias += delta * biasFeatureValue;
        for (let position = 0; position < vector.indices.length; position++) {
          const feature = vector.indices[position] ?? 0;
          classWeights[feature] = (classWeights[feature] ?? 0) + delta * (vector.values[position] ?? 0);
        }
      }
      if (largestViolation < 0.01) break;
    }
    for (let feature = 0; feature < featureCount; feature++) {
      model.weights[feature * classCount + classIndex] = classWeights[feature] ?? 0;
    }
    model.bias[classIndex] = bias;
    options.onEpoch?.(classIndex + 1);
  }
  return model;
}

function emptyWeights(featureCount: number, classCount: number): LinearWeights {
  return {
    featureCount,
    classCount,
    weights: new Float32Array(featureCount * classCount),
    bias: new Float32Array(classCount),
  };
}

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function shuffle(values: Int32Array, random: () => number): void {
  for (let index = values.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const held = values[index] ?? 0;
    values[index] = values[other] ?? 0;
    values[other] = held;
  }
}
