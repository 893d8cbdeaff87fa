// The A/B statistics against values computed elsewhere, never by the code under test:
// - Wilson score intervals: Newcombe R.G. (1998), "Two-sided confidence intervals for the single proportion:
//   comparison of seven methods", Statistics in Medicine 17:857–872, Table II, method 3 (score interval), at 4
//   decimals; and SciPy 1.17.1 `binomtest(k, n).proportion_ci(method='wilson')` at 10⁻⁹.
// - Two-proportion z-tests: SciPy 1.17.1 `chi2_contingency(table, correction=False)` — Pearson's χ² of the 2×2
//   table, whose square root is |z| of the pooled test and whose p-value is the test's two-sided p-value.
// - Verdicts: the same SciPy z-test values, on the results the console shows.
// - Φ: standard normal tables (e.g. NIST/SEMATECH e-Handbook §1.3.6.7.1) and SciPy `norm.cdf`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summariseExperimentResults } from '../src/modules/experiments/results';
import { compareProportions, normalCdf, wilsonInterval } from '../src/modules/experiments/statistics';

function assertClose(actual: number, expected: number, tolerance: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} of ${expected}`,
  );
}

describe('A/B statistics', () => {
  test('Wilson score intervals match Newcombe (1998) to the published 4 decimals', () => {
    const published = [
      { successes: 81, trials: 263, lower: 0.2553, upper: 0.3662 },
      { successes: 15, trials: 148, lower: 0.0624, upper: 0.1605 },
      { successes: 0, trials: 20, lower: 0.0, upper: 0.1611 },
      { successes: 1, trials: 29, lower: 0.0061, upper: 0.1718 },
    ];
    for (const example of published) {
      const interval = wilsonInterval(example.successes, example.trials);
      const name = `${example.successes}/${example.trials}`;
      assertClose(interval.lower, example.lower, 0.00005, `${name} lower`);
      assertClose(interval.upper, example.upper, 0.00005, `${name} upper`);
      assertClose(interval.rate, example.successes / example.trials, 1e-12, `${name} rate`);
    }
  });

  test('Wilson score intervals match SciPy to 10⁻⁹, including a rate of 100 %', () => {
    const scipy = [
      { successes: 81, trials: 263, lower: 0.2552885198782742, upper: 0.36620957698280004 },
      { successes: 15, trials: 148, lower: 0.06238639953073629, upper: 0.16048724172330803 },
      { successes: 1, trials: 29, lower: 0.006113214292762667, upper: 0.17175521879320282 },
      { successes: 29, trials: 29, lower: 0.8830302015002592, upper: 1 },
    ];
    for (const example of scipy) {
      const interval = wilsonInterval(example.successes, example.trials);
      assertClose(interval.lower, example.lower, 1e-9, `${example.successes}/${example.trials} lower`);
      assertClose(interval.upper, example.upper, 1e-9, `${example.successes}/${example.trials} upper`);
    }
  });

  test('no trials: the interval is all of [0, 1]', () => {
    assert.deepEqual(wilsonInterval(0, 0), { rate: 0, lower: 0, upper: 1 });
  });

  test('two-proportion z-tests match Pearson χ² without correction (SciPy)', () => {
    const scipy = [
      { control: [45, 100], variant: [60, 100], z: 2.123976976214366, pValue: 0.033672068856345896 },
      { control: [120, 1000], variant: [150, 1000], z: 1.9630498076223553, pValue: 0.049640386865368834 },
      { control: [30, 60], variant: [33, 60], z: 0.5484084971070817, pValue: 0.5834114432796204 },
      { control: [200, 1000], variant: [260, 1000], z: 3.188063564953509, pValue: 0.001432290465813642 },
    ];
    for (const example of scipy) {
      const [controlSuccesses = 0, controlTrials = 0] = example.control;
      const [variantSuccesses = 0, variantTrials = 0] = example.variant;
      const forward = compareProportions(
        { successes: controlSuccesses, trials: controlTrials },
        { successes: variantSuccesses, trials: variantTrials },
      );
      const name = `${example.control.join('/')} vs ${example.variant.join('/')}`;
      assertClose(forward.z, example.z, 1e-9, `${name} z`);
      // erfc by the Numerical Recipes fit: relative error below 1.2·10⁻⁷.
      assertClose(forward.pValue, example.pValue, example.pValue * 2e-7, `${name} p`);
      assertClose(
        forward.difference,
        variantSuccesses / variantTrials - controlSuccesses / controlTrials,
        1e-12,
        `${name} difference`,
      );
      // Swapping the groups flips the sign and keeps the p-value.
      const backward = compareProportions(
        { successes: variantSuccesses, trials: variantTrials },
        { successes: controlSuccesses, trials: controlTrials },
      );
      assertClose(backward.z, -example.z, 1e-9, `${name} reversed z`);
      assertClose(backward.pValue, forward.pValue, 1e-15, `${name} reversed p`);
    }
  });

  test('groups without variation or without trials cannot be told apart', () => {
    assert.deepEqual(compareProportions({ successes: 0, trials: 40 }, { successes: 0, trials: 40 }), {
      difference: 0,
      z: 0,
      pValue: 1,
    });
    assert.equal(compareProportions({ successes: 0, trials: 0 }, { successes: 3, trials: 9 }).pValue, 1);
  });

  test('Φ matches the standard normal table', () => {
    const table = [
      { x: 0, phi: 0.5 },
      { x: 1, phi: 0.8413447460685429 },
      { x: 1.96, phi: 0.9750021048517795 },
      { x: -2.5758293035489, phi: 0.005 },
    ];
    for (const row of table) assertClose(normalCdf(row.x), row.phi, 1e-7, `Φ(${row.x})`);
  });

  test('verdicts: too little data below 30 per variant, else better, worse or no difference at 95 %', () => {
    const variants = ['A', 'B', 'C', 'D'].map((key, index) => ({
      key,
      name: key,
      weight: 25,
      control: index === 0,
      textZh: index === 0 ? null : '文',
      textEn: index === 0 ? null : 'text',
    }));
    const counts = (variantKey: string, exposures: number, handedOff: number) => ({
      variantKey,
      exposures,
      handedOff,
      replied: 0,
      rated: 0,
      satisfied: 0,
    });
    // Containment = exposures − handoffs: A 45/100, B 60/100 (p = 0.034), C 33/60 … against A.
    const results = summariseExperimentResults({ id: 'exp_1', metric: 'containment', variants }, [
      counts('A', 100, 55),
      counts('B', 100, 40),
      counts('C', 100, 70),
      counts('D', 29, 10),
    ]);
    assert.deepEqual(
      results.variants.map((variant) => [variant.key, variant.conversions, variant.verdict]),
      [
        ['A', 45, 'control'],
        ['B', 60, 'better'],
        ['C', 30, 'worse'],
        ['D', 19, 'not_enough_data'],
      ],
    );
    assertClose(results.variants[1]?.comparison?.pValue ?? 0, 0.033672068856345896, 1e-8, 'B against A');
    const close = summariseExperimentResults(
      { id: 'exp_2', metric: 'containment', variants: variants.slice(0, 2) },
      [counts('A', 60, 30), counts('B', 60, 27)],
    );
    assert.equal(close.variants[1]?.verdict, 'no_difference');
  });

  test('the CSAT metric counts only rated conversations, a rating of 4 or 5 as satisfied', () => {
    const results = summariseExperimentResults(
      {
        id: 'exp_3',
        metric: 'csat',
        variants: [
          { key: 'A', name: 'A', weight: 50, control: true, textZh: null, textEn: null },
          { key: 'B', name: 'B', weight: 50, control: false, textZh: '文', textEn: 'text' },
        ],
      },
      [{ variantKey: 'A', exposures: 80, handedOff: 0, replied: 0, rated: 10, satisfied: 7 }],
    );
    assert.deepEqual(
      results.variants.map((variant) => [
        variant.exposures,
        variant.trials,
        variant.conversions,
        variant.verdict,
      ]),
      [
        [80, 10, 7, 'not_enough_data'],
        [0, 0, 0, 'not_enough_data'],
      ],
    );
  });
});
