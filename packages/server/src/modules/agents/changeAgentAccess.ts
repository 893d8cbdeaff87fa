import type { AgentRole } from '@kefu/sdk';
import type { UnitOfWork } from '../../events/outbox';
import { KefuError } from '../../errors';
import type { DbExecutor } from '../../db/database';
import { recordAudit } from '../audit';
import type { CustomRoles } from '../auth';
import * as agentsRepo from './repo';
import type { AgentProfile } from './service';
import { toAgentProfile } from './service';

export interface AgentAccessChange {
  role?: AgentRole | undefined;
  /** Required when the new role is `custom`. */
  customRoleId?: string | null | undefined;
  isActive?: boolean | undefined;
}

export interface AgentAccessDependencies {
  unitOfWork: UnitOfWork;
  roles: Pick<CustomRoles, 'requireRole' | 'permissionsOf'>;
  /** Ends the agent's sessions, in the same transaction as the change. */
  endSessions(trx: DbExecutor, agentId: string, now: string): Promise<void>;
  /** Takes the agent off the routing (their conversations go back to the queue). */
  setOffline(agentId: string): Promise<unknown>;
}

/**
 * Changes an agent's role or deactivates them, audited with before and after. Their sessions end (a
 * deactivated agent is out at once; a new role starts from a fresh sign-in), and an agent who may no longer
 * answer shoppers goes offline. The last active admin keeps the role, so the shop is never locked out.
 */
export async function changeAgentAccess(
  dependencies: AgentAccessDependencies,
  agentId: string,
  change: AgentAccessChange,
  actorId: string,
): Promise<AgentProfile> {
  const updated = await dependencies.unitOfWork.run(async ({ trx, now }) => {
    const before = await agentsRepo.findAgentById(trx, agentId);
    if (!before) throw new KefuError('agent_not_found');
    const role = change.role ?? toAgentProfile(before).role;
    const customRoleId =
      role === 'custom'
        ? (await dependencies.roles.requireRole(change.customRoleId ?? before.custom_role_id ?? '', trx)).id
        : null;
    const isActive = change.isActive ?? before.is_active === 1;
    const wasActiveAdmin = before.role === 'admin' && before.is_active === 1;
    if (wasActiveAdmin && (role !== 'admin' || !isActive) && (await agentsRepo.countActiveAdmins(trx)) <= 1)
      throw new KefuError('last_admin');
    const after = await agentsRepo.updateAgent(trx, agentId, {
      role,
      custom_role_id: customRoleId,
      is_active: isActive ? 1 : 0,
      updated_at: now.toISOString(),
    });
    if (!after) throw new KefuError('agent_not_found');
    await dependencies.endSessions(trx, agentId, now.toISOString());
    await recordAudit(
      trx,
      {
        actorType: 'agent',
        actorId,
        action: 'agent.access_changed',
        targetType: 'agent',
        targetId: agentId,
        data: {
          before: {
            role: before.role,
            customRoleId: before.custom_role_id,
            isActive: before.is_active === 1,
          },
          after: { role, customRoleId, isActive },
        },
      },
      now,
    );
    return toAgentProfile(after);
  });
  const permissions = await dependencies.roles.permissionsOf(updated.role, updated.customRoleId);
  if (!updated.isActive || !permissions.has('conversations:reply')) await dependencies.setOffline(agentId);
  return updated;
}
