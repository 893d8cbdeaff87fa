/** `daysAndHours(3, 5)` = 77: relative times in the seed files read as days plus hours. */
export function daysAndHours(days: number, hours: number): number {
  return days * 24 + hours;
}
