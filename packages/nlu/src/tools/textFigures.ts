import { Bm25Index } from '../bm25';
import { matchScore } from '../match';
import { analyzeSentiment } from '../sentiment';
import { CharacterBigramBm25, characterBigramCosine, jiebaIdfCosine } from './lexicalReferences';
import { rocAuc } from './metrics';

/** Sentiment, matching and retrieval figures, shared by the understanding report and the experiments. */
export interface LabelledSentiment {
  text: string;
  label: 'positive' | 'negative' | 'neutral';
}

export interface SentimentFigure {
  accuracy: number;
  /** Share of lines scored neutral (on two-class sets every one of them is an error). */
  neutralShare: number;
  count: number;
}

export function sentimentFigure(examples: readonly LabelledSentiment[]): SentimentFigure {
  let correct = 0;
  let neutral = 0;
  for (const example of examples) {
    const { label } = analyzeSentiment(example.text);
    if (label === example.label) correct++;
    if (label === 'neutral') neutral++;
  }
  const count = Math.max(examples.length, 1);
  return { accuracy: correct / count, neutralShare: neutral / count, count: examples.length };
}

export interface PairLike {
  first: string;
  second: string;
  same: boolean;
}

export type PairScorer = (first: string, second: string) => number;

export const pairScorers: Record<'matchScore' | 'characterBigramCosine' | 'jiebaIdfCosine', PairScorer> = {
  matchScore: (first, second) => matchScore(first, second),
  characterBigramCosine,
  jiebaIdfCosine,
};

export function pairAuc(pairs: readonly PairLike[], scorer: PairScorer): number {
  return rocAuc(
    pairs.map((pair) => scorer(pair.first, pair.second)),
    pairs.map((pair) => pair.same),
  );
}

export interface RetrievalTask {
  documents: string[];
  queries: { text: string; target: number }[];
}

/** Same-meaning pairs become a retrieval task: index every first question once, query with its paraphrase. */
export function retrievalTaskFromPairs(pairs: readonly PairLike[]): RetrievalTask {
  const documents: string[] = [];
  const positions = new Map<string, number>();
  const queries: RetrievalTask['queries'] = [];
  for (const pair of pairs) {
    if (!pair.same || pair.first.trim() === pair.second.trim()) continue;
    let target = positions.get(pair.first);
    if (target === undefined) {
      target = documents.length;
      documents.push(pair.first);
      positions.set(pair.first, target);
    }
    queries.push({ text: pair.second, target });
  }
  return { documents, queries };
}

export interface RetrievalFigure {
  hitAt1: number;
  hitAt3: number;
  documents: number;
  queries: number;
}

export function kefuRetrievalFigure(task: RetrievalTask): RetrievalFigure {
  const index = new Bm25Index();
  task.documents.forEach((document, position) => index.add(String(position), document));
  return retrievalFigure(task, (query) => index.search(query, 3).map((hit) => Number(hit.id)));
}

export function bigramBm25RetrievalFigure(task: RetrievalTask): RetrievalFigure {
  const index = new CharacterBigramBm25(task.documents);
  return retrievalFigure(task, (query) => index.search(query, 3));
}

function retrievalFigure(task: RetrievalTask, search: (query: string) => number[]): RetrievalFigure {
  let first = 0;
  let topThree = 0;
  for (const query of task.queries) {
    const ranked = search(query.text);
    if (ranked[0] === query.target) first++;
    if (ranked.slice(0, 3).includes(query.target)) topThree++;
  }
  const count = Math.max(task.queries.length, 1);
  return {
    hitAt1: first / count,
    hitAt3: topThree / count,
    documents: task.documents.length,
    queries: task.queries.length,
  };
}
