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

export interface ReportQuery {
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
  channel?: string | undefined;
  teamId?: string | undefined;
  agentId?: string | undefined;
  category?: string | undefined;
  locale: ReportLocale;
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
  filter: { agentId?: string | undefined; teamId?: string | undefined },
  listTeams: () => Promise<{ id: string; memberIds: string[] }[]>,
): Promise<string[] | null> {
  const { agentId, teamId } = filter;
  if (!teamId) return agentId ? [agentId] : null;
  const team = (await listTeams()).find((candidate) => candidate.id === teamId);
  if (!team) throw new KefuError('team_not_found');
  return agentId ? team.memberIds.filter((memberId) => memberId === agentId) : team.memberIds;
}
