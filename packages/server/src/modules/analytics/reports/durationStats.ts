/** Average, median and 90th percentile of durations in seconds (nearest rank), null when there are none. */
export interface DurationStats {
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export function summariseDurations(values: readonly number[]): DurationStats {
  if (values.length === 0) return { count: 0, averageSeconds: null, medianSeconds: null, p90Seconds: null };
  const sorted = [...values].sort((left, right) => left - right);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    averageSeconds: total / sorted.length,
    medianSeconds: nearestRank(sorted, 50),
    p90Seconds: nearestRank(sorted, 90),
  };
}

/** The smallest value with at least `percent` % of the values at or below it. */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

export function averageOf(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}
