import type { Db, DbExecutor } from '../../../db/database';
import type { ConversationFacts } from './computeConversationFacts';

/** Replaces the metrics and topics of these conversations in one transaction. */
export async function saveConversationFacts(
  db: Db,
  facts: readonly ConversationFacts[],
  refreshedAt: string,
): Promise<void> {
  if (facts.length === 0) return;
  const ids = facts.map((fact) => fact.row.conversation_id);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('analytics_conversations').where('conversation_id', 'in', ids).execute();
    await trx.deleteFrom('analytics_conversation_topics').where('conversation_id', 'in', ids).execute();
    for (const chunk of chunksOf(facts, 200)) {
      await trx
        .insertInto('analytics_conversations')
        .values(chunk.map((fact) => ({ ...fact.row, refreshed_at: refreshedAt })))
        .execute();
    }
    const topics = facts.flatMap((fact) =>
      fact.topics.map((topic) => ({
        conversation_id: fact.row.conversation_id,
        kind: topic.kind,
        topic: topic.topic,
        created_minute: fact.row.created_minute,
      })),
    );
    for (const chunk of chunksOf(topics, 500))
      await trx.insertInto('analytics_conversation_topics').values(chunk).execute();
  });
}

export async function readAnalyticsState(db: DbExecutor, key: string): Promise<string | null> {
  const row = await db
    .selectFrom('analytics_state')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value ?? null;
}

export async function writeAnalyticsState(
  db: DbExecutor,
  key: string,
  value: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('analytics_state')
    .values({ key, value, updated_at: now })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

export function chunksOf<Item>(items: readonly Item[], size: number): Item[][] {
  const chunks: Item[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
