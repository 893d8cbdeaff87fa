import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { QueueEntriesTable } from '../../db/schema';

export type QueueEntryRow = Selectable<QueueEntriesTable>;

/** Adds the conversation to the queue, or refreshes its entry when it is already waiting. */
export async function upsertQueueEntry(db: DbExecutor, row: QueueEntryRow): Promise<void> {
  const { conversation_id: _conversationId, enqueued_at: _enqueuedAt, ...refreshed } = row;
  await db
    .insertInto('queue_entries')
    .values(row)
    .onConflict((conflict) => conflict.column('conversation_id').doUpdateSet(refreshed))
    .execute();
}

export async function deleteQueueEntry(db: DbExecutor, conversationId: string): Promise<void> {
  await db.deleteFrom('queue_entries').where('conversation_id', '=', conversationId).execute();
}

export async function findQueueEntry(
  db: DbExecutor,
  conversationId: string,
): Promise<QueueEntryRow | undefined> {
  return db
    .selectFrom('queue_entries')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .executeTakeFirst();
}

/** Every waiting conversation; the caller sorts with `compareQueueOrder`. */
export async function listQueueEntries(db: DbExecutor): Promise<QueueEntryRow[]> {
  return db.selectFrom('queue_entries').selectAll().execute();
}

export async function setQueuePriority(
  db: DbExecutor,
  conversationId: string,
  priority: string,
): Promise<void> {
  await db
    .updateTable('queue_entries')
    .set({ priority })
    .where('conversation_id', '=', conversationId)
    .execute();
}

/** Claims the one queue notice of an entry: true for the first caller only (every process hears the event). */
export async function claimNotice(db: DbExecutor, conversationId: string, at: string): Promise<boolean> {
  const claimed = await db
    .updateTable('queue_entries')
    .set({ notified_at: at })
    .where('conversation_id', '=', conversationId)
    .where('notified_at', 'is', null)
    .returning('conversation_id')
    .executeTakeFirst();
  return claimed !== undefined;
}

/** Queue entries whose conversation is no longer queued (taken over, resolved, closed). */
export async function listStaleQueueEntries(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectFrom('queue_entries')
    .innerJoin('conversations', 'conversations.id', 'queue_entries.conversation_id')
    .select('queue_entries.conversation_id')
    .where('conversations.status', '!=', 'queued')
    .execute();
  return rows.map((row) => row.conversation_id);
}

/** Queued conversations that have no queue entry (a crash between writes, a manual database edit). */
export async function listQueuedConversationsWithoutEntry(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectFrom('conversations')
    .leftJoin('queue_entries', 'queue_entries.conversation_id', 'conversations.id')
    .select('conversations.id')
    .where('conversations.status', '=', 'queued')
    .where('queue_entries.conversation_id', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/** Assigned conversations nobody can answer: no assignee, or one who is offline or deactivated. */
export async function listAssignedToUnavailableAgents(
  db: DbExecutor,
): Promise<{ id: string; assignee_id: string | null }[]> {
  return db
    .selectFrom('conversations')
    .leftJoin('agents', 'agents.id', 'conversations.assignee_id')
    .select(['conversations.id', 'conversations.assignee_id'])
    .where('conversations.status', '=', 'assigned')
    .where((eb) =>
      eb.or([
        eb('conversations.assignee_id', 'is', null),
        eb('agents.presence', '=', 'offline'),
        eb('agents.is_active', '=', 0),
      ]),
    )
    .execute();
}
