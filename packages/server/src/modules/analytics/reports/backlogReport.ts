import { localDayOf, toNumber, whereDimensions } from '../factQuery';
import type { ReportContext } from './reportContext';
import type { LabeledValue } from './reportShapes';
import { totalsByKey, valuesByDay } from './reportShapes';

export interface BacklogReport {
  /** Conversations with people now (queued or with an agent), by status. */
  open: LabeledValue[];
  /** The same by how long ago people took them on: under 1 h, 1–4 h, 4–24 h, over 24 h. */
  openByAge: number[];
  /** Conversations with people and not yet resolved at the end of each day of the range. */
  endOfDay: number[];
}

const ageLimitsMinutes = [60, 240, 1440];

/**
 * What is waiting for people. Over time, a conversation counts from the moment people took it on (handoff or
 * first agent reply) until it was resolved; one handed back to the bot is left out.
 */
export async function buildBacklogReport(context: ReportContext): Promise<BacklogReport> {
  const { db, filter, now } = context;
  const { range, locale } = filter;
  const nowMinute = Math.floor(now.getTime() / 60_000);
  const openRows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => eb.and(whereDimensions(eb, filter)))
    .where('status', 'in', ['queued', 'assigned'])
    .select(['status', 'human_start_minute'])
    .execute();
  const openByAge = [0, 0, 0, 0];
  for (const row of openRows) {
    const ageMinutes = nowMinute - (row.human_start_minute ?? nowMinute);
    const bucket = ageLimitsMinutes.findIndex((limit) => ageMinutes < limit);
    const index = bucket === -1 ? ageLimitsMinutes.length : bucket;
    openByAge[index] = (openByAge[index] ?? 0) + 1;
  }
  const inHumanHands = db
    .selectFrom('analytics_conversations')
    .where((eb) => eb.and(whereDimensions(eb, filter)))
    .where('human_start_minute', 'is not', null)
    .where('status', '!=', 'bot');
  const before = await inHumanHands
    .where('human_start_minute', '<', range.startMinute)
    .where((eb) => eb.or([eb('resolved_minute', 'is', null), eb('resolved_minute', '>=', range.startMinute)]))
    .select((eb) => eb.fn.countAll<string | number>().as('count'))
    .executeTakeFirstOrThrow();
  const countPerDay = async (column: 'human_start_minute' | 'resolved_minute') => {
    const rows = await inHumanHands
      .where(column, '>=', range.startMinute)
      .where(column, '<', range.endMinute)
      .select((eb) => [localDayOf(range, column).as('day'), eb.fn.countAll<string | number>().as('count')])
      .groupBy(localDayOf(range, column))
      .execute();
    return valuesByDay(
      range,
      rows.map((row) => ({ day: toNumber(row.day), value: toNumber(row.count) })),
    );
  };
  const startedByDay = await countPerDay('human_start_minute');
  const resolvedByDay = await countPerDay('resolved_minute');
  let open = toNumber(before.count);
  const endOfDay = range.days.map((_date, index) => {
    open += (startedByDay[index] ?? 0) - (resolvedByDay[index] ?? 0);
    return open;
  });
  return {
    open: totalsByKey(
      openRows.map((row) => ({ key: row.status, value: 1 })),
      'status',
      locale,
    ),
    openByAge,
    endOfDay,
  };
}
