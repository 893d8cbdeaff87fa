import type { RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { DbExecutor } from '../../../db/database';
import { toNumber } from '../factQuery';
import type { TopicKind, TopicWindowCounts, VolumeWindowCounts } from './spikeDetector';

/** The current window ends at `endMinute`; the baseline windows are the same minutes on each of `days` days before. */
export interface WindowSpec {
  endMinute: number;
  windowMinutes: number;
  days: number;
}

type FactColumn = 'intent' | 'category' | 'product_id';
const factColumns: Record<'intent' | 'category' | 'product', FactColumn> = {
  intent: 'intent',
  category: 'category',
  product: 'product_id',
};

/** Counts per topic and window (index 0: now, k: k days before), for every topic of the current window. */
export async function countTopicWindows(
  db: DbExecutor,
  spec: WindowSpec,
): Promise<{ topics: TopicWindowCounts[]; volume: VolumeWindowCounts }> {
  const volumeRows = await db
    .selectFrom('analytics_conversations')
    .where((eb) => eb.and(inWindows(spec)))
    .select((eb) => [daysBack(spec).as('days_back'), eb.fn.countAll<string | number>().as('count')])
    .groupBy(daysBack(spec))
    .execute();
  const volume = toWindows(
    spec,
    volumeRows.map((row) => ({ daysBack: toNumber(row.days_back), count: row.count })),
  );
  const series: TopicWindowCounts[] = [];
  for (const [topicKind, column] of Object.entries(factColumns)) {
    if (!isFactKind(topicKind)) continue;
    const rows = await db
      .selectFrom('analytics_conversations')
      .where((eb) => eb.and(inWindows(spec)))
      .where(column, 'is not', null)
      .select((eb) => [
        eb.ref(column).as('topic'),
        daysBack(spec).as('days_back'),
        eb.fn.countAll<string | number>().as('count'),
      ])
      .groupBy([column, daysBack(spec)])
      .execute();
    series.push(
      ...toSeries(
        spec,
        rows.map((row) => ({ ...row, kind: topicKind })),
      ),
    );
  }
  const keywordRows = await db
    .selectFrom('analytics_conversation_topics')
    .where((eb) => eb.and(inWindows(spec)))
    .select((eb) => [
      'kind',
      'topic',
      daysBack(spec).as('days_back'),
      eb.fn.countAll<string | number>().as('count'),
    ])
    .groupBy(['kind', 'topic', daysBack(spec)])
    .execute();
  series.push(
    ...toSeries(
      spec,
      keywordRows.flatMap((row) => (isKeywordKind(row.kind) ? [{ ...row, kind: row.kind }] : [])),
    ),
  );
  return { topics: series, volume };
}

/** The topics among `candidates` that occurred at all in the baseline days before the current window. */
export async function findTopicsSeenBefore(
  db: DbExecutor,
  spec: WindowSpec,
  topicKind: TopicKind,
  candidates: readonly string[],
): Promise<Set<string>> {
  if (candidates.length === 0) return new Set();
  const windowStart = spec.endMinute - spec.windowMinutes;
  const from = windowStart - spec.days * 1440;
  if (topicKind === 'keyword' || topicKind === 'product_keyword') {
    const rows = await db
      .selectFrom('analytics_conversation_topics')
      .select('topic')
      .distinct()
      .where('kind', '=', topicKind)
      .where('topic', 'in', [...candidates])
      .where('created_minute', '>=', from)
      .where('created_minute', '<', windowStart)
      .execute();
    return new Set(rows.map((row) => row.topic));
  }
  const column = factColumns[topicKind];
  const rows = await db
    .selectFrom('analytics_conversations')
    .select((eb) => eb.ref(column).as('topic'))
    .distinct()
    .where(column, 'in', [...candidates])
    .where('created_minute', '>=', from)
    .where('created_minute', '<', windowStart)
    .execute();
  return new Set(rows.flatMap((row) => (row.topic === null ? [] : [row.topic])));
}

/** Up to `limit` conversations of the current window about the topic, newest first. */
export async function listWindowConversations(
  db: DbExecutor,
  spec: WindowSpec,
  topicKind: TopicKind,
  topic: string,
  limit: number,
): Promise<string[]> {
  const windowStart = spec.endMinute - spec.windowMinutes;
  if (topicKind === 'keyword' || topicKind === 'product_keyword') {
    const rows = await db
      .selectFrom('analytics_conversation_topics')
      .select('conversation_id')
      .where('kind', '=', topicKind)
      .where('topic', '=', topic)
      .where('created_minute', '>=', windowStart)
      .where('created_minute', '<', spec.endMinute)
      .orderBy('created_minute', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => row.conversation_id);
  }
  const rows = await db
    .selectFrom('analytics_conversations')
    .select('conversation_id')
    .where(factColumns[topicKind], '=', topic)
    .where('created_minute', '>=', windowStart)
    .where('created_minute', '<', spec.endMinute)
    .orderBy('created_minute', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.conversation_id);
}

/** Whole days between the row's minute and the current window's last minute. */
function daysBack(spec: WindowSpec): RawBuilder<number> {
  return sql<number>`((${sql.lit(spec.endMinute - 1)} - created_minute) / 1440)`;
}

/** Minutes in the current window or in the same minutes of one of the baseline days. */
function inWindows(spec: WindowSpec): RawBuilder<SqlBool>[] {
  const earliest = spec.endMinute - spec.days * 1440 - spec.windowMinutes;
  return [
    sql<SqlBool>`created_minute >= ${sql.lit(earliest)}`,
    sql<SqlBool>`created_minute < ${sql.lit(spec.endMinute)}`,
    sql<SqlBool>`((${sql.lit(spec.endMinute - 1)} - created_minute) % 1440) < ${sql.lit(spec.windowMinutes)}`,
  ];
}

function toWindows(
  spec: WindowSpec,
  rows: readonly { daysBack: number; count: string | number }[],
): VolumeWindowCounts {
  const counts = Array.from({ length: spec.days + 1 }, () => 0);
  for (const row of rows) if (row.daysBack <= spec.days) counts[row.daysBack] = toNumber(row.count);
  return { current: counts[0] ?? 0, baseline: counts.slice(1) };
}

function toSeries(
  spec: WindowSpec,
  rows: readonly {
    kind: TopicKind;
    topic: string | null;
    days_back: string | number;
    count: string | number;
  }[],
): TopicWindowCounts[] {
  const byTopic = new Map<
    string,
    { kind: TopicKind; topic: string; rows: { daysBack: number; count: string | number }[] }
  >();
  for (const row of rows) {
    if (row.topic === null) continue;
    const key = `${row.kind}\u0000${row.topic}`;
    const entry = byTopic.get(key) ?? { kind: row.kind, topic: row.topic, rows: [] };
    entry.rows.push({ daysBack: toNumber(row.days_back), count: row.count });
    byTopic.set(key, entry);
  }
  return [...byTopic.values()].flatMap((entry) => {
    const windows = toWindows(spec, entry.rows);
    if (windows.current === 0) return [];
    return [
      {
        topicKind: entry.kind,
        topic: entry.topic,
        current: windows.current,
        baseline: windows.baseline,
        seenBefore: windows.baseline.some((count) => count > 0),
      },
    ];
  });
}

function isFactKind(kind: string): kind is 'intent' | 'category' | 'product' {
  return kind in factColumns;
}

function isKeywordKind(kind: string): kind is 'keyword' | 'product_keyword' {
  return kind === 'keyword' || kind === 'product_keyword';
}
