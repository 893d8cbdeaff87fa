import type { Expression, ExpressionBuilder, RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReportFilter, ReportRange } from './reportFilter';

type FactsBuilder = ExpressionBuilder<Database, 'analytics_conversations'>;
type MinuteColumn = 'created_minute' | 'resolved_minute' | 'human_start_minute';

/** The conversations a report counts: started in the range and matching every other filter. */
export function whereFacts(eb: FactsBuilder, filter: ReportFilter): Expression<SqlBool> {
  return eb.and([
    eb('created_minute', '>=', filter.range.startMinute),
    eb('created_minute', '<', filter.range.endMinute),
    ...whereDimensions(eb, filter),
  ]);
}

/** The filters other than the range (for counts over time such as the backlog). */
export function whereDimensions(eb: FactsBuilder, filter: ReportFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.channel !== null) conditions.push(eb('channel', '=', filter.channel));
  if (filter.category !== null) conditions.push(eb('category', '=', filter.category));
  if (filter.agentIds !== null)
    conditions.push(filter.agentIds.length > 0 ? eb('agent_id', 'in', filter.agentIds) : sql<SqlBool>`1 = 0`);
  return conditions;
}

/**
 * The local day number (days since 1970-01-01 in the report's time zone) of a minute column: the minute plus
 * the UTC offset of its part of the range, divided into days. Offsets are integers computed by Kysely's caller
 * from the time-zone database, never request text.
 */
export function localDayOf(range: ReportRange, column: MinuteColumn = 'created_minute'): RawBuilder<number> {
  return sql<number>`((${localMinuteOf(range, column)}) / 1440)`;
}

/** The local hour of day (0–23) of a minute column. */
export function localHourOf(range: ReportRange, column: MinuteColumn = 'created_minute'): RawBuilder<number> {
  return sql<number>`(((${localMinuteOf(range, column)}) / 60) % 24)`;
}

function localMinuteOf(range: ReportRange, column: MinuteColumn): RawBuilder<number> {
  const [first, ...later] = range.segments;
  if (!first) return sql<number>`${sql.ref(column)}`;
  if (later.length === 0) return sql<number>`${sql.ref(column)} + ${sql.lit(first.offsetMinutes)}`;
  const branches = later
    .reverse()
    .map(
      (segment) =>
        sql`when ${sql.ref(column)} >= ${sql.lit(segment.fromMinute)} then ${sql.lit(segment.offsetMinutes)}`,
    );
  return sql<number>`${sql.ref(column)} + case ${sql.join(branches, sql` `)} else ${sql.lit(first.offsetMinutes)} end`;
}

/** A count, sum or average as JavaScript reads it (PostgreSQL returns big integers and numerics as text). */
export function toNumber(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  return Number(value);
}

/** An average that may be absent (no rows): null rather than 0. */
export function toNullableNumber(value: string | number | bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : Number(value);
}
