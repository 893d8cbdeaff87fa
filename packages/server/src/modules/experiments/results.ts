import type { VariantCounts } from './repo';
import type { ExperimentMetric, ExperimentResults, ExperimentVariant, VariantResult } from './schemas';
import { compareProportions, wilsonInterval } from './statistics';

/** Below this many trials in a variant (or in the control) no verdict is given. */
export const minimumSamplePerVariant = 30;
const significanceLevel = 0.05;

/**
 * Each variant's conversions and rate with its 95 % Wilson interval, its difference from the control with the
 * pooled z-test, and a verdict: too little data, better, worse, or no significant difference at 95 %.
 */
export function summariseExperimentResults(
  experiment: { id: string; metric: ExperimentMetric; variants: readonly ExperimentVariant[] },
  counts: readonly VariantCounts[],
): ExperimentResults {
  const tallies = experiment.variants.map((variant) =>
    tallyVariant(
      variant,
      experiment.metric,
      counts.find((count) => count.variantKey === variant.key),
    ),
  );
  const control = tallies.find((tally) => tally.variant.control);
  return {
    experimentId: experiment.id,
    metric: experiment.metric,
    minimumSamplePerVariant,
    confidenceLevel: 0.95,
    variants: tallies.map((tally) => describeVariant(tally, control)),
  };
}

interface VariantTally {
  variant: ExperimentVariant;
  exposures: number;
  trials: number;
  conversions: number;
  outcomes: VariantResult['outcomes'];
}

function tallyVariant(
  variant: ExperimentVariant,
  metric: ExperimentMetric,
  counts: VariantCounts | undefined,
): VariantTally {
  const exposures = counts?.exposures ?? 0;
  const outcomes = {
    handedOff: counts?.handedOff ?? 0,
    replied: counts?.replied ?? 0,
    rated: counts?.rated ?? 0,
    satisfied: counts?.satisfied ?? 0,
  };
  const tally = { variant, exposures, outcomes };
  switch (metric) {
    case 'containment':
      return { ...tally, trials: exposures, conversions: exposures - outcomes.handedOff };
    case 'engagement':
      return { ...tally, trials: exposures, conversions: outcomes.replied };
    case 'csat':
      return { ...tally, trials: outcomes.rated, conversions: outcomes.satisfied };
  }
}

function describeVariant(tally: VariantTally, control: VariantTally | undefined): VariantResult {
  const interval = wilsonInterval(tally.conversions, tally.trials);
  const comparison =
    control && !tally.variant.control
      ? compareProportions(
          { successes: control.conversions, trials: control.trials },
          { successes: tally.conversions, trials: tally.trials },
        )
      : null;
  return {
    key: tally.variant.key,
    name: tally.variant.name,
    control: tally.variant.control,
    exposures: tally.exposures,
    trials: tally.trials,
    conversions: tally.conversions,
    rate: interval.rate,
    interval: { lower: interval.lower, upper: interval.upper },
    comparison,
    verdict: decideVerdict(tally, control, comparison),
    outcomes: tally.outcomes,
  };
}

function decideVerdict(
  tally: VariantTally,
  control: VariantTally | undefined,
  comparison: VariantResult['comparison'],
): VariantResult['verdict'] {
  const enoughData =
    tally.trials >= minimumSamplePerVariant && (control?.trials ?? 0) >= minimumSamplePerVariant;
  if (!enoughData) return 'not_enough_data';
  if (!comparison) return 'control';
  if (comparison.pValue >= significanceLevel) return 'no_difference';
  return comparison.difference > 0 ? 'better' : 'worse';
}
