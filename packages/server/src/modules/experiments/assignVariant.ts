import { createHash } from 'node:crypto';

/**
 * The variant a customer sees: SHA-256 of "experiment id:customer id" read as a number in [0, 1) and placed on
 * the cumulative weights. No state: the same shopper gets the same variant in every conversation and on every
 * channel (a customer merged across channels has one id), in every process, and shoppers spread by the weights.
 */
export function assignVariant<Variant extends { key: string; weight: number }>(
  experimentId: string,
  customerId: string,
  variants: readonly Variant[],
): Variant {
  const position = hashToUnitInterval(`${experimentId}:${customerId}`);
  const totalWeight = variants.reduce((sum, variant) => sum + variant.weight, 0);
  let cumulative = 0;
  for (const variant of variants) {
    cumulative += variant.weight / totalWeight;
    if (position < cumulative) return variant;
  }
  const last = variants.at(-1);
  if (!last) throw new Error('an experiment without variants cannot assign one');
  return last;
}

function hashToUnitInterval(text: string): number {
  const digest = createHash('sha256').update(text).digest();
  // 48 bits: exact in a double, and far finer than any weight.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
