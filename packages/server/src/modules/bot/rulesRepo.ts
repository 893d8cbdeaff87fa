import type { Selectable, Updateable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { BotRulesTable } from '../../db/schema';

export type BotRuleRow = Selectable<BotRulesTable>;

export async function listBotRules(db: DbExecutor): Promise<BotRuleRow[]> {
  return db.selectFrom('bot_rules').selectAll().orderBy('priority').orderBy('id').execute();
}

export async function findBotRule(db: DbExecutor, ruleId: string): Promise<BotRuleRow | undefined> {
  return db.selectFrom('bot_rules').selectAll().where('id', '=', ruleId).executeTakeFirst();
}

export async function insertBotRule(db: DbExecutor, row: BotRuleRow): Promise<void> {
  await db.insertInto('bot_rules').values(row).execute();
}

export async function updateBotRule(
  db: DbExecutor,
  ruleId: string,
  changes: Updateable<BotRulesTable>,
): Promise<BotRuleRow | undefined> {
  return db.updateTable('bot_rules').set(changes).where('id', '=', ruleId).returningAll().executeTakeFirst();
}

export async function deleteBotRule(db: DbExecutor, ruleId: string): Promise<boolean> {
  const result = await db.deleteFrom('bot_rules').where('id', '=', ruleId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function countBotRules(db: DbExecutor): Promise<number> {
  const row = await db
    .selectFrom('bot_rules')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
