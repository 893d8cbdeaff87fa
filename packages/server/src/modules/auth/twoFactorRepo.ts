import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { AgentTwoFactorTable, LoginChallengesTable } from '../../db/schema';

export type TwoFactorRow = Selectable<AgentTwoFactorTable>;

export async function findTwoFactor(db: DbExecutor, agentId: string): Promise<TwoFactorRow | undefined> {
  return db.selectFrom('agent_two_factor').selectAll().where('id', '=', agentId).executeTakeFirst();
}

/** Starts (or restarts) an enrolment that is not confirmed yet. */
export async function savePendingTwoFactor(db: DbExecutor, agentId: string, secret: string, now: string) {
  await db.deleteFrom('agent_two_factor').where('id', '=', agentId).execute();
  await db
    .insertInto('agent_two_factor')
    .values({ id: agentId, secret, confirmed_at: null, last_used_step: null, created_at: now })
    .execute();
}

export async function confirmTwoFactor(db: DbExecutor, agentId: string, step: number, now: string) {
  await db
    .updateTable('agent_two_factor')
    .set({ confirmed_at: now, last_used_step: step })
    .where('id', '=', agentId)
    .execute();
}

/** Records that the code of `step` was used; false when it (or a later one) already was: a replay. */
export async function claimTotpStep(db: DbExecutor, agentId: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('agent_two_factor')
    .set({ last_used_step: step })
    .where('id', '=', agentId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteTwoFactor(db: DbExecutor, agentId: string): Promise<void> {
  await db.deleteFrom('agent_two_factor').where('id', '=', agentId).execute();
  await db.deleteFrom('agent_recovery_codes').where('agent_id', '=', agentId).execute();
}

export async function listConfirmedAgentIds(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectFrom('agent_two_factor')
    .select('id')
    .where('confirmed_at', 'is not', null)
    .execute();
  return rows.map((row) => row.id);
}

export async function replaceRecoveryCodes(
  db: DbExecutor,
  agentId: string,
  codes: { id: string; code_hash: string }[],
): Promise<void> {
  await db.deleteFrom('agent_recovery_codes').where('agent_id', '=', agentId).execute();
  await db
    .insertInto('agent_recovery_codes')
    .values(codes.map((code) => ({ ...code, agent_id: agentId, used_at: null })))
    .execute();
}

/** Uses a recovery code once: false when it is unknown or already used. */
export async function useRecoveryCode(db: DbExecutor, agentId: string, codeHash: string, now: string) {
  const result = await db
    .updateTable('agent_recovery_codes')
    .set({ used_at: now })
    .where('agent_id', '=', agentId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function countUnusedRecoveryCodes(db: DbExecutor, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('agent_recovery_codes')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('agent_id', '=', agentId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export type LoginChallengeRow = Selectable<LoginChallengesTable>;

export async function insertChallenge(db: DbExecutor, row: LoginChallengeRow): Promise<void> {
  await db.insertInto('login_challenges').values(row).execute();
}

export async function findLiveChallenge(db: DbExecutor, tokenHash: string, now: string) {
  return db
    .selectFrom('login_challenges')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function useChallenge(db: DbExecutor, tokenHash: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('login_challenges')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listRequiredRoleKeys(db: DbExecutor): Promise<string[]> {
  const rows = await db
    .selectFrom('two_factor_required_roles')
    .select('role_key')
    .orderBy('role_key')
    .execute();
  return rows.map((row) => row.role_key);
}

export async function replaceRequiredRoleKeys(db: DbExecutor, roleKeys: string[], now: string) {
  await db.deleteFrom('two_factor_required_roles').execute();
  if (roleKeys.length > 0)
    await db
      .insertInto('two_factor_required_roles')
      .values(roleKeys.map((role_key) => ({ role_key, created_at: now })))
      .execute();
}
