import { workingDaysLeft } from './application-deadlines';
import {
  addWorkingDays,
  DaysOffCalendar,
  daysOffInYear,
  type HolidayRule,
  isWorkingDay,
  KAZAKHSTAN_FIXED_HOLIDAYS,
  workingDayCalendar,
  workingDaysBetween,
} from './calendar';
import { addDays, dayOfWeek } from './iso-date';
import { HOLIDAY_KINDS } from './reference-data';

// Weekdays below were checked with `new Date(Date.UTC(y, m - 1, d)).getUTCDay()`.
const STATUTORY = KAZAKHSTAN_FIXED_HOLIDAYS;
const withRules = (...extra: HolidayRule[]): HolidayRule[] => [...STATUTORY, ...extra];
const kurbanAit = (date: string): HolidayRule => ({ kind: 'dated', date, movesIfWeekend: false });

/** The days off of a year that fall on Monday to Friday, in date order. */
const weekdaysOff = (year: number, rules: readonly HolidayRule[]): string[] =>
  [...daysOffInYear(year, rules)].filter((date) => ![0, 6].includes(dayOfWeek(date))).sort();

describe('HOLIDAY_KINDS', () => {
  it('lists every kind of holiday rule the calendar reads', () => {
    const everyKind: Record<HolidayRule['kind'], true> = {
      fixed: true,
      dated: true,
      working_day: true,
    };
    expect([...HOLIDAY_KINDS].sort()).toEqual(Object.keys(everyKind).sort());
  });
});

