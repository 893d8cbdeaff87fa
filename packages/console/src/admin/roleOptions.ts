// A role as one select value: a built-in role's name, or `custom:<id>` for a role an admin defined.
import type { AgentRole, CustomRole } from '@kefu/sdk';

export const builtInRoles: Exclude<AgentRole, 'custom'>[] = ['agent', 'supervisor', 'admin', 'analyst'];

export function toRoleValue(agent: { role: AgentRole; customRoleId: string | null }): string {
  return agent.role === 'custom' ? `custom:${agent.customRoleId ?? ''}` : agent.role;
}

export function fromRoleValue(value: string): { role: AgentRole; customRoleId?: string } {
  if (value.startsWith('custom:')) return { role: 'custom', customRoleId: value.slice('custom:'.length) };
  const role = builtInRoles.find((candidate) => candidate === value);
  return { role: role ?? 'agent' };
}

export function roleOptions(
  customRoles: CustomRole[],
  labelOf: (role: Exclude<AgentRole, 'custom'>) => string,
): { value: string; label: string }[] {
  return [
    ...builtInRoles.map((role) => ({ value: role, label: labelOf(role) })),
    ...customRoles.map((role) => ({ value: `custom:${role.id}`, label: role.name })),
  ];
}
