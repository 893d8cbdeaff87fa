import { localDayOf, toNumber, whereFacts } from '../factQuery';
import { dateOfLocalDay } from '../timeZone';
import type { DurationStats } from './durationStats';
import { averageOf, summariseDurations } from './durationStats';
import type { ReportContext } from './reportContext';

type DurationKey = 'firstResponse' | 'handling' | 'resolution';

export interface ResponseTimeReport {
  firstResponse: DurationStats;
  handling: DurationStats;
  resolution: DurationStats;
  /** Daily averages in seconds, null on days without a value. */
  trend: Record<DurationKey, (number | null)[]>;
}

/** First response, handling and resolution times (definitions in computeConversationFacts). */
export async function buildResponseTimeReport(context: ReportContext): Promise<ResponseTimeReport> {
  const { db, filter } = context;
  const { range } = filter;
  const rows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where((eb) =>
      eb.or([
        eb('first_response_seconds', 'is not', null),
        eb('handling_seconds', 'is not', null),
        eb('resolution_seconds', 'is not', null),
      ]),
    )
    .select([localDayOf(range).as('day'), 'first_response_seconds', 'handling_seconds', 'resolution_seconds'])
    .execute();
  const indexByDate = new Map(range.days.map((date, index) => [date, index]));
  const collected: Record<DurationKey, { all: number[]; byDay: number[][] }> = {
    firstResponse: { all: [], byDay: range.days.map(() => []) },
    handling: { all: [], byDay: range.days.map(() => []) },
    resolution: { all: [], byDay: range.days.map(() => []) },
  };
  const add = (key: DurationKey, dayIndex: number | undefined, value: number | null) => {
    if (value === null) return;
    collected[key].all.push(value);
    if (dayIndex !== undefined) collected[key].byDay[dayIndex]?.push(value);
  };
  for (const row of rows) {
    const dayIndex = indexByDate.get(dateOfLocalDay(toNumber(row.day)));
    add('firstResponse', dayIndex, row.first_response_seconds);
    add('handling', dayIndex, row.handling_seconds);
    add('resolution', dayIndex, row.resolution_seconds);
  }
  return {
    firstResponse: summariseDurations(collected.firstResponse.all),
    handling: summariseDurations(collected.handling.all),
    resolution: summariseDurations(collected.resolution.all),
    trend: {
      firstResponse: collected.firstResponse.byDay.map(averageOf),
      handling: collected.handling.byDay.map(averageOf),
      resolution: collected.resolution.byDay.map(averageOf),
    },
  };
}
