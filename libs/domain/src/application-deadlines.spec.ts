import {
  addPeriod,
  checkExtension,
  computeDueDate,
  DEFAULT_EXTENSION_RULE,
  formatApplicationNumber,
  isOverdue,
  parseApplicationNumber,
  pausedRemaining,
  resumedDueDate,
  workingDaysLeft,
} from './application-deadlines';
import { type HolidayRule, isWorkingDay, KAZAKHSTAN_FIXED_HOLIDAYS, workingDaysBetween } from './calendar';

// 2026 weekday days off (calendar.spec.ts): 23–25 March (Nauryz on Saturday 21 and
// Sunday 22 March, so 24 and 25 March are substitutes), 1 May, 7 May, 11 May.
const RULES: readonly HolidayRule[] = KAZAKHSTAN_FIXED_HOLIDAYS;

describe('computeDueDate', () => {
  it('skips the whole Nauryz block: 1 working day from Friday 20 March 2026 is Thursday 26 March', () => {
    expect(computeDueDate('2026-03-20', 1, RULES)).toBe('2026-03-26');
  });

  it('counts 3 working days for the commission across Nauryz', () => {
    // Thursday 19 March: 20, 26, 27 March.
    expect(computeDueDate('2026-03-19', 3, RULES)).toBe('2026-03-27');
  });

  it('counts the start as day 0, also on a weekend', () => {
    expect(computeDueDate('2026-04-03', 1, RULES)).toBe('2026-04-06'); // Friday → Monday
    expect(computeDueDate('2026-04-04', 1, RULES)).toBe('2026-04-06'); // Saturday → Monday
  });

  it('without holiday rules counts weekends only', () => {
    expect(computeDueDate('2026-03-20', 1, [])).toBe('2026-03-23');
  });

  it('rejects a negative number of days', () => {
    expect(() => computeDueDate('2026-03-20', -1, RULES)).toThrow(RangeError);
  });
});

describe('workingDaysLeft', () => {
  const due = '2026-03-26';

  it('counts the working days to the due date, skipping holidays', () => {
    expect(workingDaysLeft('2026-03-19', due, RULES)).toBe(2); // 20 and 26 March
    expect(workingDaysLeft('2026-03-20', due, RULES)).toBe(1);
    expect(workingDaysLeft('2026-03-23', due, RULES)).toBe(1); // a Nauryz day off
  });

  it('is 0 on the due day', () => {
    expect(workingDaysLeft(due, due, RULES)).toBe(0);
  });

  it('is negative when overdue', () => {
    expect(workingDaysLeft('2026-03-27', due, RULES)).toBe(-1);
    expect(workingDaysLeft('2026-03-30', due, RULES)).toBe(-2);
  });

  it('is −1, not 0, on a day off right after the due date', () => {
    expect(workingDaysLeft('2026-03-28', '2026-03-27', RULES)).toBe(-1); // Saturday after Friday
    expect(workingDaysLeft('2026-03-30', '2026-03-27', RULES)).toBe(-1); // Monday
    expect(workingDaysLeft('2026-03-31', '2026-03-27', RULES)).toBe(-2);
  });
});

