import { addWorkingDays, daysOffInYear, type HolidayRule, workingDaysBetween } from './calendar';
import type { DeadlineStage } from './value-lists';
import { addDays, formatIsoDate, isValidCalendarDate, parseIsoDate } from './iso-date';

/**
 * Deadline and validity arithmetic for the case. Dates are `YYYY-MM-DD` strings;
 * working days come from the Kazakhstan calendar (calendar.ts) with the holiday
 * rules of the reference data. Amounts (how many days, months, years) come from the
 * editable deadline settings, never from here — except the extension rule's
 * defaults, which are the 2018 oralman rules' values (domain-facts.md §2).
 */

export interface StageDeadline {
  stage: DeadlineStage;
  dueDate: string; // YYYY-MM-DD
}

/**
 * Due date = start date + N working days. The start is day 0, as in addWorkingDays:
 * one working day from Friday is the next working day, and from a Saturday it is
 * Monday. With 0 it is the start itself, or the next working day when that is a day off.
 */
export function computeDueDate(startDate: string, workingDays: number, rules: readonly HolidayRule[]): string {
  return addWorkingDays(startDate, workingDays, rules);
}

/**
 * Working days left from today to the due date: 0 on the due day, 1 on the working
 * day before it (and on a weekend right before it), negative when overdue — −1 on
 * the first day after the due date even when that is a day off, so that the sign
 * always agrees with isOverdue.
 */
export function workingDaysLeft(today: string, dueDate: string, rules: readonly HolidayRule[]): number {
  const left = workingDaysBetween(today, dueDate, rules);
  return today > dueDate ? Math.min(left, -1) : left;
}

/**
 * When the clock pauses (information requested): how many working days remained.
 * The pause day itself counts as used, as "today" does in workingDaysLeft; a case
 * paused when already overdue keeps a negative remainder, so it stays overdue.
 */
export function pausedRemaining(pauseDate: string, dueDate: string, rules: readonly HolidayRule[]): number {
  return workingDaysLeft(pauseDate, dueDate, rules);
}

/**
 * When the clock resumes on `resumeDate`: the new due date, `remainingWorkingDays`
 * working days on (resumeDate is day 0, as in computeDueDate). A negative remainder
 * (paused while overdue) gives a due date that many working days before resumeDate.
 */
export function resumedDueDate(
  resumeDate: string,
  remainingWorkingDays: number,
  rules: readonly HolidayRule[],
): string {
  if (!Number.isSafeInteger(remainingWorkingDays)) {
    throw new RangeError(`remainingWorkingDays must be a whole number, got ${remainingWorkingDays}`);
  }
  if (remainingWorkingDays >= 0) return addWorkingDays(resumeDate, remainingWorkingDays, rules);
  return subtractWorkingDays(resumeDate, -remainingWorkingDays, rules);
}

/** Overdue once the due day has passed; a case with no running deadline is never overdue. */
export function isOverdue(today: string, dueDate: string | null): boolean {
  parseIsoDate(today);
  if (dueDate === null) return false;
  parseIsoDate(dueDate);
  return today > dueDate;
}

/**
 * `amount` (may be negative) units after `date`, e.g. a status validity or an
 * extension. Months and years are calendar ones: the same day of the month, or the
 * month's last day when that day does not exist there — 29 February 2024 + 1 year is
 * 28 February 2025, 31 January + 1 month is 28 (or 29) February. Whether the result
 * is the last valid day or the first invalid one is the caller's convention.
 * `working_days` needs the holiday rules (pass `[]` for weekends only) and counts as
 * addWorkingDays does.
 */
export function addPeriod(
  date: string,
  amount: number,
  unit: 'calendar_days' | 'months' | 'years' | 'working_days',
  rules?: readonly HolidayRule[],
): string {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`amount must be a whole number, got ${amount}`);
  }
  switch (unit) {
    case 'calendar_days':
      return addDays(date, amount);
    case 'months':
      return addMonths(date, amount);
    case 'years':
      return addMonths(date, amount * 12);
    case 'working_days':
      if (rules === undefined) {
        throw new TypeError('addPeriod in working_days needs the holiday rules');
      }
      return amount >= 0 ? addWorkingDays(date, amount, rules) : subtractWorkingDays(date, -amount, rules);
  }
}

