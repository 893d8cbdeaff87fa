import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import type { ChannelAccountsTable } from '../../../db/schema';

export type ChannelAccountRow = Selectable<ChannelAccountsTable>;

export async function insertChannelAccount(db: DbExecutor, row: ChannelAccountRow): Promise<void> {
  await db.insertInto('channel_accounts').values(row).execute();
}

export function findChannelAccount(db: DbExecutor, id: string): Promise<ChannelAccountRow | undefined> {
  return db.selectFrom('channel_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listChannelAccountRows(db: DbExecutor): Promise<ChannelAccountRow[]> {
  return db.selectFrom('channel_accounts').selectAll().orderBy('id').execute();
}

export async function updateChannelAccountRow(
  db: DbExecutor,
  id: string,
  changes: Partial<Omit<ChannelAccountRow, 'id' | 'kind' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('channel_accounts').set(changes).where('id', '=', id).execute();
}

export async function saveSyncCursor(db: DbExecutor, id: string, cursor: string | null): Promise<void> {
  await db.updateTable('channel_accounts').set({ sync_cursor: cursor }).where('id', '=', id).execute();
}
