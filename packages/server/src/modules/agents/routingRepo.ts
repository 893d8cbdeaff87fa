import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { AgentRoutingProfilesTable, TeamsTable } from '../../db/schema';

export type TeamRow = Selectable<TeamsTable>;
export type RoutingProfileRow = Selectable<AgentRoutingProfilesTable>;

export async function listTeams(db: DbExecutor): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().orderBy('name').execute();
}

export async function findTeam(db: DbExecutor, teamId: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('id', '=', teamId).executeTakeFirst();
}

export async function findTeamByName(db: DbExecutor, name: string): Promise<TeamRow | undefined> {
  return db.selectFrom('teams').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertTeam(db: DbExecutor, row: TeamRow): Promise<void> {
  await db.insertInto('teams').values(row).execute();
}

export async function renameTeam(db: DbExecutor, teamId: string, name: string, now: string): Promise<void> {
  await db.updateTable('teams').set({ name, updated_at: now }).where('id', '=', teamId).execute();
}

export async function replaceTeamMembers(
  db: DbExecutor,
  teamId: string,
  agentIds: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (agentIds.length === 0) return;
  await db
    .insertInto('team_members')
    .values(agentIds.map((agentId) => ({ team_id: teamId, agent_id: agentId, created_at: now })))
    .execute();
}

export async function listMemberships(db: DbExecutor): Promise<{ team_id: string; agent_id: string }[]> {
  return db.selectFrom('team_members').select(['team_id', 'agent_id']).execute();
}

/** The teams an agent belongs to (what they may see of conversations transferred to a team). */
export async function listTeamIdsOfAgent(db: DbExecutor, agentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('agent_id', '=', agentId)
    .execute();
  return rows.map((row) => row.team_id).sort();
}

export async function findProfile(db: DbExecutor, agentId: string): Promise<RoutingProfileRow | undefined> {
  return db
    .selectFrom('agent_routing_profiles')
    .selectAll()
    .where('agent_id', '=', agentId)
    .executeTakeFirst();
}

export async function upsertProfile(
  db: DbExecutor,
  row: Omit<RoutingProfileRow, 'last_assigned_at'>,
): Promise<void> {
  await db
    .insertInto('agent_routing_profiles')
    .values({ ...row, last_assigned_at: null })
    .onConflict((conflict) =>
      conflict
        .column('agent_id')
        .doUpdateSet({ capacity: row.capacity, skills: row.skills, updated_at: row.updated_at }),
    )
    .execute();
}

export async function touchLastAssigned(db: DbExecutor, agentId: string, at: string): Promise<void> {
  await db
    .insertInto('agent_routing_profiles')
    .values({ agent_id: agentId, capacity: 0, skills: '{}', last_assigned_at: at, updated_at: at })
    .onConflict((conflict) => conflict.column('agent_id').doUpdateSet({ last_assigned_at: at }))
    .execute();
}

/** Active agents in the given presences with their routing profile (null columns when never configured). */
export async function listAgentsForRouting(db: DbExecutor, presences: readonly string[]) {
  return db
    .selectFrom('agents')
    .leftJoin('agent_routing_profiles', 'agent_routing_profiles.agent_id', 'agents.id')
    .select([
      'agents.id',
      'agents.presence',
      'agent_routing_profiles.capacity',
      'agent_routing_profiles.skills',
      'agent_routing_profiles.last_assigned_at',
    ])
    .where('agents.is_active', '=', 1)
    .where('agents.presence', 'in', [...presences])
    .execute();
}
