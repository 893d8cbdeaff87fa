import { localDayOf, toNullableNumber, toNumber, whereFacts } from '../factQuery';
import type { ReportContext } from './reportContext';
import { ratio, valuesByDay } from './reportShapes';

export interface CsatReport {
  /** Surveys sent after a resolution. */
  requested: number;
  rated: number;
  responseRate: number | null;
  average: number | null;
  /** Share of ratings of 4 or 5. */
  satisfiedRate: number | null;
  /** Ratings 1 to 5 (index 0 = 1 star). */
  distribution: number[];
  trend: { rated: number[]; average: (number | null)[] };
}

/** Satisfaction ratings (the latest of each conversation) of the conversations a filter selects. */
export async function buildCsatReport(context: ReportContext): Promise<CsatReport> {
  const { db, filter } = context;
  const { range } = filter;
  const rows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where('csat_requested', '=', 1)
    .select((eb) => [
      localDayOf(range).as('day'),
      'csat_rating',
      eb.fn.countAll<string | number>().as('count'),
    ])
    .groupBy([localDayOf(range), 'csat_rating'])
    .execute();
  const distribution = [0, 0, 0, 0, 0];
  let requested = 0;
  for (const row of rows) {
    const count = toNumber(row.count);
    requested += count;
    const rating = toNullableNumber(row.csat_rating);
    if (rating !== null && rating >= 1 && rating <= 5)
      distribution[rating - 1] = (distribution[rating - 1] ?? 0) + count;
  }
  const ratedRows = rows.filter((row) => row.csat_rating !== null);
  const ratedByDay = valuesByDay(
    range,
    ratedRows.map((row) => ({ day: toNumber(row.day), value: toNumber(row.count) })),
  );
  const pointsByDay = valuesByDay(
    range,
    ratedRows.map((row) => ({
      day: toNumber(row.day),
      value: toNumber(row.count) * toNumber(row.csat_rating),
    })),
  );
  const rated = distribution.reduce((total, count) => total + count, 0);
  const points = distribution.reduce((total, count, index) => total + count * (index + 1), 0);
  return {
    requested,
    rated,
    responseRate: ratio(rated, requested),
    average: ratio(points, rated),
    satisfiedRate: ratio((distribution[3] ?? 0) + (distribution[4] ?? 0), rated),
    distribution,
    trend: {
      rated: ratedByDay,
      average: ratedByDay.map((count, index) => ratio(pointsByDay[index] ?? 0, count)),
    },
  };
}
