import type { AgentRole } from '@kefu/sdk';

/** Every named permission; a custom role is any subset of these. */
export const permissionNames = [
  'conversations:read',
  'conversations:reply',
  'conversations:read_all',
  'conversations:reassign',
  'customers:read',
  'customers:reveal',
  /** Merge two customers into one and undo a merge (audited). */
  'customers:merge',
  'customers:export',
  'customers:erase',
  'orders:read',
  'orders:act',
  'canned:use',
  'tickets:read',
  'tickets:write',
  'tickets:read_all',
  'knowledge:edit',
  'knowledge:review',
  'knowledge:transfer',
  /** Dashboards, exports, spike alerts and QA scorecards: read only (the analyst role holds just this). */
  'reports:read',
  /** Reports of every team (without it, a reader's reports count only its own teams). */
  'reports:read_all',
  /** Acknowledge spike alerts. */
  'alerts:manage',
  /** Confirm or dismiss quality flags, rerun inspections, write coaching notes. */
  'qa:review',
  /** Quality rules: weights, limits and wording. */
  'qa:configure',
  'audit:read',
  'agents:manage',
  /** API tokens for integrations: create, list, revoke (a token holds at most its creator's permissions). */
  'tokens:manage',
  /** Require two-factor for a role, reset an agent's two-factor. */
  'security:manage',
  'bot:manage',
  'routing:manage',
  'sla:manage',
  'commerce:manage',
  'channels:manage',
  'channels:accounts',
  /** Outbound webhooks to a CRM or ERP: targets, events, signing secrets, the delivery log. */
  'integrations:manage',
  /** After-conversation offers: rules (recommendations, coupons, caps), consent, and their figures. */
  'marketing:manage',
  /** A/B tests of the bot's reply scripts: create, start, stop, read results, promote the winner. */
  'experiments:manage',
] as const;

export type Permission = (typeof permissionNames)[number];

const agentPermissions: readonly Permission[] = [
  'conversations:read',
  'conversations:reply',
  'customers:read',
  'orders:read',
  'orders:act',
  'canned:use',
  'tickets:read',
  'tickets:write',
  'knowledge:edit',
];

const supervisorPermissions: readonly Permission[] = [
  ...agentPermissions,
  'conversations:read_all',
  'conversations:reassign',
  'customers:reveal',
  'customers:merge',
  'tickets:read_all',
  'knowledge:review',
  'knowledge:transfer',
  'reports:read',
  'reports:read_all',
  'alerts:manage',
  'qa:review',
  'qa:configure',
  'audit:read',
  'routing:manage',
  'sla:manage',
  'experiments:manage',
];

/** The permissions of the built-in roles; a custom role's come from its definition. */
export const builtInRolePermissions: Record<Exclude<AgentRole, 'custom'>, readonly Permission[]> = {
  admin: permissionNames,
  supervisor: supervisorPermissions,
  agent: agentPermissions,
  analyst: ['reports:read', 'reports:read_all'],
};

export function isPermission(value: string): value is Permission {
  return permissionNames.some((name) => name === value);
}

export interface AuthenticatedAgent {
  id: string;
  email: string;
  displayName: string;
  role: AgentRole;
  /** What the agent's role allows, read when the token is checked. */
  permissions: ReadonlySet<Permission>;
  /** The teams the agent belongs to, read when the token is checked. */
  teamIds: readonly string[];
  /** Set when an integration's API token made the request: it acts for its creator with its scopes. */
  apiToken: { id: string; name: string } | null;
  /** The role requires two-factor and it is off: the session may only set it up (and sign out). */
  mustEnrolTwoFactor: boolean;
}

export function hasPermission(agent: AuthenticatedAgent, permission: Permission): boolean {
  return agent.permissions.has(permission);
}

/**
 * The one rule for who sees a conversation, used by the REST API (reads, actions, customers, photos) and the
 * realtime gateway alike: supervisors and admins see everything; an agent sees what is assigned to them, and
 * what nobody holds yet unless it was transferred to a team they are not in; a role without
 * `conversations:read` (an analyst) sees none. The conversation list applies the same rule in SQL
 * (`conversations/repo.ts`, `visibleTo`).
 */
export function canAgentSeeConversation(
  agent: AuthenticatedAgent,
  conversation: { assigneeId: string | null; teamId: string | null },
): boolean {
  if (!hasPermission(agent, 'conversations:read')) return false;
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
