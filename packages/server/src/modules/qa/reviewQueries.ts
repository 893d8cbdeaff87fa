import type { SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { InspectionRow } from './repo';

export interface InspectionWindow {
  resolvedFrom: string;
  resolvedBefore: string;
  /** Agents allowed; null: any. */
  agentIds: string[] | null;
}

/** Inspections of conversations resolved in the window, newest first; with open flags only when asked. */
export async function listInspectionRows(
  db: DbExecutor,
  window: InspectionWindow,
  options: { onlyOpenFlags: boolean; limit: number },
): Promise<InspectionRow[]> {
  let query = db
    .selectFrom('qa_inspections')
    .selectAll()
    .where('resolved_at', '>=', window.resolvedFrom)
    .where('resolved_at', '<', window.resolvedBefore);
  const { agentIds } = window;
  if (agentIds !== null)
    query = query.where((eb) => (agentIds.length > 0 ? eb('agent_id', 'in', agentIds) : sql<SqlBool>`1 = 0`));
  if (options.onlyOpenFlags)
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('qa_flags')
          .select('qa_flags.id')
          .whereRef('qa_flags.conversation_id', '=', 'qa_inspections.conversation_id')
          .where('qa_flags.status', '=', 'open'),
      ),
    );
  return query
    .orderBy('resolved_at', 'desc')
    .orderBy('conversation_id', 'desc')
    .limit(options.limit)
    .execute();
}

/** Flag counts by conversation and status. */
export async function countFlagsByConversation(
  db: DbExecutor,
  conversationIds: readonly string[],
): Promise<Map<string, Record<'open' | 'confirmed' | 'dismissed', number>>> {
  const counts = new Map<string, Record<'open' | 'confirmed' | 'dismissed', number>>();
  if (conversationIds.length === 0) return counts;
  const rows = await db
    .selectFrom('qa_flags')
    .select((eb) => ['conversation_id', 'status', eb.fn.countAll<string | number>().as('count')])
    .where('conversation_id', 'in', [...conversationIds])
    .groupBy(['conversation_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.conversation_id) ?? { open: 0, confirmed: 0, dismissed: 0 };
    if (row.status === 'open' || row.status === 'confirmed' || row.status === 'dismissed')
      entry[row.status] += Number(row.count);
    counts.set(row.conversation_id, entry);
  }
  return counts;
}

/** Flags of inspections in the window, counted by the agent they concern, rule and status. */
export async function countFlagsByAgentAndRule(
  db: DbExecutor,
  window: InspectionWindow,
): Promise<{ agentId: string | null; rule: string; status: string; count: number }[]> {
  let query = db
    .selectFrom('qa_flags')
    .innerJoin('qa_inspections', 'qa_inspections.conversation_id', 'qa_flags.conversation_id')
    .select((eb) => [
      'qa_flags.agent_id',
      'qa_flags.rule',
      'qa_flags.status',
      eb.fn.countAll<string | number>().as('count'),
    ])
    .where('qa_inspections.resolved_at', '>=', window.resolvedFrom)
    .where('qa_inspections.resolved_at', '<', window.resolvedBefore);
  const { agentIds } = window;
  if (agentIds !== null)
    query = query.where((eb) =>
      agentIds.length > 0 ? eb('qa_flags.agent_id', 'in', agentIds) : sql<SqlBool>`1 = 0`,
    );
  const rows = await query.groupBy(['qa_flags.agent_id', 'qa_flags.rule', 'qa_flags.status']).execute();
  return rows.map((row) => ({
    agentId: row.agent_id,
    rule: row.rule,
    status: row.status,
    count: Number(row.count),
  }));
}
