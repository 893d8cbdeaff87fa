import type { Entity } from './entities';

const chineseWeekdays: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  末: 6,
};
const englishWeekdays: Record<string, number> = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
};
const chineseDayOffsets: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  明天: 1,
  明日: 1,
  后天: 2,
  大后天: 3,
};
const englishDayOffsets: Record<string, number> = {
  'day before yesterday': -2,
  yesterday: -1,
  today: 0,
  tonight: 0,
  tomorrow: 1,
  'day after tomorrow': 2,
};
const dateHint =
  /[\d天日周期拜号月末]|day|night|morrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday/i;
const chineseDigits: Record<string, number> = {
  一: 1,
  两: 2,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/**
 * Absolute and relative dates, resolved against `now` to an ISO day (yyyy-mm-dd).
 * Weeks start on Monday, as shoppers in China and most of Europe count them (上周五 = Friday of last week).
 */
export function extractDates(text: string, now: Date): Entity[] {
  if (!dateHint.test(text)) return [];
  const entities: Entity[] = [];
  const push = (match: RegExpMatchArray, date: Date | undefined): void => {
    if (!date || Number.isNaN(date.getTime()) || match.index === undefined) return;
    entities.push({
      type: 'date',
      value: formatDay(date),
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  };
  for (const match of text.matchAll(/(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?/g)) {
    push(match, new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  for (const match of text.matchAll(/(?<![\d年/-])(\d{1,2})月(\d{1,2})[日号]/g)) {
    push(match, new Date(now.getFullYear(), Number(match[1]) - 1, Number(match[2])));
  }
  for (const match of text.matchAll(/大前天|前天|昨天|昨日|今天|今日|明天|明日|大后天|后天/g)) {
    push(match, addDays(now, chineseDayOffsets[match[0]] ?? 0));
  }
  for (const match of text.matchAll(/(上上|上|这|本|下)(?:个)?(?:周|星期|礼拜)([一二三四五六日天末])/g)) {
    const weekOffset = { 上上: -2, 上: -1, 这: 0, 本: 0, 下: 1 }[match[1] ?? '这'] ?? 0;
    push(match, weekdayOfWeek(now, weekOffset, chineseWeekdays[match[2] ?? '一'] ?? 1));
  }
  for (const match of text.matchAll(/([一两二三四五六七八九十\d]+)\s*天(前|后|以前|之前|以后|之后)/g)) {
    const count = parseCount(match[1] ?? '');
    push(match, addDays(now, match[2]?.includes('前') ? -count : count));
  }
  for (const match of text.matchAll(
    /\b(day before yesterday|day after tomorrow|yesterday|today|tonight|tomorrow)\b/gi,
  )) {
    push(match, addDays(now, englishDayOffsets[match[0].toLowerCase()] ?? 0));
  }
  for (const match of text.matchAll(
    /\b(last|this|next|on)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi,
  )) {
    const direction = (match[1] ?? 'this').toLowerCase();
    const weekday = englishWeekdays[(match[2] ?? 'monday').toLowerCase()] ?? 1;
    push(
      match,
      direction === 'last'
        ? previousWeekday(now, weekday)
        : direction === 'next'
          ? weekdayOfWeek(now, 1, weekday)
          : weekdayOfWeek(now, 0, weekday),
    );
  }
  for (const match of text.matchAll(/\b(\d+)\s+days?\s+ago\b/gi))
    push(match, addDays(now, -Number(match[1])));
  return entities;
}

function parseCount(value: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  if (value.startsWith('十')) return 10 + (chineseDigits[value.slice(1)] ?? 0);
  return chineseDigits[value] ?? 1;
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

function isoWeekday(date: Date): number {
  return date.getDay() === 0 ? 7 : date.getDay();
}

function weekdayOfWeek(now: Date, weekOffset: number, weekday: number): Date {
  return addDays(now, weekOffset * 7 + weekday - isoWeekday(now));
}

function previousWeekday(now: Date, weekday: number): Date {
  const difference = isoWeekday(now) - weekday;
  return addDays(now, -(difference > 0 ? difference : difference + 7));
}

function formatDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
