import { localDayOf, toNumber, whereFacts } from '../factQuery';
import type { ReportContext } from './reportContext';
import type { DailySeries, GroupedRow, LabeledValue } from './reportShapes';
import { toDailySeries, totalsByKey } from './reportShapes';

export interface TopicReport {
  categories: LabeledValue[];
  categoryTrend: DailySeries[];
  /** Every intent seen, most frequent first; conversations without a topic are under key null. */
  intents: LabeledValue[];
  /** The most frequent intents per day. */
  intentTrend: DailySeries[];
}

const trendIntents = 6;

/** What shoppers came for: categories and intents, in total and per day. */
export async function buildTopicReport(context: ReportContext): Promise<TopicReport> {
  const { range, locale } = context.filter;
  const categories = await countPerDay(context, 'category');
  const intents = await countPerDay(context, 'intent');
  const intentTotals = totalsByKey(intents, 'intent', locale);
  const trendKeys = new Set(
    intentTotals
      .filter((intent) => intent.key !== null)
      .slice(0, trendIntents)
      .map((intent) => intent.key),
  );
  return {
    categories: totalsByKey(categories, 'category', locale),
    categoryTrend: toDailySeries(range, categories, 'category', locale),
    intents: intentTotals,
    intentTrend: toDailySeries(
      range,
      intents.filter((row) => trendKeys.has(row.key)),
      'intent',
      locale,
    ),
  };
}

async function countPerDay(context: ReportContext, column: 'category' | 'intent'): Promise<GroupedRow[]> {
  const { db, filter } = context;
  const rows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => whereFacts(eb, filter))
    .select((eb) => [
      localDayOf(filter.range).as('day'),
      eb.ref(column).as('key'),
      eb.fn.countAll<string | number>().as('count'),
    ])
    .groupBy([localDayOf(filter.range), column])
    .execute();
  return rows.map((row) => ({ day: toNumber(row.day), key: row.key, value: toNumber(row.count) }));
}
