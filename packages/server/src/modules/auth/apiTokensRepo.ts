import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { ApiTokensTable } from '../../db/schema';

export type ApiTokenRow = Selectable<ApiTokensTable>;

export async function insertApiToken(db: DbExecutor, row: ApiTokenRow): Promise<void> {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiToken(db: DbExecutor, tokenId: string): Promise<ApiTokenRow | undefined> {
  return db.selectFrom('api_tokens').selectAll().where('id', '=', tokenId).executeTakeFirst();
}

export async function listApiTokens(db: DbExecutor): Promise<ApiTokenRow[]> {
  return db.selectFrom('api_tokens').selectAll().orderBy('created_at', 'desc').execute();
}

export async function revokeApiToken(db: DbExecutor, tokenId: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', tokenId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function touchApiToken(db: DbExecutor, tokenId: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', tokenId).execute();
}
