import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractEntities, type Entity } from './entities';
import { IntentClassifier, type IntentPrediction } from './intentClassifier';
import { prepareText } from './prepare';
import type { Language } from './script';
import { addUserTerms } from './segment';
import { analyzeSentiment, type Sentiment } from './sentiment';

export interface Analysis {
  text: string;
  normalized: string;
  lang: Language;
  tokens: string[];
  intent: IntentPrediction;
  entities: Entity[];
  sentiment: Sentiment;
}

export interface AnalyzeOptions {
  /** Product and brand names: kept whole by the segmenter and reported as `product` entities. */
  catalogTerms?: string[];
  /** Reference time for relative dates (昨天, last Monday); defaults to now. */
  now?: Date;
}

export class NluEngine {
  constructor(readonly classifier: IntentClassifier) {}

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    if (options.catalogTerms && options.catalogTerms.length > 0) addUserTerms(options.catalogTerms);
    const prepared = prepareText(text);
    return {
      text,
      normalized: prepared.normalized,
      lang: prepared.lang,
      tokens: prepared.tokens,
      intent: this.classifier.predict(prepared),
      entities: extractEntities(text, { catalogTerms: options.catalogTerms, now: options.now }),
      sentiment: analyzeSentiment(text, prepared.normalized),
    };
  }

  classify(text: string): IntentPrediction {
    return this.classifier.predict(prepareText(text));
  }

  /** Extends the segmentation dictionary once for the whole catalogue (cheaper than passing terms on each call). */
  addCatalogTerms(terms: Iterable<string>): void {
    addUserTerms(terms);
  }
}

export const defaultModelPath = fileURLToPath(new URL('../model/default.json', import.meta.url));

let defaultEngine: NluEngine | undefined;

/** The engine with the model that ships in the package; loaded once per process. */
export function loadDefaultEngine(): NluEngine {
  defaultEngine ??= loadEngine(defaultModelPath);
  return defaultEngine;
}

export function loadEngine(modelPath: string): NluEngine {
  const json: unknown = JSON.parse(readFileSync(modelPath, 'utf8'));
  return new NluEngine(IntentClassifier.fromJSON(json));
}
