// Local days and hours in an IANA time zone, as integer arithmetic the database can do: a report range is cut
// into segments of one UTC offset (daylight saving changes it), and a row's local minute is its UTC minute plus
// the offset of its segment.

const formatters = new Map<string, Intl.DateTimeFormat>();
const minuteMs = 60_000;
export const minutesPerDay = 1_440;

export interface OffsetSegment {
  /** First epoch minute (UTC) of the segment. */
  fromMinute: number;
  offsetMinutes: number;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes the zone is ahead of UTC at that instant (480 for Asia/Shanghai). */
export function offsetMinutesAt(timeZone: string, epochMs: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  const localAsUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  const wholeSecondMs = Math.floor(epochMs / 1000) * 1000;
  return Math.round((localAsUtc - wholeSecondMs) / minuteMs);
}

/** The UTC instant of local midnight starting `date` (YYYY-MM-DD) in the zone. */
export function localMidnightToEpochMs(date: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const localAsUtc = Date.UTC(year, month - 1, day);
  const firstGuess = localAsUtc - offsetMinutesAt(timeZone, localAsUtc) * minuteMs;
  return localAsUtc - offsetMinutesAt(timeZone, firstGuess) * minuteMs;
}

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDateOf(epochMs: number, timeZone: string): string {
  return new Date(epochMs + offsetMinutesAt(timeZone, epochMs) * minuteMs).toISOString().slice(0, 10);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The date of a local day number (whole days since 1970-01-01 in local time). */
export function dateOfLocalDay(localDay: number): string {
  return new Date(localDay * 86_400_000).toISOString().slice(0, 10);
}

/** The local day number of a date. */
export function localDayOfDate(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00.000Z`) / 86_400_000);
}

/**
 * The offsets in force between two instants, each from the minute it starts. Checked day by day; a change
 * inside a day is found to the minute by bisection (zones change at most a few times a year).
 */
export function offsetSegments(timeZone: string, startMinute: number, endMinute: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [
    { fromMinute: startMinute, offsetMinutes: offsetMinutesAt(timeZone, startMinute * minuteMs) },
  ];
  for (let dayStart = startMinute; dayStart < endMinute; dayStart += minutesPerDay) {
    const dayEnd = Math.min(dayStart + minutesPerDay, endMinute);
    const current = segments[segments.length - 1]?.offsetMinutes ?? 0;
    const atEnd = offsetMinutesAt(timeZone, dayEnd * minuteMs);
    if (atEnd === current) continue;
    let low = dayStart;
    let high = dayEnd;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (offsetMinutesAt(timeZone, middle * minuteMs) === current) low = middle;
      else high = middle;
    }
    segments.push({ fromMinute: high, offsetMinutes: atEnd });
  }
  return segments;
}

/** The offset of a minute, from the segments of its range. */
export function offsetInSegments(segments: readonly OffsetSegment[], minute: number): number {
  let offset = segments[0]?.offsetMinutes ?? 0;
  for (const segment of segments) if (minute >= segment.fromMinute) offset = segment.offsetMinutes;
  return offset;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached) return cached;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  formatters.set(timeZone, formatter);
  return formatter;
}
