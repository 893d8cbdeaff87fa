import type { LabelKind, ReportLocale } from '../labels';
import { labelOf } from '../labels';
import type { ReportRange } from '../reportFilter';
import { dateOfLocalDay } from '../timeZone';

/** A named count or figure, e.g. one category's conversations. */
export interface LabeledValue {
  key: string | null;
  label: string;
  value: number;
}

/** Values per day of the range (index i is `range.days[i]`). */
export interface DailySeries {
  key: string | null;
  label: string;
  values: number[];
}

export interface GroupedRow {
  day: number;
  key: string | null;
  value: number;
}

/** Rows of (local day, key, value) as one series per key over the range's days, largest total first. */
export function toDailySeries(
  range: ReportRange,
  rows: readonly GroupedRow[],
  kind: LabelKind,
  locale: ReportLocale,
): DailySeries[] {
  const indexByDate = new Map(range.days.map((date, index) => [date, index]));
  const byKey = new Map<string | null, number[]>();
  for (const row of rows) {
    const index = indexByDate.get(dateOfLocalDay(row.day));
    if (index === undefined) continue;
    const values = byKey.get(row.key) ?? range.days.map(() => 0);
    values[index] = (values[index] ?? 0) + row.value;
    byKey.set(row.key, values);
  }
  return [...byKey.entries()]
    .map(([key, values]) => ({ key, label: labelOf(kind, key, locale), values }))
    .sort((left, right) => sum(right.values) - sum(left.values) || compareKeys(left.key, right.key));
}

/** Totals per key from (day, key, value) rows, largest first. */
export function totalsByKey(
  rows: readonly { key: string | null; value: number }[],
  kind: LabelKind,
  locale: ReportLocale,
): LabeledValue[] {
  const totals = new Map<string | null, number>();
  for (const row of rows) totals.set(row.key, (totals.get(row.key) ?? 0) + row.value);
  return [...totals.entries()]
    .map(([key, value]) => ({ key, label: labelOf(kind, key, locale), value }))
    .sort((left, right) => right.value - left.value || compareKeys(left.key, right.key));
}

/** Values per day of the range from (local day, value) rows. */
export function valuesByDay(range: ReportRange, rows: readonly { day: number; value: number }[]): number[] {
  const indexByDate = new Map(range.days.map((date, index) => [date, index]));
  const values = range.days.map(() => 0);
  for (const row of rows) {
    const index = indexByDate.get(dateOfLocalDay(row.day));
    if (index !== undefined) values[index] = (values[index] ?? 0) + row.value;
  }
  return values;
}

/** part / whole, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function compareKeys(left: string | null, right: string | null): number {
  return (left ?? '').localeCompare(right ?? '');
}
