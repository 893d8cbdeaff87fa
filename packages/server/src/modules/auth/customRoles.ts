import { z } from 'zod';
import type { AgentRole } from '@kefu/sdk';
import type { Db, DbExecutor } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import type { UnitOfWork } from '../../events/outbox';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import * as rolesRepo from './customRolesRepo';
import type { CustomRoleRow } from './customRolesRepo';
import type { Permission } from './permissions';
import { builtInRolePermissions, isPermission, permissionNames } from './permissions';

export const permissionSchema = z.enum(permissionNames);
const storedPermissionsSchema = z.array(z.string());

export interface CustomRole {
  id: string;
  name: string;
  permissions: Permission[];
  createdAt: string;
  updatedAt: string;
}

export interface RoleInput {
  name: string;
  permissions: Permission[];
}

/**
 * Roles an admin defines from named permissions, beside the built-in admin, supervisor, agent and analyst.
 * Every change is audited; a role still held by an agent cannot be deleted.
 */
export class CustomRoles {
  constructor(
    private readonly db: Db,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async list(): Promise<CustomRole[]> {
    return (await rolesRepo.listCustomRoles(this.db)).map(toCustomRole);
  }

  /** Inside a use-case's transaction pass it as `executor`: SQLite has one connection, held by it. */
  async requireRole(roleId: string, executor: DbExecutor = this.db): Promise<CustomRole> {
    const row = await rolesRepo.findCustomRole(executor, roleId);
    if (!row) throw new KefuError('role_not_found');
    return toCustomRole(row);
  }

  /** The permissions an agent's role grants (an unknown custom role grants none). */
  async permissionsOf(role: AgentRole, customRoleId: string | null): Promise<ReadonlySet<Permission>> {
    if (role !== 'custom') return new Set(builtInRolePermissions[role]);
    const row = customRoleId ? await rolesRepo.findCustomRole(this.db, customRoleId) : undefined;
    return new Set(row ? toCustomRole(row).permissions : []);
  }

  async create(input: RoleInput, actorId: string): Promise<CustomRole> {
    return this.unitOfWork.run(async ({ trx, now }) => {
      if (await rolesRepo.findCustomRoleByName(trx, input.name)) throw new KefuError('role_name_taken');
      const row: CustomRoleRow = {
        id: newId('rol'),
        name: input.name,
        permissions: JSON.stringify(sortPermissions(input.permissions)),
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      };
      await rolesRepo.insertCustomRole(trx, row);
      await recordAudit(trx, roleAudit(actorId, 'role.created', row.id, { after: toCustomRole(row) }), now);
      return toCustomRole(row);
    });
  }

  async update(roleId: string, input: RoleInput, actorId: string): Promise<CustomRole> {
    return this.unitOfWork.run(async ({ trx, now }) => {
      const before = await rolesRepo.findCustomRole(trx, roleId);
      if (!before) throw new KefuError('role_not_found');
      const sameName = await rolesRepo.findCustomRoleByName(trx, input.name);
      if (sameName && sameName.id !== roleId) throw new KefuError('role_name_taken');
      const after = await rolesRepo.updateCustomRole(trx, roleId, {
        name: input.name,
        permissions: JSON.stringify(sortPermissions(input.permissions)),
        updated_at: now.toISOString(),
      });
      if (!after) throw new KefuError('role_not_found');
      const change = { before: toCustomRole(before), after: toCustomRole(after) };
      await recordAudit(trx, roleAudit(actorId, 'role.updated', roleId, change), now);
      return toCustomRole(after);
    });
  }

  async remove(roleId: string, actorId: string): Promise<void> {
    await this.unitOfWork.run(async ({ trx, now }) => {
      const before = await rolesRepo.findCustomRole(trx, roleId);
      if (!before) throw new KefuError('role_not_found');
      if ((await rolesRepo.countAgentsWithCustomRole(trx, roleId)) > 0) throw new KefuError('role_in_use');
      await rolesRepo.deleteCustomRole(trx, roleId);
      await recordAudit(
        trx,
        roleAudit(actorId, 'role.deleted', roleId, { before: toCustomRole(before) }),
        now,
      );
    });
  }
}

function toCustomRole(row: CustomRoleRow): CustomRole {
  return {
    id: row.id,
    name: row.name,
    // A permission renamed or removed in a later version is dropped instead of failing the sign-in.
    permissions: parseJsonColumn(row.permissions, storedPermissionsSchema).filter(isPermission),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function sortPermissions(permissions: Permission[]): Permission[] {
  return [...new Set(permissions)].sort();
}

function roleAudit(actorId: string, action: string, roleId: string, data: Record<string, unknown>) {
  return { actorType: 'agent' as const, actorId, action, targetType: 'role', targetId: roleId, data };
}
