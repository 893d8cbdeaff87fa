// Sticky assignment of shoppers to an experiment's variants: the same customer always gets the same variant,
// another experiment draws afresh, and many customers spread by the weights.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assignVariant } from '../src/modules/experiments';

const halves = [
  { key: 'A', weight: 50 },
  { key: 'B', weight: 50 },
];

describe('assignment of shoppers to variants', () => {
  test('the same customer gets the same variant every time', () => {
    for (let index = 0; index < 50; index += 1) {
      const customerId = `cus_${index}`;
      const first = assignVariant('exp_1', customerId, halves).key;
      for (let again = 0; again < 3; again += 1)
        assert.equal(assignVariant('exp_1', customerId, halves).key, first);
    }
  });

  test('customers spread by the weights (10 000 customers, within 4 standard deviations)', () => {
    const weighted = [
      { key: 'A', weight: 20 },
      { key: 'B', weight: 30 },
      { key: 'C', weight: 50 },
    ];
    const customers = 10_000;
    const counts = new Map<string, number>();
    for (let index = 0; index < customers; index += 1) {
      const key = assignVariant('exp_weights', `cus_${index}`, weighted).key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    for (const variant of weighted) {
      const share = variant.weight / 100;
      const expected = customers * share;
      const standardDeviation = Math.sqrt(customers * share * (1 - share));
      const observed = counts.get(variant.key) ?? 0;
      assert.ok(
        Math.abs(observed - expected) < 4 * standardDeviation,
        `${variant.key}: ${observed} of ${customers}, expected about ${expected}`,
      );
    }
  });

  test('each experiment draws on its own: assignments in two experiments are independent', () => {
    let same = 0;
    const customers = 4_000;
    for (let index = 0; index < customers; index += 1) {
      const customerId = `cus_${index}`;
      if (
        assignVariant('exp_one', customerId, halves).key === assignVariant('exp_two', customerId, halves).key
      )
        same += 1;
    }
    // Independent fair coins agree half the time: 2000 ± 4·√1000.
    assert.ok(Math.abs(same - customers / 2) < 4 * Math.sqrt(customers / 4), `${same} agreements`);
  });
});