/**
 * Extension of kandas status (configurable; the current rules are unconfirmed).
 * `maxExtensions` extensions at most, applied for from `windowMonths` months before
 * the validity ends up to its last day, each adding `extensionMonths` months.
 */
export interface ExtensionRule {
  maxExtensions: number;
  windowMonths: number;
  extensionMonths: number;
}

/** The 2018 oralman rules: once, applied for within 6 months of expiry, for 3 months. */
export const DEFAULT_EXTENSION_RULE: Readonly<ExtensionRule> = Object.freeze({
  maxExtensions: 1,
  windowMonths: 6,
  extensionMonths: 3,
});

/**
 * Whether the status valid to `validTo` (its last valid day) may be extended today.
 * Checked in this order: already expired (validTo before today), too many extensions,
 * outside the window (before validTo − windowMonths). The new validity runs
 * `extensionMonths` calendar months on from the old validTo.
 */
export function checkExtension(
  today: string,
  validTo: string,
  extensionsSoFar: number,
  rule: ExtensionRule,
):
  | { allowed: true; newValidTo: string }
  | { allowed: false; reason: 'too_many' | 'outside_window' | 'already_expired' } {
  parseIsoDate(today);
  parseIsoDate(validTo);
  for (const [name, value] of [
    ['extensionsSoFar', extensionsSoFar],
    ['maxExtensions', rule.maxExtensions],
    ['windowMonths', rule.windowMonths],
    ['extensionMonths', rule.extensionMonths],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a whole number of at least 0, got ${value}`);
    }
  }
  if (today > validTo) return { allowed: false, reason: 'already_expired' };
  if (extensionsSoFar >= rule.maxExtensions) return { allowed: false, reason: 'too_many' };
  if (today < addMonths(validTo, -rule.windowMonths)) {
    return { allowed: false, reason: 'outside_window' };
  }
  return { allowed: true, newValidTo: addMonths(validTo, rule.extensionMonths) };
}

const APPLICATION_NUMBER = /^KND-(\d{4})-(\d{6})$/;
const MAX_SEQUENCE = 999_999;

/** `KND-2026-000123`: the year of submission and a sequence from 1 to 999 999. */
export function formatApplicationNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must have four digits, got ${year}`);
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`sequence must be from 1 to ${MAX_SEQUENCE}, got ${sequence}`);
  }
  return `KND-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The parts of a case number, or null when it is not one. Lenient on what a person
 * types into a search box — surrounding spaces and lower case ("knd-2026-000123") —
 * strict on the digits: four for the year, six for the sequence, sequence not 0.
 */
export function parseApplicationNumber(s: string): { year: number; sequence: number } | null {
  const match = APPLICATION_NUMBER.exec(s.trim().toUpperCase());
  if (!match) return null;
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (year < 1000 || sequence < 1) return null;
  return { year, sequence };
}

function lastDayOfMonth(year: number, month: number): number {
  let day = 31;
  while (!isValidCalendarDate(year, month, day)) day--;
  return day;
}

function addMonths(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatIsoDate({
    year: newYear,
    month: newMonth,
    day: Math.min(day, lastDayOfMonth(newYear, newMonth)),
  });
}

/**
 * The date `days` (> 0) working days before `from`: the inverse of addWorkingDays,
 * so that workingDaysBetween(result, from) = days when `from` is a working day.
 */
function subtractWorkingDays(from: string, days: number, rules: readonly HolidayRule[]): string {
  const daysOffByYear = new Map<number, Set<string>>();
  const isDayOff = (date: string): boolean => {
    const year = parseIsoDate(date).year;
    let daysOff = daysOffByYear.get(year);
    if (!daysOff) {
      daysOff = daysOffInYear(year, rules);
      daysOffByYear.set(year, daysOff);
    }
    return daysOff.has(date);
  };
  // Step back to the last working day before `from`, `days` times.
  let date = from;
  for (let remaining = days; remaining > 0; remaining--) {
    do date = addDays(date, -1);
    while (isDayOff(date));
  }
  return date;
}
