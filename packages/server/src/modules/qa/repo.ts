import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type {
  QaCoachingNotesTable,
  QaFlagsTable,
  QaInspectionsTable,
  QaRuleSetsTable,
} from '../../db/insightSchema';

export type RuleSetRow = Selectable<QaRuleSetsTable>;
export type InspectionRow = Selectable<QaInspectionsTable>;
export type FlagRow = Selectable<QaFlagsTable>;
export type CoachingNoteRow = Selectable<QaCoachingNotesTable>;

export async function findActiveRuleSet(db: DbExecutor): Promise<RuleSetRow | undefined> {
  return db.selectFrom('qa_rule_sets').selectAll().where('is_active', '=', 1).executeTakeFirst();
}

export async function insertRuleSet(db: DbExecutor, row: RuleSetRow): Promise<void> {
  await db.insertInto('qa_rule_sets').values(row).execute();
}

export async function updateRuleSetRules(
  db: DbExecutor,
  ruleSetId: string,
  changes: { rules: string; updated_by: string; updated_at: string },
): Promise<void> {
  await db.updateTable('qa_rule_sets').set(changes).where('id', '=', ruleSetId).execute();
}

export async function findInspection(
  db: DbExecutor,
  conversationId: string,
): Promise<InspectionRow | undefined> {
  return db
    .selectFrom('qa_inspections')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
}

export async function saveInspection(db: DbExecutor, row: InspectionRow): Promise<void> {
  const { conversation_id: _conversationId, ...changes } = row;
  await db
    .insertInto('qa_inspections')
    .values(row)
    .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet(changes))
    .execute();
}

export async function listFlags(db: DbExecutor, conversationId: string): Promise<FlagRow[]> {
  return db
    .selectFrom('qa_flags')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findFlag(db: DbExecutor, flagId: string): Promise<FlagRow | undefined> {
  return db.selectFrom('qa_flags').selectAll().where('id', '=', flagId).executeTakeFirst();
}

export async function deleteOpenFlags(db: DbExecutor, conversationId: string): Promise<void> {
  await db
    .deleteFrom('qa_flags')
    .where('conversation_id', '=', conversationId)
    .where('status', '=', 'open')
    .execute();
}

export async function insertFlags(db: DbExecutor, rows: readonly FlagRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('qa_flags')
      .values([...rows])
      .execute();
}

export async function reviewFlagRow(
  db: DbExecutor,
  flagId: string,
  review: { status: string; review_note: string | null; reviewed_by: string; reviewed_at: string },
): Promise<void> {
  await db.updateTable('qa_flags').set(review).where('id', '=', flagId).execute();
}

export async function touchInspection(
  db: DbExecutor,
  conversationId: string,
  changes: { score: number; updated_at: string },
): Promise<void> {
  await db.updateTable('qa_inspections').set(changes).where('conversation_id', '=', conversationId).execute();
}

export async function insertCoachingNote(db: DbExecutor, row: CoachingNoteRow): Promise<void> {
  await db.insertInto('qa_coaching_notes').values(row).execute();
}

export async function listCoachingNotes(
  db: DbExecutor,
  filter: { agentId?: string; conversationId?: string; limit: number },
): Promise<CoachingNoteRow[]> {
  let query = db.selectFrom('qa_coaching_notes').selectAll();
  if (filter.agentId) query = query.where('agent_id', '=', filter.agentId);
  if (filter.conversationId) query = query.where('conversation_id', '=', filter.conversationId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
