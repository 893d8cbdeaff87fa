import { localDayOf, toNumber, whereFacts } from '../factQuery';
import type { ReportContext } from './reportContext';
import type { LabeledValue } from './reportShapes';
import { ratio, sum, totalsByKey, valuesByDay } from './reportShapes';

export interface BotReport {
  engaged: number;
  contained: number;
  handedOff: number;
  containmentRate: number | null;
  handoffRate: number | null;
  /** The reason of each conversation's first handoff. */
  handoffReasons: LabeledValue[];
  trend: { engaged: number[]; contained: number[]; handedOff: number[] };
}

/** How much the bot settled on its own, and why conversations went to people. */
export async function buildBotReport(context: ReportContext): Promise<BotReport> {
  const { db, filter } = context;
  const { range, locale } = filter;
  const dailyRows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where('customer_messages', '>', 0)
    .select((eb) => [
      localDayOf(range).as('day'),
      eb.fn.countAll<string | number>().as('engaged'),
      eb.fn.sum<string | number>('bot_contained').as('contained'),
      eb.fn.sum<string | number>('handed_off').as('handed_off'),
    ])
    .groupBy(localDayOf(range))
    .execute();
  const reasonRows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .where('handed_off', '=', 1)
    .where('customer_messages', '>', 0)
    .select((eb) => ['handoff_reason', eb.fn.countAll<string | number>().as('count')])
    .groupBy('handoff_reason')
    .execute();
  const byDay = (read: (row: (typeof dailyRows)[number]) => string | number | null) =>
    valuesByDay(
      range,
      dailyRows.map((row) => ({ day: toNumber(row.day), value: toNumber(read(row)) })),
    );
  const trend = {
    engaged: byDay((row) => row.engaged),
    contained: byDay((row) => row.contained),
    handedOff: byDay((row) => row.handed_off),
  };
  const engaged = sum(trend.engaged);
  const contained = sum(trend.contained);
  const handedOff = sum(trend.handedOff);
  return {
    engaged,
    contained,
    handedOff,
    containmentRate: ratio(contained, engaged),
    handoffRate: ratio(handedOff, engaged),
    handoffReasons: totalsByKey(
      reasonRows.map((row) => ({ key: row.handoff_reason, value: toNumber(row.count) })),
      'handoffReason',
      locale,
    ),
    trend,
  };
}
