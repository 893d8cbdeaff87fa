import { timeZoneOffsetMinutes } from '@kefu/sdk';
import type { BusinessHours } from './schemas';

const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;
/** A calendar with no opening in this many days is treated as never open. */
const searchDays = 400;

/** Business-time arithmetic over fixed-offset opening hours and holidays; pure, so SLA tests need no sleeping. */
export function addBusinessMinutes(hours: BusinessHours, start: Date, minutes: number): Date {
  if (!hours.enabled) return new Date(start.getTime() + minutes * minuteMs);
  let remainingMs = minutes * minuteMs;
  let cursor = toLocalMs(hours, start);
  for (const interval of openIntervalsFrom(hours, cursor)) {
    const begin = Math.max(cursor, interval.start);
    const availableMs = interval.end - begin;
    if (availableMs <= 0) continue;
    if (remainingMs <= availableMs) return fromLocalMs(hours, begin + remainingMs);
    remainingMs -= availableMs;
    cursor = interval.end;
  }
  // Never open: fall back to wall-clock time rather than a date that never comes.
  return new Date(start.getTime() + minutes * minuteMs);
}

export function isOpenAt(hours: BusinessHours, instant: Date): boolean {
  return nextOpeningAt(hours, instant)?.getTime() === instant.getTime();
}

/** The instant itself when open, else the next opening; null when the calendar never opens. */
export function nextOpeningAt(hours: BusinessHours, instant: Date): Date | null {
  if (!hours.enabled) return instant;
  const local = toLocalMs(hours, instant);
  for (const interval of openIntervalsFrom(hours, local)) {
    if (interval.end <= local) continue;
    return fromLocalMs(hours, Math.max(local, interval.start));
  }
  return null;
}

/** Today's opening hours as text, e.g. `09:00–21:00`, for telling a shopper when people are back. */
export function describeOpeningHours(hours: BusinessHours, instant: Date): string | null {
  const next = nextOpeningAt(hours, instant);
  if (!next || !hours.enabled) return null;
  const day = new Date(toLocalMs(hours, next)).getUTCDay();
  const slots = hours.weekly.filter((slot) => slot.day === day).sort((a, b) => a.open.localeCompare(b.open));
  return slots.map((slot) => `${slot.open}–${slot.close}`).join(', ') || null;
}

interface LocalInterval {
  start: number;
  end: number;
}

/** Open intervals in local milliseconds, day by day from the day containing `localMs`. */
function* openIntervalsFrom(hours: BusinessHours, localMs: number): Generator<LocalInterval> {
  const holidays = new Set(hours.holidays);
  const firstDay = Math.floor(localMs / dayMs) * dayMs;
  for (let index = 0; index < searchDays; index += 1) {
    const dayStart = firstDay + index * dayMs;
    const date = new Date(dayStart);
    if (holidays.has(date.toISOString().slice(0, 10))) continue;
    const slots = hours.weekly
      .filter((slot) => slot.day === date.getUTCDay())
      .map((slot) => ({
        start: dayStart + toMinutes(slot.open) * minuteMs,
        end: dayStart + toMinutes(slot.close) * minuteMs,
      }))
      .filter((slot) => slot.end > slot.start)
      .sort((left, right) => left.start - right.start);
    yield* slots;
  }
}

function toMinutes(clockTime: string): number {
  const [hoursText, minutesText] = clockTime.split(':');
  return Number(hoursText) * 60 + Number(minutesText);
}

function toLocalMs(hours: BusinessHours, instant: Date): number {
  return instant.getTime() + localOffsetMinutes(hours, instant) * minuteMs;
}

function fromLocalMs(hours: BusinessHours, localMs: number): Date {
  const guess = new Date(localMs - hours.utcOffsetMinutes * minuteMs);
  return new Date(localMs - localOffsetMinutes(hours, guess) * minuteMs);
}

/** Minutes the shop's clock is ahead of UTC at an instant: from its time zone (daylight saving included). */
export function localOffsetMinutes(hours: BusinessHours, instant: Date): number {
  return hours.timeZone ? timeZoneOffsetMinutes(hours.timeZone, instant) : hours.utcOffsetMinutes;
}
