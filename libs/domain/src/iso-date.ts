/**
 * Calendar dates as ISO `YYYY-MM-DD` strings: a day, with no time and no time zone.
 * Arithmetic goes through UTC day numbers, so neither the host's time zone nor a
 * daylight-saving change can shift a date. Valid ISO dates also sort as strings.
 */

export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const THIRTY_DAY_MONTHS = [4, 6, 9, 11];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return THIRTY_DAY_MONTHS.includes(month) ? 30 : 31;
}

/** Whether the day exists, e.g. false for 30 February or 29 February 1900. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Throws RangeError unless the string is a real day written `YYYY-MM-DD`. */
export function parseIsoDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number);
    if (isValidCalendarDate(year, month, day)) return { year, month, day };
  }
  throw new RangeError(`Not a YYYY-MM-DD calendar date: "${value}"`);
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function toDayNumber(value: string): number {
  const { year, month, day } = parseIsoDate(value);
  // setUTCFullYear rather than Date.UTC, which reads years 0–99 as 1900–1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return instant.getTime() / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): string {
  const instant = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

/** The date `days` later (earlier when negative). */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be a whole number, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 for Sunday up to 6 for Saturday, as `Date.prototype.getUTCDay`. */
export function dayOfWeek(date: string): number {
  // 1 January 1970, day number 0, was a Thursday.
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}
