// Minimal typing for the parts of node-nlp (nlp.js v4) that the benchmark uses.
declare module 'node-nlp' {
  export class NlpManager {
    constructor(settings: {
      languages: string[];
      forceNER?: boolean;
      autoSave?: boolean;
      nlu?: { log?: boolean };
    });
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<void>;
    process(locale: string, utterance: string): Promise<{ intent: string; score: number }>;
  }
}
