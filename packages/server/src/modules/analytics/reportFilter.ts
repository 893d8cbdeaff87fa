import { KefuError } from '../../errors';
import type { ReportLocale } from './labels';
import type { OffsetSegment } from './timeZone';
import { addDays, datesBetween, localDateOf, localMidnightToEpochMs, offsetSegments } from './timeZone';

/** A report's dates in its time zone: days from `from` to `to` (both included). */
export interface ReportRange {
  from: string;
  to: string;
  timeZone: string;
  /** First epoch minute (UTC) of `from`, local midnight. */
  startMinute: number;
  /** First epoch minute after `to`. */
  endMinute: number;
  segments: OffsetSegment[];
  days: string[];
}

/** What a report counts: conversations started in the range, narrowed by the other filters. */
export interface ReportFilter {
  range: ReportRange;
  channel: string | null;
  category: string | null;
  /** The handling agents allowed (an agent, a team's members or both); null: any. */
  agentIds: string[] | null;
  /** Tickets also count for a team when they were routed to it. */
  teamId: string | null;
  locale: ReportLocale;
}

/**
 * Team scoping of the reports: a reader without `reports:read_all` counts only the conversations its teams'
 * members (and itself) handled, and may filter only by its own teams. null: every team's.
 */
export interface ReportScope {
  teamIds: readonly string[];
  agentIds: readonly string[];
}

/** Who reads a report, as the auth module authenticated them. */
export interface ReportReader {
  id: string;
  permissions: ReadonlySet<string>;
  teamIds: readonly string[];
}

export async function reportScopeOf(
  reader: ReportReader,
  listTeams: () => Promise<{ id: string; memberIds: string[] }[]>,
): Promise<ReportScope | null> {
  if (reader.permissions.has('reports:read_all')) return null;
  const teams = (await listTeams()).filter((team) => reader.teamIds.includes(team.id));
  return {
    teamIds: reader.teamIds,
    agentIds: [...new Set([reader.id, ...teams.flatMap((team) => team.memberIds)])],
  };
}

/** Whether a scoped reader may see what this agent handled (nobody's: only readers of every team). */
export function isWithinScope(scope: ReportScope | null | undefined, agentId: string | null): boolean {
  if (!scope) return true;
  return agentId !== null && scope.agentIds.includes(agentId);
}

export interface ReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
  channel?: string | undefined;
  teamId?: string | undefined;
  agentId?: string | undefined;
  category?: string | undefined;
  locale: ReportLocale;
  scope?: ReportScope | null | undefined;
}

export const maxRangeDays = 366;
const defaultRangeDays = 7;

export function resolveReportRange(
  query: Pick<ReportQuery, 'from' | 'to' | 'timeZone'>,
  now: Date,
): ReportRange {
  const today = localDateOf(now.getTime(), query.timeZone);
  const to = query.to ?? (query.from ? addDays(query.from, defaultRangeDays - 1) : today);
  const from = query.from ?? addDays(to, -(defaultRangeDays - 1));
  if (from > to) throw new KefuError('validation_failed', '`from` must not be after `to`');
  const days = datesBetween(from, to);
  if (days.length > maxRangeDays)
    throw new KefuError('validation_failed', `A report covers at most ${maxRangeDays} days`);
  const startMinute = Math.floor(localMidnightToEpochMs(from, query.timeZone) / 60_000);
  const endMinute = Math.floor(localMidnightToEpochMs(addDays(to, 1), query.timeZone) / 60_000);
  return {
    from,
    to,
    timeZone: query.timeZone,
    startMinute,
    endMinute,
    segments: offsetSegments(query.timeZone, startMinute, endMinute),
    days,
  };
}

/**
 * The agents a filter allows: the agent, the team's members, both (their overlap) or null for anyone. An unknown
 * team is a 404.
 */
export async function allowedAgents(
  filter: {
    agentId?: string | undefined;
    teamId?: string | undefined;
    scope?: ReportScope | null | undefined;
  },
  listTeams: () => Promise<{ id: string; memberIds: string[] }[]>,
): Promise<string[] | null> {
  const { scope } = filter;
  if (scope && filter.teamId && !scope.teamIds.includes(filter.teamId))
    throw new KefuError('forbidden', 'You read the reports of your own teams only');
  const wanted = await wantedAgents(filter, listTeams);
  if (!scope) return wanted;
  return (wanted ?? scope.agentIds).filter((agentId) => scope.agentIds.includes(agentId));
}

async function wantedAgents(
  filter: { agentId?: string | undefined; teamId?: string | undefined },
  listTeams: () => Promise<{ id: string; memberIds: string[] }[]>,
): Promise<string[] | null> {
  const { agentId, teamId } = filter;
  if (!teamId) return agentId ? [agentId] : null;
  const team = (await listTeams()).find((candidate) => candidate.id === teamId);
  if (!team) throw new KefuError('team_not_found');
  return agentId ? team.memberIds.filter((memberId) => memberId === agentId) : team.memberIds;
}