describe('pause and resume (information requested)', () => {
  // Monday 16 March + 5 working days: 17, 18, 19, 20, 26 March.
  const due = computeDueDate('2026-03-16', 5, RULES);

  it('starts from a due date past Nauryz', () => {
    expect(due).toBe('2026-03-26');
  });

  it('keeps the working days left on the pause day, not counting the holidays', () => {
    expect(pausedRemaining('2026-03-18', due, RULES)).toBe(3); // 19, 20, 26 March
  });

  it('moves the due date on by the time paused, past a holiday on resuming', () => {
    // Resumed Thursday 30 April: 1 May is a holiday, so 4, 5, 6 May.
    expect(resumedDueDate('2026-04-30', 3, RULES)).toBe('2026-05-06');
  });

  it('keeps the remainder when paused before and resumed after Nauryz', () => {
    const remaining = pausedRemaining('2026-03-19', due, RULES); // 20, 26 March
    expect(remaining).toBe(2);
    const resumed = resumedDueDate('2026-03-23', remaining, RULES); // resumed on a day off
    expect(resumed).toBe('2026-03-27');
    expect(workingDaysLeft('2026-03-23', resumed, RULES)).toBe(remaining);
  });

  it('is due on the resume day when paused on the due day', () => {
    expect(pausedRemaining(due, due, RULES)).toBe(0);
    expect(resumedDueDate('2026-04-07', 0, RULES)).toBe('2026-04-07');
    expect(resumedDueDate('2026-05-09', 0, RULES)).toBe('2026-05-12'); // Saturday; 11 May is off
  });

  it('keeps an overdue case overdue across the pause', () => {
    const remaining = pausedRemaining('2026-03-30', due, RULES); // 27 and 30 March past due
    expect(remaining).toBe(-2);
    const resumed = resumedDueDate('2026-05-08', remaining, RULES); // 7 May is off
    expect(resumed).toBe('2026-05-05');
    expect(workingDaysLeft('2026-05-08', resumed, RULES)).toBe(-2);
    expect(isOverdue('2026-05-08', resumed)).toBe(true);
  });

  it('keeps a case paused on the day off after its due date overdue', () => {
    const remaining = pausedRemaining('2026-03-28', '2026-03-27', RULES);
    expect(remaining).toBe(-1);
    const resumed = resumedDueDate('2026-04-06', remaining, RULES);
    expect(resumed).toBe('2026-04-03');
    expect(isOverdue('2026-04-06', resumed)).toBe(true);
  });

  it('round-trips: resuming the same day gives the same due date', () => {
    for (const pause of ['2026-03-16', '2026-03-18', '2026-03-20', '2026-03-26']) {
      expect(resumedDueDate(pause, pausedRemaining(pause, due, RULES), RULES)).toBe(due);
    }
  });

  it('rejects a remainder that is not a whole number', () => {
    expect(() => resumedDueDate('2026-04-06', 1.5, RULES)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  it('is false up to and including the due day', () => {
    expect(isOverdue('2026-03-25', '2026-03-26')).toBe(false);
    expect(isOverdue('2026-03-26', '2026-03-26')).toBe(false);
  });

  it('is true from the next day', () => {
    expect(isOverdue('2026-03-27', '2026-03-26')).toBe(true);
    expect(isOverdue('2027-01-01', '2026-12-31')).toBe(true);
  });

  it('is false with no running deadline', () => {
    expect(isOverdue('2026-03-27', null)).toBe(false);
  });

  it('agrees with the sign of workingDaysLeft', () => {
    for (const today of ['2026-03-24', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']) {
      expect(isOverdue(today, '2026-03-27')).toBe(workingDaysLeft(today, '2026-03-27', RULES) < 0);
    }
  });

  it('rejects a malformed date', () => {
    expect(() => isOverdue('26.03.2026', '2026-03-26')).toThrow(RangeError);
    expect(() => isOverdue('2026-03-26', '2026-02-30')).toThrow(RangeError);
  });
});

describe('addPeriod', () => {
  it('gives 28 February for 29 February + 1 year', () => {
    expect(addPeriod('2024-02-29', 1, 'years')).toBe('2025-02-28');
  });

  it('keeps 29 February when the target year is a leap year too', () => {
    expect(addPeriod('2024-02-29', 4, 'years')).toBe('2028-02-29');
  });

  it('adds a year to an ordinary date', () => {
    expect(addPeriod('2026-03-26', 1, 'years')).toBe('2027-03-26');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addPeriod('2024-01-31', 1, 'months')).toBe('2024-02-29');
    expect(addPeriod('2025-01-31', 1, 'months')).toBe('2025-02-28');
    expect(addPeriod('2026-08-31', 3, 'months')).toBe('2026-11-30');
  });

  it('crosses year ends both ways', () => {
    expect(addPeriod('2026-11-15', 3, 'months')).toBe('2027-02-15');
    expect(addPeriod('2027-03-31', -6, 'months')).toBe('2026-09-30');
    expect(addPeriod('2026-01-15', -1, 'months')).toBe('2025-12-15');
    expect(addPeriod('2025-02-28', -1, 'years')).toBe('2024-02-28');
  });

  it('adds calendar days', () => {
    expect(addPeriod('2026-12-31', 1, 'calendar_days')).toBe('2027-01-01');
    expect(addPeriod('2024-02-28', 1, 'calendar_days')).toBe('2024-02-29');
    expect(addPeriod('2026-03-01', -1, 'calendar_days')).toBe('2026-02-28');
  });

  it('adds working days with the holiday rules', () => {
    expect(addPeriod('2026-03-20', 1, 'working_days', RULES)).toBe('2026-03-26');
    expect(addPeriod('2026-03-20', 1, 'working_days', [])).toBe('2026-03-23');
  });

  it('goes back working days for a negative amount', () => {
    expect(addPeriod('2026-03-26', -1, 'working_days', RULES)).toBe('2026-03-20');
    const back = addPeriod('2026-05-12', -4, 'working_days', RULES); // 8, 6, 5, 4 May
    expect(back).toBe('2026-05-04');
    expect(workingDaysBetween(back, '2026-05-12', RULES)).toBe(4);
    expect(isWorkingDay(back, RULES)).toBe(true);
  });

  it('refuses working days without holiday rules', () => {
    expect(() => addPeriod('2026-03-20', 1, 'working_days')).toThrow(TypeError);
  });

  it('returns the date itself for 0', () => {
    expect(addPeriod('2024-02-29', 0, 'years')).toBe('2024-02-29');
    expect(addPeriod('2024-02-29', 0, 'months')).toBe('2024-02-29');
  });

  it('rejects a fractional amount and a malformed date', () => {
    expect(() => addPeriod('2026-03-20', 0.5, 'years')).toThrow(RangeError);
    expect(() => addPeriod('2026-3-20', 1, 'years')).toThrow(RangeError);
  });
});

describe('checkExtension', () => {
  const rule = DEFAULT_EXTENSION_RULE;
  const validTo = '2027-03-20';

  it('defaults to the 2018 rules: once, within 6 months of expiry, for 3 months', () => {
    expect(rule).toEqual({ maxExtensions: 1, windowMonths: 6, extensionMonths: 3 });
  });

  it('allows an extension inside the window, by the extension months', () => {
    expect(checkExtension('2027-01-10', validTo, 0, rule)).toEqual({
      allowed: true,
      newValidTo: '2027-06-20',
    });
  });

  it('opens the window exactly 6 months before validTo, and closes it after validTo', () => {
    expect(checkExtension('2026-09-19', validTo, 0, rule)).toEqual({ allowed: false, reason: 'outside_window' });
    expect(checkExtension('2026-09-20', validTo, 0, rule)).toMatchObject({ allowed: true });
    expect(checkExtension(validTo, validTo, 0, rule)).toMatchObject({ allowed: true });
    expect(checkExtension('2027-03-21', validTo, 0, rule)).toEqual({ allowed: false, reason: 'already_expired' });
  });

  it('refuses an extension too early', () => {
    expect(checkExtension('2026-03-21', validTo, 0, rule)).toEqual({ allowed: false, reason: 'outside_window' });
  });

  it('refuses a second extension', () => {
    expect(checkExtension('2027-01-10', validTo, 1, rule)).toEqual({ allowed: false, reason: 'too_many' });
  });

  it('says already_expired before too_many or outside_window', () => {
    expect(checkExtension('2027-06-01', validTo, 1, rule)).toEqual({ allowed: false, reason: 'already_expired' });
  });

  it('says too_many before outside_window', () => {
    expect(checkExtension('2026-04-01', validTo, 1, rule)).toEqual({ allowed: false, reason: 'too_many' });
  });

  it('clamps month ends, for the window and the new validity', () => {
    // validTo 31 August: the window opens 28 February, the extension ends 30 November.
    expect(checkExtension('2026-02-27', '2026-08-31', 0, rule)).toEqual({ allowed: false, reason: 'outside_window' });
    expect(checkExtension('2026-02-28', '2026-08-31', 0, rule)).toEqual({ allowed: true, newValidTo: '2026-11-30' });
  });

  it('extends a status granted on a leap day', () => {
    const leapValidTo = addPeriod('2024-02-29', 1, 'years');
    expect(checkExtension('2025-01-15', leapValidTo, 0, rule)).toEqual({ allowed: true, newValidTo: '2025-05-28' });
  });

  it('follows a configured rule', () => {
    const twice = { maxExtensions: 2, windowMonths: 1, extensionMonths: 12 };
    expect(checkExtension('2027-03-01', validTo, 1, twice)).toEqual({ allowed: true, newValidTo: '2028-03-20' });
    expect(checkExtension('2027-02-19', validTo, 1, twice)).toEqual({ allowed: false, reason: 'outside_window' });
    expect(checkExtension('2027-03-01', validTo, 2, twice)).toEqual({ allowed: false, reason: 'too_many' });
    const never = { maxExtensions: 0, windowMonths: 6, extensionMonths: 3 };
    expect(checkExtension('2027-03-01', validTo, 0, never)).toEqual({ allowed: false, reason: 'too_many' });
  });

  it('rejects nonsense input', () => {
    expect(() => checkExtension('2027-03-01', validTo, -1, rule)).toThrow(RangeError);
    expect(() => checkExtension('2027-03-01', validTo, 0.5, rule)).toThrow(RangeError);
    expect(() => checkExtension('2027-03-01', validTo, 0, { ...rule, extensionMonths: -3 })).toThrow(RangeError);
    expect(() => checkExtension('2027-03-01', '2027-02-30', 0, rule)).toThrow(RangeError);
  });
});

describe('application numbers', () => {
  it('formats KND-<year>-<6 digits>', () => {
    expect(formatApplicationNumber(2026, 123)).toBe('KND-2026-000123');
    expect(formatApplicationNumber(2026, 1)).toBe('KND-2026-000001');
    expect(formatApplicationNumber(2026, 999_999)).toBe('KND-2026-999999');
  });

  it.each([
    [2026, 0],
    [2026, 1_000_000],
    [2026, 1.5],
    [2026, -1],
    [999, 1],
    [10_000, 1],
    [2026.5, 1],
  ])('refuses year %p, sequence %p', (year, sequence) => {
    expect(() => formatApplicationNumber(year, sequence)).toThrow(RangeError);
  });

  it('parses what it formats', () => {
    expect(parseApplicationNumber('KND-2026-000123')).toEqual({ year: 2026, sequence: 123 });
    for (const [year, sequence] of [
      [2026, 1],
      [2031, 999_999],
      [2000, 42],
    ]) {
      expect(parseApplicationNumber(formatApplicationNumber(year, sequence))).toEqual({ year, sequence });
    }
  });

  it('forgives spaces and lower case, as typed into a search box', () => {
    expect(parseApplicationNumber('  knd-2026-000123 ')).toEqual({ year: 2026, sequence: 123 });
  });

  it.each([
    '',
    'KND-2026-123',
    'KND-2026-0001234',
    'KND-26-000123',
    'KND-2026-000000',
    'KND-0999-000001',
    'KND 2026 000123',
    'ABC-2026-000123',
    'KND-2026-00012a',
    'xKND-2026-000123',
    'KND-２０２６-000123',
  ])('returns null for %p', (s) => {
    expect(parseApplicationNumber(s)).toBeNull();
  });
});
