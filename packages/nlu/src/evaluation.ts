export interface LabelMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvaluationReport {
  accuracy: number;
  macroF1: number;
  count: number;
  perLabel: LabelMetrics[];
  confusions: { expected: string; predicted: string; count: number }[];
}

/** Accuracy, per-label precision/recall/F1 and macro F1 over the labels that occur in either column. */
export function evaluatePredictions(
  expected: readonly string[],
  predicted: readonly string[],
): EvaluationReport {
  const labels = [...new Set([...expected, ...predicted])].sort();
  const confusionCounts = new Map<string, number>();
  let correct = 0;
  expected.forEach((label, index) => {
    const guess = predicted[index] ?? '';
    if (guess === label) correct++;
    else
      confusionCounts.set(`${label}\u0000${guess}`, (confusionCounts.get(`${label}\u0000${guess}`) ?? 0) + 1);
  });
  const perLabel = labels.map((label) => {
    let truePositives = 0;
    let predictedCount = 0;
    let support = 0;
    expected.forEach((actual, index) => {
      const guess = predicted[index];
      if (actual === label) support++;
      if (guess === label) predictedCount++;
      if (actual === label && guess === label) truePositives++;
    });
    const precision = predictedCount === 0 ? 0 : truePositives / predictedCount;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const scored = perLabel.filter((metrics) => metrics.support > 0);
  const macroF1 = scored.reduce((sum, metrics) => sum + metrics.f1, 0) / Math.max(1, scored.length);
  const confusions = [...confusionCounts]
    .map(([key, count]) => {
      const [expectedLabel = '', predictedLabel = ''] = key.split('\u0000');
      return { expected: expectedLabel, predicted: predictedLabel, count };
    })
    .sort((left, right) => right.count - left.count);
  return {
    accuracy: expected.length === 0 ? 0 : correct / expected.length,
    macroF1,
    count: expected.length,
    perLabel,
    confusions,
  };
}

export function formatEvaluationReport(report: EvaluationReport): string {
  const width = Math.max(5, ...report.perLabel.map((metrics) => metrics.label.length));
  const lines = [`${'label'.padEnd(width)}  precision  recall  f1      support`];
  for (const metrics of report.perLabel) {
    lines.push(
      `${metrics.label.padEnd(width)}  ${metrics.precision.toFixed(4).padEnd(9)}  ${metrics.recall.toFixed(4)}  ${metrics.f1.toFixed(4)}  ${metrics.support}`,
    );
  }
  lines.push('', 'most frequent confusions (expected -> predicted):');
  if (report.confusions.length === 0) lines.push('  none');
  for (const confusion of report.confusions.slice(0, 10)) {
    lines.push(`  ${confusion.expected} -> ${confusion.predicted}: ${confusion.count}`);
  }
  lines.push(
    `accuracy=${report.accuracy.toFixed(4)} macro_f1=${report.macroF1.toFixed(4)} n=${report.count}`,
  );
  return lines.join('\n');
}
