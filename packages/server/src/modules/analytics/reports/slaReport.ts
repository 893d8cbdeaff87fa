import { labelOf } from '../labels';
import { listSlaTargets } from '../sources/ticketRecords';
import type { SlaTargetRecord } from '../sources/ticketRecords';
import { localDateOf } from '../timeZone';
import type { ReportContext } from './reportContext';
import { ratio } from './reportShapes';

export interface SlaAttainment {
  key: string | null;
  label: string;
  met: number;
  missed: number;
  attainment: number | null;
}

export interface SlaReport {
  overall: SlaAttainment;
  byTarget: SlaAttainment[];
  /** Attainment of the targets due each day, null on days with none. */
  trend: (number | null)[];
}

type Outcome = 'met' | 'missed' | 'pending';

/**
 * Ticket SLA targets due in the range: met when met by the due time; missed when breached or met late, or when
 * the due time has passed unmet; those still running are left out.
 */
export async function buildSlaReport(context: ReportContext): Promise<SlaReport> {
  const { db, filter, now } = context;
  const { range, locale } = filter;
  const targets = await listSlaTargets(db, {
    dueFrom: new Date(range.startMinute * 60_000).toISOString(),
    dueBefore: new Date(range.endMinute * 60_000).toISOString(),
    channel: filter.channel,
    category: filter.category,
    agentIds: filter.agentIds,
    teamId: filter.teamId,
  });
  const nowIso = now.toISOString();
  const overall = emptyAttainment(null, locale === 'en' ? 'All targets' : '全部目标');
  const byTarget = new Map<string, SlaAttainment>();
  const perDay = range.days.map(() => ({ met: 0, missed: 0 }));
  const indexByDate = new Map(range.days.map((date, index) => [date, index]));
  for (const target of targets) {
    const outcome = outcomeOf(target, nowIso);
    if (outcome === 'pending') continue;
    const forTarget =
      byTarget.get(target.target) ??
      emptyAttainment(target.target, labelOf('slaTarget', target.target, locale));
    byTarget.set(target.target, forTarget);
    const day = perDay[indexByDate.get(localDateOf(Date.parse(target.dueAt), range.timeZone)) ?? -1];
    for (const tally of [overall, forTarget, ...(day ? [day] : [])]) tally[outcome] += 1;
  }
  return {
    overall: withAttainment(overall),
    byTarget: [...byTarget.values()].map(withAttainment),
    trend: perDay.map((day) => ratio(day.met, day.met + day.missed)),
  };
}

function outcomeOf(target: SlaTargetRecord, nowIso: string): Outcome {
  if (target.breachedAt !== null) return 'missed';
  if (target.metAt !== null) return target.metAt <= target.dueAt ? 'met' : 'missed';
  return target.dueAt <= nowIso ? 'missed' : 'pending';
}

function emptyAttainment(key: string | null, label: string): SlaAttainment {
  return { key, label, met: 0, missed: 0, attainment: null };
}

function withAttainment(tally: SlaAttainment): SlaAttainment {
  return { ...tally, attainment: ratio(tally.met, tally.met + tally.missed) };
}
