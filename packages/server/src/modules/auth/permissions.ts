import type { AgentRole } from '@kefu/sdk';

export type Permission =
  | 'conversations:read_all'
  | 'conversations:reassign'
  | 'agents:manage'
  | 'bot:manage'
  | 'customers:read'
  | 'audit:read'
  | 'knowledge:edit'
  | 'knowledge:review'
  | 'routing:manage'
  | 'tickets:read_all'
  | 'sla:manage'
  | 'commerce:manage'
  /** Dashboards, exports, spike alerts and QA scorecards: read only (an analyst role may hold just this). */
  | 'reports:read'
  /** Acknowledge spike alerts. */
  | 'alerts:manage'
  /** Confirm or dismiss quality flags, rerun inspections, write coaching notes. */
  | 'qa:review'
  /** Quality rules: weights, limits and wording. */
  | 'qa:configure';

const permissionsByRole: Record<AgentRole, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    'conversations:read_all',
    'conversations:reassign',
    'agents:manage',
    'bot:manage',
    'commerce:manage',
    'customers:read',
    'audit:read',
    'knowledge:edit',
    'knowledge:review',
    'routing:manage',
    'tickets:read_all',
    'sla:manage',
    'reports:read',
    'alerts:manage',
    'qa:review',
    'qa:configure',
  ]),
  supervisor: new Set<Permission>([
    'conversations:read_all',
    'conversations:reassign',
    'customers:read',
    'audit:read',
    'knowledge:edit',
    'knowledge:review',
    'routing:manage',
    'tickets:read_all',
    'sla:manage',
    'reports:read',
    'alerts:manage',
    'qa:review',
    'qa:configure',
  ]),
  agent: new Set<Permission>(['customers:read', 'knowledge:edit']),
};

export interface AuthenticatedAgent {
  id: string;
  email: string;
  displayName: string;
  role: AgentRole;
}

export function hasPermission(agent: AuthenticatedAgent, permission: Permission): boolean {
  return permissionsByRole[agent.role].has(permission);
}

/**
 * The one rule for who sees a conversation, used by the REST API and the realtime gateway alike:
 * supervisors and admins see everything; an agent sees what is assigned to them and what nobody holds yet.
 */
export function canAgentSeeConversation(
  agent: AuthenticatedAgent,
  conversation: { assigneeId: string | null },
): boolean {
  if (hasPermission(agent, 'conversations:read_all')) return true;
  return conversation.assigneeId === null || conversation.assigneeId === agent.id;
}
