import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { AgentsTable } from '../../db/schema';

export type AgentRow = Selectable<AgentsTable>;

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

export async function countActiveAdmins(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('role', '=', 'admin')
    .where('is_active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
