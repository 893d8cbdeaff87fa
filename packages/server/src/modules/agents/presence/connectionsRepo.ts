import type { DbExecutor } from '../../../db/database';

// The open console sockets of every process (table agent_connections), shared through the database.

export async function insertConnection(
  db: DbExecutor,
  row: { id: string; agentId: string; now: string },
): Promise<void> {
  await db
    .insertInto('agent_connections')
    .values({ id: row.id, agent_id: row.agentId, connected_at: row.now, seen_at: row.now })
    .execute();
}

export async function touchConnections(db: DbExecutor, ids: readonly string[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('agent_connections')
    .set({ seen_at: now })
    .where('id', 'in', [...ids])
    .execute();
}

export async function deleteConnection(db: DbExecutor, id: string): Promise<void> {
  await db.deleteFrom('agent_connections').where('id', '=', id).execute();
}

export async function hasFreshConnection(
  db: DbExecutor,
  agentId: string,
  freshSince: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('agent_connections')
    .select('id')
    .where('agent_id', '=', agentId)
    .where('seen_at', '>=', freshSince)
    .executeTakeFirst();
  return row !== undefined;
}

/** Removes the rows nobody renewed since `staleBefore` (their process is gone) and names their agents. */
export async function removeStaleConnections(db: DbExecutor, staleBefore: string): Promise<string[]> {
  const rows = await db
    .deleteFrom('agent_connections')
    .where('seen_at', '<', staleBefore)
    .returning('agent_id')
    .execute();
  return [...new Set(rows.map((row) => row.agent_id))];
}
