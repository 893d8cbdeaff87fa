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
  | 'channels:manage';

const permissionsByRole: Record<AgentRole, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([
    'conversations:read_all',
    'conversations:reassign',
    'agents:manage',
    'bot:manage',
    'commerce:manage',
    'channels:manage',
    'customers:read',
    'audit:read',
    'knowledge:edit',
    'knowledge:review',
    'routing:manage',
    'tickets:read_all',
    'sla:manage',
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
  ]),
  agent: new Set<Permission>(['customers:read', 'knowledge:edit']),
};

export interface AuthenticatedAgent {
  id: string;
  email: string;
  displayName: string;
  role: AgentRole;
  /** The teams the agent belongs to, read when the token is checked. */
  teamIds: readonly string[];
}

export function hasPermission(agent: AuthenticatedAgent, permission: Permission): boolean {
  return permissionsByRole[agent.role].has(permission);
}

/**
 * The one rule for who sees a conversation, used by the REST API (reads, actions, customers, photos) and the
 * realtime gateway alike: supervisors and admins see everything; an agent sees what is assigned to them, and
 * what nobody holds yet unless it was transferred to a team they are not in. The conversation list applies the
 * same rule in SQL (`conversations/repo.ts`, `visibleTo`).
 */
export function canAgentSeeConversation(
  agent: AuthenticatedAgent,
  conversation: { assigneeId: string | null; teamId: string | null },
): boolean {
  if (hasPermission(agent, 'conversations:read_all')) return true;
  if (conversation.assigneeId !== null) return conversation.assigneeId === agent.id;
  return conversation.teamId === null || agent.teamIds.includes(conversation.teamId);
}

/** What the SQL form of the rule needs to know about an agent; null: the agent sees everything. */
export function visibilityScopeOf(
  agent: AuthenticatedAgent,
): { agentId: string; teamIds: readonly string[] } | null {
  return hasPermission(agent, 'conversations:read_all')
    ? null
    : { agentId: agent.id, teamIds: agent.teamIds };
}

/**
 * Who sees a ticket: supervisors and admins all; an agent what is assigned to them, what their teams hold and
 * what belongs to nobody and no team. The ticket list applies the same rule in SQL (`tickets/repo.ts`).
 */
export function canAgentSeeTicket(
  agent: AuthenticatedAgent,
  ticket: { assigneeId: string | null; teamId: string | null },
): boolean {
  if (hasPermission(agent, 'tickets:read_all')) return true;
  if (ticket.assigneeId === agent.id) return true;
  if (ticket.teamId !== null) return agent.teamIds.includes(ticket.teamId);
  return ticket.assigneeId === null;
}