describe('daysOffInYear', () => {
  it('lists the 2026 weekday days off, each weekend holiday moved to the next working day', () => {
    expect(weekdaysOff(2026, STATUTORY)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-09', // 8 March is a Sunday
      '2026-03-23',
      '2026-03-24', // Nauryz: 21 March is a Saturday …
      '2026-03-25', // … and 22 March a Sunday
      '2026-05-01',
      '2026-05-07',
      '2026-05-11', // 9 May is a Saturday
      '2026-07-06',
      '2026-08-31', // 30 August is a Sunday
      '2026-10-26', // 25 October is a Sunday
      '2026-12-16',
    ]);
  });

  it('counts 104 weekend days and 14 weekday days off in 2026', () => {
    expect(daysOffInYear(2026, STATUTORY).size).toBe(118);
  });

  it('counts the weekends of all 366 days of a leap year', () => {
    const daysOff = daysOffInYear(2024, []);
    expect(daysOff.size).toBe(104); // 2024 starts on a Monday: 52 weeks and a Monday and Tuesday
    expect(daysOff.has('2024-12-29')).toBe(true); // the last Sunday
  });

  it('adds a dated Kurban Ait day falling on a weekday', () => {
    expect(daysOffInYear(2026, withRules(kurbanAit('2026-05-27'))).has('2026-05-27')).toBe(true);
  });

  it('gives one substitute when two rules fall on the same weekend day', () => {
    const rules = withRules(kurbanAit('2026-05-09'));
    expect(weekdaysOff(2026, rules)).toEqual(weekdaysOff(2026, STATUTORY));
  });

  it('rejects a year that is not a whole number', () => {
    expect(() => daysOffInYear(2026.5, STATUTORY)).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  describe('Nauryz on a weekend', () => {
    it('moves Saturday 21 and Sunday 22 March 2026 past Monday 23 March to 24 and 25 March', () => {
      for (const date of ['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-03-25']) {
        expect(isWorkingDay(date, STATUTORY)).toBe(false);
      }
      expect(isWorkingDay('2026-03-26', STATUTORY)).toBe(true);
    });

    it('moves Sunday 21 March 2021 past 22–23 March to Wednesday 24 March', () => {
      expect(isWorkingDay('2021-03-24', STATUTORY)).toBe(false);
      expect(isWorkingDay('2021-03-25', STATUTORY)).toBe(true);
    });

    it('moves Sunday 21 March 2027 to Wednesday 24 March', () => {
      expect(weekdaysOff(2027, STATUTORY).filter((date) => date.startsWith('2027-03'))).toEqual([
        '2027-03-08',
        '2027-03-22',
        '2027-03-23',
        '2027-03-24',
      ]);
    });
  });

  it('gives Monday 2 May 2022 off for 1 May on a Sunday', () => {
    expect(isWorkingDay('2022-05-02', STATUTORY)).toBe(false);
    expect(isWorkingDay('2022-05-03', STATUTORY)).toBe(true);
  });

  it('moves Saturday 7 May 2022 past the 9 May holiday to Tuesday 10 May', () => {
    expect(isWorkingDay('2022-05-09', STATUTORY)).toBe(false);
    expect(isWorkingDay('2022-05-10', STATUTORY)).toBe(false);
    expect(isWorkingDay('2022-05-11', STATUTORY)).toBe(true);
  });

  it('gives Monday 18 December 2023 off for 16 December on a Saturday', () => {
    expect(isWorkingDay('2023-12-18', STATUTORY)).toBe(false);
    expect(isWorkingDay('2023-12-19', STATUTORY)).toBe(true);
  });

  it('moved both Independence days of 16–17 December 2017 (a weekend) to 18–19 December', () => {
    expect(isWorkingDay('2017-12-18', STATUTORY)).toBe(false);
    expect(isWorkingDay('2017-12-19', STATUTORY)).toBe(false);
    expect(isWorkingDay('2017-12-20', STATUTORY)).toBe(true);
  });

  it('no longer has 17 December or 1 December as holidays from 2022', () => {
    expect(isWorkingDay('2021-12-17', STATUTORY)).toBe(false);
    expect(isWorkingDay('2022-12-19', STATUTORY)).toBe(true); // 17 December 2022 was a Saturday
    expect(isWorkingDay('2018-12-03', STATUTORY)).toBe(false); // 1 December 2018 was a Saturday
    expect(isWorkingDay('2022-12-01', STATUTORY)).toBe(true);
  });

  it('treats 25 October as a holiday only from 2022', () => {
    expect(isWorkingDay('2021-10-25', STATUTORY)).toBe(true);
    expect(isWorkingDay('2022-10-25', STATUTORY)).toBe(false);
  });

  it('gives no substitute for 7 January on a Saturday (2023)', () => {
    expect(isWorkingDay('2023-01-09', STATUTORY)).toBe(true);
  });

  it('gives no substitute for Kurban Ait on a Sunday (16 June 2024)', () => {
    const rules = withRules(kurbanAit('2024-06-16'));
    expect(isWorkingDay('2024-06-16', rules)).toBe(false);
    expect(isWorkingDay('2024-06-17', rules)).toBe(true);
  });

  it('gives a substitute for a dated day off on a weekend when the rule says it moves', () => {
    const rules = withRules({ kind: 'dated', date: '2026-06-13', movesIfWeekend: true });
    expect(isWorkingDay('2026-06-15', rules)).toBe(false);
  });

  it('makes a Government working Saturday a working day, with the day off moved to Monday', () => {
    const rules = withRules(
      { kind: 'working_day', date: '2022-03-05' },
      { kind: 'dated', date: '2022-03-07', movesIfWeekend: false },
    );
    expect(isWorkingDay('2022-03-05', rules)).toBe(true);
    expect(isWorkingDay('2022-03-07', rules)).toBe(false);
    expect(isWorkingDay('2022-03-05', STATUTORY)).toBe(false);
  });

  it('includes both the validFrom and the validTo day of a fixed rule', () => {
    const rules: HolidayRule[] = [
      {
        kind: 'fixed',
        month: 5,
        day: 15,
        movesIfWeekend: true,
        validFrom: '2024-05-15',
        validTo: '2025-05-15',
      },
    ];
    expect(isWorkingDay('2023-05-15', rules)).toBe(true);
    expect(isWorkingDay('2024-05-15', rules)).toBe(false);
    expect(isWorkingDay('2025-05-15', rules)).toBe(false);
    expect(isWorkingDay('2026-05-15', rules)).toBe(true);
  });

  it('places a fixed 29 February rule only in leap years', () => {
    const rules: HolidayRule[] = [
      { kind: 'fixed', month: 2, day: 29, movesIfWeekend: true, validFrom: null, validTo: null },
    ];
    expect(isWorkingDay('2024-02-29', rules)).toBe(false);
    expect(isWorkingDay('2023-03-01', rules)).toBe(true);
  });

  it('ignores fields it does not know, such as a holiday name', () => {
    const named = {
      kind: 'dated',
      date: '2026-06-10',
      movesIfWeekend: false,
      name: 'Decree day',
    } as const;
    expect(isWorkingDay('2026-06-10', [named])).toBe(false);
  });

  it('rejects a date that does not exist', () => {
    expect(() => isWorkingDay('2026-02-30', STATUTORY)).toThrow(RangeError);
  });
});

describe('year boundaries', () => {
  it('moves 1–2 January 2028 (a weekend) to Monday 3 and Tuesday 4 January', () => {
    expect(weekdaysOff(2028, STATUTORY).slice(0, 2)).toEqual(['2028-01-03', '2028-01-04']);
    expect(isWorkingDay('2028-01-05', STATUTORY)).toBe(true);
  });

  it('lets a weekend day off on 31 December push its substitute into January', () => {
    // 31 Dec 2022 is a Saturday; 1 Jan 2023 a Sunday, 2 Jan a Monday holiday.
    const rules = withRules({ kind: 'dated', date: '2022-12-31', movesIfWeekend: true });
    expect(weekdaysOff(2023, rules).slice(0, 3)).toEqual(['2023-01-02', '2023-01-03', '2023-01-04']);
    expect(weekdaysOff(2023, STATUTORY).slice(0, 2)).toEqual(['2023-01-02', '2023-01-03']);
    expect(weekdaysOff(2022, rules)).toEqual(weekdaysOff(2022, STATUTORY));
  });
});

describe('addWorkingDays', () => {
  it('gives the next Monday for one working day after a Friday', () => {
    expect(addWorkingDays('2026-04-03', 1, STATUTORY)).toBe('2026-04-06');
  });

  it('skips the whole Nauryz block of 2026', () => {
    expect(addWorkingDays('2026-03-20', 1, STATUTORY)).toBe('2026-03-26');
  });

  it('returns a working day itself for 0 days', () => {
    expect(addWorkingDays('2026-04-03', 0, STATUTORY)).toBe('2026-04-03');
  });

  it('returns the next working day for 0 days from a day off', () => {
    expect(addWorkingDays('2026-04-04', 0, STATUTORY)).toBe('2026-04-06');
    expect(addWorkingDays('2026-03-21', 0, STATUTORY)).toBe('2026-03-26');
  });

  it('counts a Government working Saturday', () => {
    const rules = withRules(
      { kind: 'working_day', date: '2022-03-05' },
      { kind: 'dated', date: '2022-03-07', movesIfWeekend: false },
    );
    expect(addWorkingDays('2022-03-04', 1, rules)).toBe('2022-03-05');
    expect(addWorkingDays('2022-03-04', 2, rules)).toBe('2022-03-09');
  });

  it('steps over 29 February in a leap year', () => {
    expect(addWorkingDays('2024-02-28', 1, STATUTORY)).toBe('2024-02-29');
    expect(addWorkingDays('2024-02-29', 1, STATUTORY)).toBe('2024-03-01');
  });

  it('crosses into a new year past its substitute days', () => {
    expect(addWorkingDays('2027-12-31', 1, STATUTORY)).toBe('2028-01-05');
  });

  it('reaches 31 December 2026 after the 247 working days of 2026', () => {
    expect(addWorkingDays('2025-12-31', 247, STATUTORY)).toBe('2026-12-31');
  });

  it('handles several hundred days across years', () => {
    const due = addWorkingDays('2025-12-31', 600, STATUTORY);
    expect(workingDaysBetween('2025-12-31', due, STATUTORY)).toBe(600);
    expect(isWorkingDay(due, STATUTORY)).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p days', (days) => {
    expect(() => addWorkingDays('2026-04-03', days, STATUTORY)).toThrow(RangeError);
  });

  it('rejects a malformed start date', () => {
    expect(() => addWorkingDays('3.4.2026', 1, STATUTORY)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('is 0 for the same day', () => {
    expect(workingDaysBetween('2026-04-03', '2026-04-03', STATUTORY)).toBe(0);
  });

  it('counts the days after from, up to and including to', () => {
    expect(workingDaysBetween('2026-04-03', '2026-04-06', STATUTORY)).toBe(1); // Friday → Monday
    expect(workingDaysBetween('2026-04-03', '2026-04-05', STATUTORY)).toBe(0); // Friday → Sunday
  });

  it('is negative when to is before from', () => {
    expect(workingDaysBetween('2026-04-06', '2026-04-03', STATUTORY)).toBe(-1);
    expect(workingDaysBetween('2026-12-31', '2025-12-31', STATUTORY)).toBe(-247);
  });

  it('counts 247 working days in 2026', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31', STATUTORY)).toBe(247);
  });

  it('counts across a new year and its substitute days', () => {
    expect(workingDaysBetween('2027-12-30', '2028-01-05', STATUTORY)).toBe(2);
  });

  it('rejects a malformed date', () => {
    expect(() => workingDaysBetween('2026-04-03', '2026-4-6', STATUTORY)).toThrow(RangeError);
  });
});

describe('workingDayCalendar: built once for a page of deadlines', () => {
  // A holiday of its own, so no calendar of an earlier test is reused.
  const rules: HolidayRule[] = [
    ...KAZAKHSTAN_FIXED_HOLIDAYS,
    { kind: 'dated', date: '2025-11-03', movesIfWeekend: false },
  ];
  const dueDates = Array.from({ length: 25 }, (_, row) => `2025-12-${String(row + 1).padStart(2, '0')}`);

  it('counts 25 rows a year overdue, the rules loaded afresh for each, on days off built once per year', () => {
    const builds = jest.spyOn(
      DaysOffCalendar.prototype as unknown as { buildDaysOff(year: number): Set<string> },
      'buildDaysOff',
    );
    const left = dueDates.map((due) => workingDaysLeft('2026-12-07', due, structuredClone(rules)));
    const builtYears = builds.mock.calls.map(([year]) => year);
    builds.mockRestore();
    expect(builtYears.sort()).toEqual([2025, 2026]);
    expect(workingDayCalendar(structuredClone(rules))).toBe(workingDayCalendar(rules));

    // The same figures as walking the days one by one.
    const off = new Set([...daysOffInYear(2025, rules), ...daysOffInYear(2026, rules)]);
    const walked = dueDates.map((due) => {
      let count = 0;
      for (let date = due; date < '2026-12-07';) {
        date = addDays(date, 1);
        if (!off.has(date)) count++;
      }
      return -count;
    });
    expect(left).toEqual(walked);
  });

  it('builds a new calendar when a holiday changes', () => {
    const edited: HolidayRule[] = [...rules, { kind: 'working_day', date: '2026-03-07' }];
    expect(workingDayCalendar(edited)).not.toBe(workingDayCalendar(rules));
    expect(isWorkingDay('2026-03-07', edited)).toBe(true);
  });
});
