import { softmaxInPlace } from './linear';

/**
 * Temperature scaling (Guo et al., 2017): one scalar that makes softmax(scores × t) match
 * the observed accuracy on held-out scores. Golden-section search on the log-likelihood.
 */
export function fitTemperature(scoreRows: readonly Float64Array[], labels: Int32Array): number {
  const negativeLogLikelihood = (logTemperature: number): number => {
    const temperature = Math.exp(logTemperature);
    let total = 0;
    for (let row = 0; row < scoreRows.length; row++) {
      const scores = Float64Array.from(scoreRows[row] ?? []);
      softmaxInPlace(scores, temperature);
      total -= Math.log(Math.max(scores[labels[row] ?? 0] ?? 0, 1e-12));
    }
    return total;
  };
  let low = Math.log(0.05);
  let high = Math.log(200);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let iteration = 0; iteration < 40; iteration++) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (negativeLogLikelihood(left) < negativeLogLikelihood(right)) high = right;
    else low = left;
  }
  return Math.exp((low + high) / 2);
}
