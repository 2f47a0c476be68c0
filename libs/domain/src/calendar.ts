import { addDays, dayOfWeek, formatIsoDate, isLeapYear, isValidCalendarDate, parseIsoDate } from './iso-date';

/**
 * Kazakhstan working days, for deadlines counted in working days. Dates are
 * `YYYY-MM-DD` strings. The holiday list is data (the `holidays` reference table),
 * because the Government moves days off by decree and Kurban Ait changes yearly.
 */

/** A holiday on this month and day of every year from `validFrom` to `validTo` (inclusive, null = open). */
export interface FixedHolidayRule {
  readonly kind: 'fixed';
  readonly month: number;
  readonly day: number;
  readonly movesIfWeekend: boolean;
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/** One dated day off: Kurban Ait day 1 of a year, or a day off moved by Government decree. */
export interface DatedHolidayRule {
  readonly kind: 'dated';
  readonly date: string;
  readonly movesIfWeekend: boolean;
}

/** A Saturday or Sunday made a working day by Government decree. */
export interface WorkingDayRule {
  readonly kind: 'working_day';
  readonly date: string;
}

export type HolidayRule = FixedHolidayRule | DatedHolidayRule | WorkingDayRule;

const fixed = (
  month: number,
  day: number,
  overrides: Partial<Pick<FixedHolidayRule, 'movesIfWeekend' | 'validFrom' | 'validTo'>> = {},
): FixedHolidayRule => ({
  kind: 'fixed',
  month,
  day,
  movesIfWeekend: true,
  validFrom: null,
  validTo: null,
  ...overrides,
});

/**
 * The statutory holidays (Law "On holidays"), meant for dates from 2013 on: older
 * changes, such as 25 October ceasing to be a holiday in 2009, are not modelled.
 * Kurban Ait is missing on purpose: its date is set each year, so it comes in as a
 * `dated` rule.
 */
export const KAZAKHSTAN_FIXED_HOLIDAYS: readonly HolidayRule[] = [
  fixed(1, 1), // New Year
  fixed(1, 2),
  // Orthodox Christmas is a religious day off: no substitute on a weekend (Labour Code art. 84(5)).
  fixed(1, 7, { movesIfWeekend: false }),
  fixed(3, 8), // International Women's Day
  fixed(3, 21), // Nauryz, three days
  fixed(3, 22),
  fixed(3, 23),
  fixed(5, 1), // Unity Day
  fixed(5, 7), // Defender of the Fatherland Day
  fixed(5, 9), // Victory Day
  fixed(7, 6), // Capital Day
  fixed(8, 30), // Constitution Day
  fixed(10, 25, { validFrom: '2022-01-01' }), // Republic Day, a holiday again since 2022
  fixed(12, 1, { validTo: '2021-12-31' }), // First President's Day, dropped in 2022
  fixed(12, 16), // Independence Day
  fixed(12, 17, { validTo: '2021-12-31' }), // Independence Day's second day, dropped in 2022
];

const SUNDAY = 0;
const SATURDAY = 6;

const yearOf = (date: string): number => parseIsoDate(date).year;

function isWeekend(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday === SATURDAY || weekday === SUNDAY;
}

/** The rule's date in `year`, or null outside its validity or when the day does not exist (29 February). */
function fixedHolidayIn(year: number, rule: FixedHolidayRule): string | null {
  if (!isValidCalendarDate(year, rule.month, rule.day)) return null;
  const date = formatIsoDate({ year, month: rule.month, day: rule.day });
  const started = rule.validFrom === null || date >= rule.validFrom;
  const ended = rule.validTo !== null && date > rule.validTo;
  return started && !ended ? date : null;
}

const DAY_MS = 86_400_000;

/** 0 for 1 January. */
function dayOfYear(date: string): number {
  const { year, month, day } = parseIsoDate(date);
  return (Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 1)) / DAY_MS;
}

/**
 * Computes days off year by year, on demand, and keeps them: one calendar serves every
 * call with the same rules (workingDayCalendar), so a page of deadlines builds each
 * year once, not once per row.
 */
export class DaysOffCalendar {
  private readonly holidaysByYear = new Map<number, Map<string, boolean>>();
  private readonly daysOffByYear = new Map<number, Set<string>>();
  /** Per year: working days from 1 January up to and including each day of the year. */
  private readonly workingSoFarByYear = new Map<number, Uint16Array>();

  constructor(private readonly rules: readonly HolidayRule[]) {}

  isDayOff(date: string): boolean {
    return this.daysOffIn(yearOf(date)).has(date);
  }

  /** Working days after `from` up to and including `to` (from ≤ to), by yearly running counts. */
  workingDaysAfter(from: string, to: string): number {
    const fromYear = yearOf(from);
    const toYear = yearOf(to);
    let count = this.workingSoFar(toYear)[dayOfYear(to)] - this.workingSoFar(fromYear)[dayOfYear(from)];
    for (let year = fromYear; year < toYear; year++) {
      const soFar = this.workingSoFar(year);
      count += soFar[soFar.length - 1];
    }
    return count;
  }

  private workingSoFar(year: number): Uint16Array {
    const cached = this.workingSoFarByYear.get(year);
    if (cached) return cached;
    const daysOff = this.daysOffIn(year);
    const soFar = new Uint16Array(isLeapYear(year) ? 366 : 365);
    const firstDay = formatIsoDate({ year, month: 1, day: 1 });
    let count = 0;
    for (let offset = 0; offset < soFar.length; offset++) {
      if (!daysOff.has(addDays(firstDay, offset))) count++;
      soFar[offset] = count;
    }
    this.workingSoFarByYear.set(year, soFar);
    return soFar;
  }

