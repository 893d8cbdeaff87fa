import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { CannedRepliesTable } from '../../db/schema';

export type CannedReplyRow = Selectable<CannedRepliesTable>;

/** The agent's own replies and those of the given teams (all team replies when `teamIds` is null). */
export async function listVisibleReplies(
  db: DbExecutor,
  agentId: string,
  teamIds: readonly string[] | null,
): Promise<CannedReplyRow[]> {
  return db
    .selectFrom('canned_replies')
    .selectAll()
    .where((eb) => {
      const own = eb.and([eb('scope', '=', 'personal'), eb('owner_agent_id', '=', agentId)]);
      if (teamIds === null) return eb.or([own, eb('scope', '=', 'team')]);
      if (teamIds.length === 0) return own;
      return eb.or([own, eb.and([eb('scope', '=', 'team'), eb('team_id', 'in', [...teamIds])])]);
    })
    .orderBy('category')
    .orderBy('shortcut')
    .execute();
}

export async function findReply(db: DbExecutor, id: string): Promise<CannedReplyRow | undefined> {
  return db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A reply with this shortcut in the same place (the agent's own, or the team's). */
export async function findByShortcut(
  db: DbExecutor,
  place: { scope: string; ownerAgentId: string | null; teamId: string | null },
  shortcut: string,
): Promise<CannedReplyRow | undefined> {
  let query = db
    .selectFrom('canned_replies')
    .selectAll()
    .where('scope', '=', place.scope)
    .where('shortcut', '=', shortcut);
  query =
    place.scope === 'team'
      ? query.where('team_id', '=', place.teamId)
      : query.where('owner_agent_id', '=', place.ownerAgentId);
  return query.executeTakeFirst();
}

export async function insertReply(db: DbExecutor, row: CannedReplyRow): Promise<void> {
  await db.insertInto('canned_replies').values(row).execute();
}

export async function updateReply(
  db: DbExecutor,
  id: string,
  changes: Updateable<CannedRepliesTable>,
): Promise<CannedReplyRow | undefined> {
  return db.updateTable('canned_replies').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteReply(db: DbExecutor, id: string): Promise<void> {
  await db.deleteFrom('canned_replies').where('id', '=', id).execute();
}
