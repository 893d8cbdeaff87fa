// Read-only report queries over the knowledge module's question log (what shoppers asked the knowledge base
// and how it did), narrowed by the report filters through the conversations' metrics.
import type { SelectQueryBuilder } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { Database } from '../../../db/schema';
import type { KnowledgeQueriesTable } from '../../../db/schema';
import type { Selectable } from 'kysely';
import { toNumber } from '../factQuery';
import type { ReportFilter } from '../reportFilter';

export type QuestionRecord = Selectable<KnowledgeQueriesTable>;

export interface QuestionCount {
  question: string;
  asked: number;
  answered: number;
}

export async function listTopQuestions(
  db: DbExecutor,
  filter: ReportFilter,
  limit: number,
): Promise<QuestionCount[]> {
  const rows = await questionsIn(db, filter)
    .select((eb) => [
      'knowledge_queries.question',
      eb.fn.countAll<string | number>().as('asked'),
      eb.fn
        .sum<string | number>(
          eb.case().when('knowledge_queries.outcome', '=', 'answered').then(1).else(0).end(),
        )
        .as('answered'),
    ])
    .groupBy('knowledge_queries.question')
    .orderBy('asked', 'desc')
    .orderBy('knowledge_queries.question')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    question: row.question,
    asked: toNumber(row.asked),
    answered: toNumber(row.answered),
  }));
}

/** The latest questions the knowledge base could not answer, only suggested for, or was told did not help. */
export async function listGapQuestions(
  db: DbExecutor,
  filter: ReportFilter,
  limit: number,
): Promise<QuestionRecord[]> {
  return questionsIn(db, filter)
    .selectAll('knowledge_queries')
    .where((eb) =>
      eb.or([
        eb('knowledge_queries.outcome', 'in', ['unanswered', 'suggested']),
        eb('knowledge_queries.feedback', '=', 'not_helpful'),
      ]),
    )
    .orderBy('knowledge_queries.created_at', 'desc')
    .orderBy('knowledge_queries.id', 'desc')
    .limit(limit)
    .execute();
}

function questionsIn(
  db: DbExecutor,
  filter: ReportFilter,
): SelectQueryBuilder<Database, 'knowledge_queries', object> {
  let query = db
    .selectFrom('knowledge_queries')
    .where('knowledge_queries.created_at', '>=', new Date(filter.range.startMinute * 60_000).toISOString())
    .where('knowledge_queries.created_at', '<', new Date(filter.range.endMinute * 60_000).toISOString());
  if (filter.channel !== null) query = query.where('knowledge_queries.channel', '=', filter.channel);
  const { category, agentIds } = filter;
  if (category === null && agentIds === null) return query;
  return query.where((eb) =>
    eb.exists(
      eb
        .selectFrom('analytics_conversations')
        .select('analytics_conversations.conversation_id')
        .whereRef('analytics_conversations.conversation_id', '=', 'knowledge_queries.conversation_id')
        .where((inner) =>
          inner.and([
            ...(category !== null ? [inner('analytics_conversations.category', '=', category)] : []),
            ...(agentIds !== null
              ? [inner('analytics_conversations.agent_id', 'in', agentIds.length > 0 ? agentIds : [''])]
              : []),
          ]),
        ),
    ),
  );
}