  /** Weekends + holidays + substitute days off − Government working days. */
  daysOffIn(year: number): Set<string> {
    const cached = this.daysOffByYear.get(year);
    if (cached) return cached;
    const daysOff = this.buildDaysOff(year);
    this.daysOffByYear.set(year, daysOff);
    return daysOff;
  }

  private buildDaysOff(year: number): Set<string> {
    const daysOff = new Set<string>();
    const firstDay = formatIsoDate({ year, month: 1, day: 1 });
    for (let offset = 0; offset < (isLeapYear(year) ? 366 : 365); offset++) {
      const date = addDays(firstDay, offset);
      if (isWeekend(date)) daysOff.add(date);
    }
    for (const date of this.holidaysIn(year).keys()) daysOff.add(date);
    for (const date of this.substitutesIn(year)) daysOff.add(date);
    for (const rule of this.rules) {
      if (rule.kind === 'working_day' && yearOf(rule.date) === year) daysOff.delete(rule.date);
    }
    return daysOff;
  }

  /** The holidays dated in `year`, each with whether falling on a weekend earns a substitute. */
  private holidaysIn(year: number): Map<string, boolean> {
    const cached = this.holidaysByYear.get(year);
    if (cached) return cached;
    const holidays = new Map<string, boolean>();
    // Two rules on one date give one day off, moved if either rule moves.
    const add = (date: string, movesIfWeekend: boolean) =>
      holidays.set(date, movesIfWeekend || holidays.get(date) === true);
    for (const rule of this.rules) {
      switch (rule.kind) {
        case 'fixed': {
          const date = fixedHolidayIn(year, rule);
          if (date !== null) add(date, rule.movesIfWeekend);
          break;
        }
        case 'dated':
          if (yearOf(rule.date) === year) add(rule.date, rule.movesIfWeekend);
          break;
        case 'working_day':
          break;
      }
    }
    this.holidaysByYear.set(year, holidays);
    return holidays;
  }

  /**
   * Law on holidays art. 5: a holiday on a weekend gives the next working day off.
   * Each such holiday, in date order, takes the first later day that is not a weekend,
   * a holiday or an earlier substitute — so Nauryz on Saturday–Monday yields Tuesday
   * and Wednesday. Last year's holidays are walked too, as a late-December one could
   * push its substitute into January.
   */
  private substitutesIn(year: number): string[] {
    const substitutes = new Set<string>();
    const isTaken = (date: string) =>
      isWeekend(date) || this.holidaysIn(yearOf(date)).has(date) || substitutes.has(date);
    for (const holidayYear of [year - 1, year]) {
      const movingHolidays = [...this.holidaysIn(holidayYear)]
        .filter(([date, movesIfWeekend]) => movesIfWeekend && isWeekend(date))
        .map(([date]) => date)
        .sort();
      for (const holiday of movingHolidays) {
        let substitute = addDays(holiday, 1);
        while (isTaken(substitute)) substitute = addDays(substitute, 1);
        substitutes.add(substitute);
      }
    }
    return [...substitutes].filter((date) => yearOf(date) === year);
  }
}

const calendarsByRules = new WeakMap<readonly HolidayRule[], DaysOffCalendar>();
const calendarsByContent = new Map<string, DaysOffCalendar>();
/** Holiday lists kept at once: the list changes when an admin edits a holiday, rarely. */
const CALENDARS_KEPT = 8;

/**
 * The calendar of these rules, built once: the same array (one request) or the same
 * rules loaded again (the next request, the next day) find the calendar already there.
 */
export function workingDayCalendar(rules: readonly HolidayRule[]): DaysOffCalendar {
  const known = calendarsByRules.get(rules);
  if (known) return known;
  const content = JSON.stringify(rules);
  let calendar = calendarsByContent.get(content);
  if (!calendar) {
    calendar = new DaysOffCalendar(rules);
    if (calendarsByContent.size >= CALENDARS_KEPT) calendarsByContent.delete(calendarsByContent.keys().next().value!);
    calendarsByContent.set(content, calendar);
  }
  calendarsByRules.set(rules, calendar);
  return calendar;
}

/** Every non-working day of the year: weekends, holidays and substitutes, less Government working days. */
export function daysOffInYear(year: number, rules: readonly HolidayRule[]): Set<string> {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  // A copy: the calendar's own set is shared by every later call.
  return new Set(workingDayCalendar(rules).daysOffIn(year));
}

export function isWorkingDay(date: string, rules: readonly HolidayRule[]): boolean {
  return !workingDayCalendar(rules).isDayOff(date);
}

/**
 * The date `days` working days after `from`, which counts as day 0: one working day
 * after a Friday is the next working day. With `days` 0 it is `from` itself when that
 * is a working day, else the next working day.
 */
export function addWorkingDays(from: string, days: number, rules: readonly HolidayRule[]): string {
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`days must be a whole number of at least 0, got ${days}`);
  }
  const calendar = workingDayCalendar(rules);
  let date = from;
  if (days === 0) {
    while (calendar.isDayOff(date)) date = addDays(date, 1);
    return date;
  }
  for (let remaining = days; remaining > 0;) {
    date = addDays(date, 1);
    if (!calendar.isDayOff(date)) remaining--;
  }
  return date;
}

/**
 * Working days after `from` up to and including `to` — the "days left" to a deadline.
 * Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, rules: readonly HolidayRule[]): number {
  // Validate both first: only real ISO dates compare correctly as strings.
  parseIsoDate(from);
  parseIsoDate(to);
  if (to < from) return -workingDaysBetween(to, from, rules);
  return workingDayCalendar(rules).workingDaysAfter(from, to);
}
