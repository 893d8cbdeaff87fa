import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { AgentSessionsTable, AgentsTable } from '../../db/schema';

export type AgentRow = Selectable<AgentsTable>;
export type AgentSessionRow = Selectable<AgentSessionsTable>;

export async function findAgentByEmail(db: DbExecutor, email: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findAgentById(db: DbExecutor, agentId: string): Promise<AgentRow | undefined> {
  return db.selectFrom('agents').selectAll().where('id', '=', agentId).executeTakeFirst();
}

export async function listAgents(db: DbExecutor): Promise<AgentRow[]> {
  return db.selectFrom('agents').selectAll().orderBy('created_at').execute();
}

export async function countAgents(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertAgent(db: DbExecutor, row: AgentRow): Promise<void> {
  await db.insertInto('agents').values(row).execute();
}

export async function updateAgent(
  db: DbExecutor,
  agentId: string,
  changes: Updateable<AgentsTable>,
): Promise<AgentRow | undefined> {
  return db.updateTable('agents').set(changes).where('id', '=', agentId).returningAll().executeTakeFirst();
}

export async function insertSession(db: DbExecutor, row: AgentSessionRow): Promise<void> {
  await db.insertInto('agent_sessions').values(row).execute();
}

export async function findActiveSessionWithAgent(db: DbExecutor, tokenHash: string, now: string) {
  return db
    .selectFrom('agent_sessions')
    .innerJoin('agents', 'agents.id', 'agent_sessions.agent_id')
    .select([
      'agent_sessions.id as session_id',
      'agents.id',
      'agents.email',
      'agents.display_name',
      'agents.role',
      'agents.custom_role_id',
      'agents.is_active',
    ])
    .where('agent_sessions.token_hash', '=', tokenHash)
    .where('agent_sessions.revoked_at', 'is', null)
    .where('agent_sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function revokeSession(db: DbExecutor, tokenHash: string, now: string): Promise<void> {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: now })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function revokeSessionsOfAgent(db: DbExecutor, agentId: string, now: string): Promise<void> {
  await db
    .updateTable('agent_sessions')
    .set({ revoked_at: now })
    .where('agent_id', '=', agentId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function countActiveAdmins(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('role', '=', 'admin')
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
