import { clusterQuestions } from '../sources/foreignRules';
import { listGapQuestions, listTopQuestions } from '../sources/questionRecords';
import type { QuestionCount } from '../sources/questionRecords';
import type { ReportContext } from './reportContext';

export interface KnowledgeGapTopic {
  /** The way shoppers asked it most often. */
  topic: string;
  count: number;
  unanswered: number;
  notHelpful: number;
  examples: string[];
}

export interface QuestionReport {
  topQuestions: QuestionCount[];
  gaps: KnowledgeGapTopic[];
}

const listedQuestions = 10;
const listedGaps = 10;
const clusteredQuestions = 1_000;

/** What shoppers asked most, and what the knowledge base could not answer, grouped into topics. */
export async function buildQuestionReport(context: ReportContext): Promise<QuestionReport> {
  const { db, filter } = context;
  const topQuestions = await listTopQuestions(db, filter, listedQuestions);
  const gapQuestions = await listGapQuestions(db, filter, clusteredQuestions);
  const gaps = clusterQuestions(gapQuestions)
    .slice(0, listedGaps)
    .map((cluster) => {
      const questions = cluster.items.map((item) => item.row.question);
      return {
        topic: mostCommon(questions),
        count: cluster.items.length,
        unanswered: cluster.items.filter((item) => item.row.outcome === 'unanswered').length,
        notHelpful: cluster.items.filter((item) => item.row.feedback === 'not_helpful').length,
        examples: [...new Set(questions)].slice(0, 3),
      };
    });
  return { topQuestions, gaps };
}

function mostCommon(texts: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const text of texts) counts.set(text, (counts.get(text) ?? 0) + 1);
  let best = texts[0] ?? '';
  for (const [text, count] of counts) if (count > (counts.get(best) ?? 0)) best = text;
  return best;
}
