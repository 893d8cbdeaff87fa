import type { Selectable } from 'kysely';
import type { DbExecutor } from '../../db/database';
import type { CustomRolesTable } from '../../db/schema';

export type CustomRoleRow = Selectable<CustomRolesTable>;

export async function listCustomRoles(db: DbExecutor): Promise<CustomRoleRow[]> {
  return db.selectFrom('custom_roles').selectAll().orderBy('name').execute();
}

export async function findCustomRole(db: DbExecutor, roleId: string): Promise<CustomRoleRow | undefined> {
  return db.selectFrom('custom_roles').selectAll().where('id', '=', roleId).executeTakeFirst();
}

export async function findCustomRoleByName(db: DbExecutor, name: string): Promise<CustomRoleRow | undefined> {
  return db.selectFrom('custom_roles').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertCustomRole(db: DbExecutor, row: CustomRoleRow): Promise<void> {
  await db.insertInto('custom_roles').values(row).execute();
}

export async function updateCustomRole(
  db: DbExecutor,
  roleId: string,
  changes: Pick<CustomRoleRow, 'name' | 'permissions' | 'updated_at'>,
): Promise<CustomRoleRow | undefined> {
  return db
    .updateTable('custom_roles')
    .set(changes)
    .where('id', '=', roleId)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteCustomRole(db: DbExecutor, roleId: string): Promise<void> {
  await db.deleteFrom('custom_roles').where('id', '=', roleId).execute();
}

export async function countAgentsWithCustomRole(db: DbExecutor, roleId: string): Promise<number> {
  const row = await db
    .selectFrom('agents')
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .where('custom_role_id', '=', roleId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
