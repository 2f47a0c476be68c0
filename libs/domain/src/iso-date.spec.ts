import {
  addDays,
  dayOfWeek,
  formatIsoDate,
  isLeapYear,
  isValidCalendarDate,
  parseIsoDate,
} from './iso-date';

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2000, true],
    [1900, false],
    [2100, false],
    [2026, false],
  ])('%i → %p', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });
});

describe('isValidCalendarDate', () => {
  it('accepts 29 February only in leap years', () => {
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
    expect(isValidCalendarDate(2023, 2, 29)).toBe(false);
    expect(isValidCalendarDate(1900, 2, 29)).toBe(false);
  });

  it('knows the 30-day months', () => {
    expect(isValidCalendarDate(2026, 4, 30)).toBe(true);
    expect(isValidCalendarDate(2026, 4, 31)).toBe(false);
    expect(isValidCalendarDate(2026, 12, 31)).toBe(true);
  });

  it.each([
    [2026, 0, 1],
    [2026, 13, 1],
    [2026, 1, 0],
    [2026, 1.5, 1],
  ])('refuses %i-%p-%p', (year, month, day) => {
    expect(isValidCalendarDate(year, month, day)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-03-21')).toEqual({ year: 2026, month: 3, day: 21 });
  });

  it.each(['2026-02-30', '2026-3-21', '21.03.2026', '2026-03-21T00:00:00Z', ' 2026-03-21', ''])(
    'rejects %p',
    (value) => {
      expect(() => parseIsoDate(value)).toThrow(RangeError);
    },
  );
});

describe('formatIsoDate', () => {
  it('pads month, day and year', () => {
    expect(formatIsoDate({ year: 2026, month: 1, day: 7 })).toBe('2026-01-07');
    expect(formatIsoDate({ year: 812, month: 12, day: 31 })).toBe('0812-12-31');
  });
});

describe('addDays', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('steps through 29 February only in a leap year', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
  });

  it('keeps years before 100 AD in their century', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });

  it('rejects a fractional number of days', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
  });
});

describe('dayOfWeek', () => {
  it.each([
    ['1970-01-01', 4],
    ['2026-03-21', 6],
    ['2026-03-22', 0],
    ['2024-02-29', 4],
    ['1969-12-31', 3],
  ])('%s → %i (0 = Sunday)', (date, weekday) => {
    expect(dayOfWeek(date)).toBe(weekday);
  });
});
