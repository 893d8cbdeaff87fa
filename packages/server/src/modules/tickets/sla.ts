import { isChannelKind } from '@kefu/sdk';
import { addBusinessMinutes } from '../routing';
import type { BusinessHours } from '../routing/schemas';
import type { SlaPolicyRow } from './repo';
import type { SlaPolicy, SlaTargetKind } from './schemas';

/** The first enabled policy, by position, whose priority/category/channel conditions all match (null = any). */
export function selectSlaPolicy(
  policies: readonly SlaPolicyRow[],
  ticket: { priority: string; category: string; channel: string },
): SlaPolicyRow | null {
  return (
    policies.find(
      (policy) =>
        policy.enabled === 1 &&
        (policy.match_priority === null || policy.match_priority === ticket.priority) &&
        (policy.match_category === null || policy.match_category === ticket.category) &&
        (policy.match_channel === null || policy.match_channel === ticket.channel),
    ) ?? null
  );
}

export function targetMinutes(policy: SlaPolicyRow, target: SlaTargetKind): number | null {
  if (target === 'first_response') return policy.first_response_minutes;
  if (target === 'next_response') return policy.next_response_minutes;
  return policy.resolution_minutes;
}

/** Due and warning times of a target started at `startedAt`, counted in business time when the policy says so. */
export function computeSlaTimes(
  policy: SlaPolicyRow,
  minutes: number,
  startedAt: Date,
  hours: BusinessHours,
): { warnAt: Date; dueAt: Date } {
  const calendar: BusinessHours = policy.business_hours_only === 1 ? hours : { ...hours, enabled: false };
  const dueAt = addBusinessMinutes(calendar, startedAt, minutes);
  const warnAt = addBusinessMinutes(calendar, startedAt, Math.max(0, minutes - policy.warning_minutes));
  return { warnAt, dueAt };
}

export function toSlaPolicy(row: SlaPolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    matchPriority: parsePriorityOrNull(row.match_priority),
    matchCategory: row.match_category,
    matchChannel: parseChannelOrNull(row.match_channel),
    firstResponseMinutes: row.first_response_minutes,
    nextResponseMinutes: row.next_response_minutes,
    resolutionMinutes: row.resolution_minutes,
    warningMinutes: row.warning_minutes,
    businessHoursOnly: row.business_hours_only === 1,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Defaults for a new shop, by priority; supervisors edit them. */
export const defaultSlaPolicies = [
  {
    name: 'Urgent',
    matchPriority: 'urgent',
    firstResponseMinutes: 30,
    nextResponseMinutes: 60,
    resolutionMinutes: 240,
  },
  {
    name: 'High',
    matchPriority: 'high',
    firstResponseMinutes: 60,
    nextResponseMinutes: 120,
    resolutionMinutes: 480,
  },
  {
    name: 'Normal',
    matchPriority: null,
    firstResponseMinutes: 240,
    nextResponseMinutes: 480,
    resolutionMinutes: 1440,
  },
] as const;

function parsePriorityOrNull(value: string | null): SlaPolicy['matchPriority'] {
  return value === 'low' || value === 'normal' || value === 'high' || value === 'urgent' ? value : null;
}

function parseChannelOrNull(value: string | null): SlaPolicy['matchChannel'] {
  return isChannelKind(value) ? value : null;
}
