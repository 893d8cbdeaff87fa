import { NluEngine } from './engine';
import { trainIntentClassifier, type IntentTrainingOptions } from './intentClassifier';
import { prepareText } from './prepare';

export interface IntentExample {
  text: string;
  label: string;
}

/**
 * Trains an engine from raw examples, e.g. the default corpus plus a merchant's own examples
 * and intents. A few thousand examples train in a second or two.
 */
export function trainIntentModel(
  examples: readonly IntentExample[],
  options: IntentTrainingOptions = {},
): NluEngine {
  const prepared = examples.map(({ text, label }) => ({ prepared: prepareText(text), label }));
  return new NluEngine(trainIntentClassifier(prepared, options));
}
