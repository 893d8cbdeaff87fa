import type { NluEngine } from '@kefu/nlu';
import type { MessageAnalysis } from '@kefu/sdk';

export type Understanding = Omit<MessageAnalysis, 'answeredBy'>;

/** What the bot understands of a shopper's message; recorded on the message for agents and analytics. */
export interface MessageUnderstander {
  understand(text: string, now: Date): Understanding;
}

const maxAlternatives = 3;

/** `engine`: the bot's current model (it may be swapped while the process runs). */
export function createNluUnderstander(engine: Pick<NluEngine, 'analyze'>): MessageUnderstander {
  return {
    understand(text, now) {
      const analysis = engine.analyze(text, { now });
      return {
        lang: analysis.lang,
        intent: {
          id: analysis.intent.id,
          confidence: roundScore(analysis.intent.confidence),
          alternatives: analysis.intent.alternatives
            .slice(0, maxAlternatives)
            .map((alternative) => ({ id: alternative.id, confidence: roundScore(alternative.confidence) })),
        },
        entities: analysis.entities.map((entity) => ({
          type: entity.type,
          value: entity.value,
          text: entity.text,
        })),
        sentiment: {
          score: roundScore(analysis.sentiment.score),
          label: analysis.sentiment.label,
          anger: analysis.sentiment.anger,
        },
      };
    },
  };
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
