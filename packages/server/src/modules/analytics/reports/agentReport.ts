import { toNullableNumber, toNumber, whereFacts } from '../factQuery';
import type { ReportContext } from './reportContext';

export interface AgentPerformance {
  agentId: string;
  name: string;
  /** Conversations the agent handled (held last, or wrote in last). */
  handled: number;
  resolved: number;
  agentMessages: number;
  averageFirstResponseSeconds: number | null;
  averageHandlingSeconds: number | null;
  csatRated: number;
  csatAverage: number | null;
  qaInspected: number;
  qaAverageScore: number | null;
}

/** One row per agent who handled conversations the filter selects, busiest first. */
export async function buildAgentReport(context: ReportContext): Promise<AgentPerformance[]> {
  const { db, filter, names } = context;
  const rows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where('agent_id', 'is not', null)
    .select((eb) => [
      'agent_id',
      eb.fn.countAll<string | number>().as('handled'),
      eb.fn.count<string | number>('resolved_minute').as('resolved'),
      eb.fn.sum<string | number>('agent_messages').as('agent_messages'),
      eb.fn.avg<string | number | null>('first_response_seconds').as('first_response'),
      eb.fn.avg<string | number | null>('handling_seconds').as('handling'),
      eb.fn.count<string | number>('csat_rating').as('rated'),
      eb.fn.avg<string | number | null>('csat_rating').as('csat'),
      eb.fn.count<string | number>('qa_score').as('inspected'),
      eb.fn.avg<string | number | null>('qa_score').as('qa'),
    ])
    .groupBy('agent_id')
    .execute();
  return rows
    .flatMap((row) => {
      if (row.agent_id === null) return [];
      return [
        {
          agentId: row.agent_id,
          name: names.agentName(row.agent_id),
          handled: toNumber(row.handled),
          resolved: toNumber(row.resolved),
          agentMessages: toNumber(row.agent_messages),
          averageFirstResponseSeconds: toNullableNumber(row.first_response),
          averageHandlingSeconds: toNullableNumber(row.handling),
          csatRated: toNumber(row.rated),
          csatAverage: toNullableNumber(row.csat),
          qaInspected: toNumber(row.inspected),
          qaAverageScore: toNullableNumber(row.qa),
        },
      ];
    })
    .sort((left, right) => right.handled - left.handled || left.name.localeCompare(right.name));
}
