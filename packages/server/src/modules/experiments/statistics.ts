// The statistics of an A/B test of two proportions, written out so they can be read and checked: the Wilson score
// interval of each variant's rate, and the pooled two-proportion z-test of a variant against the control.

/** The two-sided 95 % quantile of the standard normal distribution. */
export const z95 = 1.959963984540054;

export interface ProportionInterval {
  rate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval (Wilson 1927), which stays inside [0, 1] and keeps its coverage for small samples and
 * rates near 0 or 1, where the textbook "rate ± 1.96·SE" interval does not. No trials: the whole of [0, 1].
 */
export function wilsonInterval(successes: number, trials: number, z = z95): ProportionInterval {
  if (trials === 0) return { rate: 0, lower: 0, upper: 1 };
  const rate = successes / trials;
  const zSquared = z * z;
  const denominator = 1 + zSquared / trials;
  const centre = (rate + zSquared / (2 * trials)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((rate * (1 - rate)) / trials + zSquared / (4 * trials * trials));
  return { rate, lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth) };
}

export interface ProportionComparison {
  /** The variant's rate minus the control's. */
  difference: number;
  z: number;
  /** Two-sided p-value of "the two rates are equal". */
  pValue: number;
}

/**
 * The pooled two-proportion z-test: z = (p₂ − p₁) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)) with p̂ the pooled rate. It equals
 * Pearson's χ² test of the 2×2 table without continuity correction (z² = χ²). When neither group has any
 * variation (both rates 0 or both 1) there is nothing to tell apart: z = 0, p = 1.
 */
export function compareProportions(
  control: { successes: number; trials: number },
  variant: { successes: number; trials: number },
): ProportionComparison {
  if (control.trials === 0 || variant.trials === 0) return { difference: 0, z: 0, pValue: 1 };
  const controlRate = control.successes / control.trials;
  const variantRate = variant.successes / variant.trials;
  const pooledRate = (control.successes + variant.successes) / (control.trials + variant.trials);
  const standardError = Math.sqrt(pooledRate * (1 - pooledRate) * (1 / control.trials + 1 / variant.trials));
  const difference = variantRate - controlRate;
  if (standardError === 0) return { difference, z: 0, pValue: 1 };
  const z = difference / standardError;
  return { difference, z, pValue: Math.min(1, complementaryErrorFunction(Math.abs(z) / Math.SQRT2)) };
}

/** Φ(x), the standard normal distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * complementaryErrorFunction(-x / Math.SQRT2);
}

/**
 * erfc(x) by the Chebyshev fit of Numerical Recipes in C (2nd ed., §6.2, `erfcc`): fractional error below
 * 1.2·10⁻⁷ everywhere, so p-values are right to far more digits than a verdict needs.
 */
export function complementaryErrorFunction(x: number): number {
  const absolute = Math.abs(x);
  const t = 1 / (1 + 0.5 * absolute);
  const coefficients = [
    -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587,
    -0.82215223, 0.17087277,
  ];
  let polynomial = 0;
  for (let index = coefficients.length - 1; index >= 1; index -= 1)
    polynomial = t * (polynomial + (coefficients[index] ?? 0));
  const result = t * Math.exp(-absolute * absolute + (coefficients[0] ?? 0) + polynomial);
  return x >= 0 ? result : 2 - result;
}
