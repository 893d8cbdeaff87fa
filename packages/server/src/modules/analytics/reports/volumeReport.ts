import { localDayOf, localHourOf, toNumber, whereFacts } from '../factQuery';
import type { ReportContext } from './reportContext';
import type { DailySeries, LabeledValue } from './reportShapes';
import { toDailySeries, totalsByKey } from './reportShapes';

export interface VolumeReport {
  /** Conversations started per day, one series per channel. */
  byDay: DailySeries[];
  /** Conversations started per local hour of day (index 0 = 00:00–00:59). */
  byHourOfDay: number[];
  byChannel: LabeledValue[];
  /** Shopper messages per day. */
  customerMessagesByDay: number[];
}

/** How many conversations started when, and on which channel. */
export async function buildVolumeReport(context: ReportContext): Promise<VolumeReport> {
  const { db, filter } = context;
  const { range, locale } = filter;
  const rows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .select((eb) => [
      localDayOf(range).as('day'),
      localHourOf(range).as('hour'),
      'channel',
      eb.fn.countAll<string | number>().as('conversations'),
      eb.fn.sum<string | number>('customer_messages').as('customer_messages'),
    ])
    .groupBy([localDayOf(range), localHourOf(range), 'channel'])
    .execute();
  const grouped = rows.map((row) => ({
    day: toNumber(row.day),
    hour: toNumber(row.hour),
    key: row.channel,
    value: toNumber(row.conversations),
  }));
  const byHourOfDay = Array.from({ length: 24 }, () => 0);
  for (const row of grouped) byHourOfDay[row.hour] = (byHourOfDay[row.hour] ?? 0) + row.value;
  const messageSeries = toDailySeries(
    range,
    rows.map((row) => ({ day: toNumber(row.day), key: null, value: toNumber(row.customer_messages) })),
    'channel',
    locale,
  );
  return {
    byDay: toDailySeries(range, grouped, 'channel', locale),
    byHourOfDay,
    byChannel: totalsByKey(grouped, 'channel', locale),
    customerMessagesByDay: messageSeries[0]?.values ?? range.days.map(() => 0),
  };
}
