import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { ConversationClassificationsTable, ConversationHandoffsTable } from '../../db/schema';

export type HandoffRow = Selectable<ConversationHandoffsTable>;
export type ClassificationRow = Selectable<ConversationClassificationsTable>;

export async function insertHandoff(db: DbExecutor, row: HandoffRow): Promise<void> {
  await db.insertInto('conversation_handoffs').values(row).execute();
}

export async function findLatestHandoff(
  db: DbExecutor,
  conversationId: string,
): Promise<HandoffRow | undefined> {
  return db
    .selectFrom('conversation_handoffs')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function updateHandoffSummary(
  db: DbExecutor,
  handoffId: string,
  summary: string,
): Promise<void> {
  await db.updateTable('conversation_handoffs').set({ summary }).where('id', '=', handoffId).execute();
}

export async function findClassification(
  db: DbExecutor,
  conversationId: string,
): Promise<ClassificationRow | undefined> {
  return db
    .selectFrom('conversation_classifications')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
}

export async function listClassifications(
  db: DbExecutor,
  conversationIds: readonly string[],
): Promise<ClassificationRow[]> {
  if (conversationIds.length === 0) return [];
  return db
    .selectFrom('conversation_classifications')
    .selectAll()
    .where('conversation_id', 'in', [...conversationIds])
    .execute();
}

export async function saveClassification(db: DbExecutor, row: ClassificationRow): Promise<void> {
  const { conversation_id: _conversationId, ...changes } = row;
  await db
    .insertInto('conversation_classifications')
    .values(row)
    .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet(changes))
    .execute();
}
