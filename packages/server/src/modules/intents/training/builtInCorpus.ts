import { loadIntentCorpus, type LabelledText } from '@kefu/nlu';

/** The shipped corpus as training runs use it: train + dev to learn from, the test split to measure on. */
export interface IntentCorpus {
  training: LabelledText[];
  heldout: { text: string; label: string }[];
}

/**
 * The shipped corpus; `stride` > 1 keeps every stride-th sentence of each split (a smaller, faster set with the
 * same held-out sentences for every run of a deployment).
 */
export function builtInIntentCorpus(stride = 1): IntentCorpus {
  const keep = (_example: LabelledText, index: number): boolean => index % stride === 0;
  const training = [...loadIntentCorpus('train'), ...loadIntentCorpus('dev')].filter(keep);
  const heldout = loadIntentCorpus('test')
    .filter(keep)
    .map(({ text, label }) => ({ text, label }));
  return { training: training.map((example, group) => ({ ...example, group })), heldout };
}
