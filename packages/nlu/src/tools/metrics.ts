/** Figures for the README's held-out reports: calibration, ROC-AUC, threshold accuracy. */

export interface ConfidenceOutcome {
  confidence: number;
  correct: boolean;
}

export interface ReliabilityBin {
  low: number;
  high: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Ten equal-width confidence bins; expected calibration error is the count-weighted |accuracy − confidence|. */
export function reliability(
  outcomes: readonly ConfidenceOutcome[],
  binCount = 10,
): {
  bins: ReliabilityBin[];
  expectedCalibrationError: number;
} {
  const bins = Array.from({ length: binCount }, (_, index) => ({
    low: index / binCount,
    high: (index + 1) / binCount,
    count: 0,
    confidenceSum: 0,
    correctCount: 0,
  }));
  for (const { confidence, correct } of outcomes) {
    const bin = bins[Math.min(binCount - 1, Math.floor(confidence * binCount))];
    if (!bin) continue;
    bin.count++;
    bin.confidenceSum += confidence;
    bin.correctCount += correct ? 1 : 0;
  }
  let error = 0;
  const summaries = bins.map(({ low, high, count, confidenceSum, correctCount }) => {
    const meanConfidence = count === 0 ? 0 : confidenceSum / count;
    const accuracy = count === 0 ? 0 : correctCount / count;
    error += (count / Math.max(outcomes.length, 1)) * Math.abs(accuracy - meanConfidence);
    return { low, high, count, meanConfidence, accuracy };
  });
  return { bins: summaries, expectedCalibrationError: error };
}

export function formatReliability(outcomes: readonly ConfidenceOutcome[]): string {
  const { bins, expectedCalibrationError } = reliability(outcomes);
  const rows = bins
    .filter((bin) => bin.count > 0)
    .map(
      (bin) =>
        `  ${bin.low.toFixed(1)}–${bin.high.toFixed(1)}: n=${String(bin.count).padStart(4)} confidence=${bin.meanConfidence.toFixed(3)} accuracy=${bin.accuracy.toFixed(3)}`,
    );
  return [`ECE=${expectedCalibrationError.toFixed(4)} n=${outcomes.length}`, ...rows].join('\n');
}

/** Probability that a random positive outscores a random negative (ties count half). */
export function rocAuc(scores: readonly number[], positives: readonly boolean[]): number {
  let pairs = 0;
  let wins = 0;
  scores.forEach((positiveScore, positiveIndex) => {
    if (!positives[positiveIndex]) return;
    scores.forEach((negativeScore, negativeIndex) => {
      if (positives[negativeIndex]) return;
      pairs++;
      wins += positiveScore > negativeScore ? 1 : positiveScore === negativeScore ? 0.5 : 0;
    });
  });
  return pairs === 0 ? 0 : wins / pairs;
}

/** Accuracy of "score ≥ threshold ⇔ positive" at a given threshold, and at the best threshold. */
export function thresholdAccuracy(
  scores: readonly number[],
  positives: readonly boolean[],
  threshold: number,
): number {
  let correct = 0;
  scores.forEach((score, index) => {
    if (score >= threshold === positives[index]) correct++;
  });
  return scores.length === 0 ? 0 : correct / scores.length;
}

export function bestThreshold(
  scores: readonly number[],
  positives: readonly boolean[],
): { threshold: number; accuracy: number } {
  let best = { threshold: 0.5, accuracy: thresholdAccuracy(scores, positives, 0.5) };
  for (const candidate of new Set(scores)) {
    const accuracy = thresholdAccuracy(scores, positives, candidate);
    if (accuracy > best.accuracy) best = { threshold: candidate, accuracy };
  }
  return best;
}
