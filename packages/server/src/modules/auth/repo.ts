import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { AgentSessionsTable } from '../../db/schema';

export type AgentSessionRow = Selectable<AgentSessionsTable>;

export async function insertSession(db: DbExecutor, row: AgentSessionRow): Promise<void> {
  await db.insertInto('agent_sessions').values(row).execute();
}

/** The agent a live session (neither revoked nor expired) belongs to. */
export async function findAgentIdOfActiveSession(
  db: DbExecutor,
  tokenHash: string,
  now: string,
): Promise<string | undefined> {
  const session = await db
    .selectFrom('agent_sessions')
    .select('agent_id')
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return session?.agent_id;
}

export async function revokeSession(db: DbExecutor, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

/** Ends every live session of an agent (role changed, deactivated). */
export async function revokeSessionsOfAgent(db: DbExecutor, agentId: string, now: string): Promise<void> {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: now })
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .execute();
}
