import { formatCalendarDate, formatDateTime, formatFileSize, formatMoney, formatNumber, formatPercent } from './format';

const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands with a no-break space in kk and ru, a comma in en', () => {
    expect(formatNumber(4325, 'kk')).toBe(`4${NBSP}325`);
    expect(formatNumber(4325, 'ru')).toBe(`4${NBSP}325`);
    expect(formatNumber(4325, 'en')).toBe('4,325');
    expect(formatNumber(1234567, 'kk')).toBe(`1${NBSP}234${NBSP}567`);
  });

  it('writes the decimal comma in kk and ru, the point in en', () => {
    expect(formatNumber(1234.5, 'kk')).toBe(`1${NBSP}234,5`);
    expect(formatNumber(0.25, 'ru')).toBe('0,25');
    expect(formatNumber(0.25, 'en')).toBe('0.25');
  });

  it('shows a sign when asked, and a dash for no value', () => {
    expect(formatNumber(1250, 'kk', { signDisplay: 'exceptZero' })).toBe(`+1${NBSP}250`);
    expect(formatNumber(-3, 'kk', { signDisplay: 'exceptZero' })).toBe('-3');
    expect(formatNumber(null, 'kk')).toBe('—');
    expect(formatNumber(Number.NaN, 'en')).toBe('—');
  });

  it('leaves a year ungrouped when asked', () => {
    expect(formatNumber(2026, 'kk', { useGrouping: false })).toBe('2026');
  });

  it('falls back to Kazakh conventions for an unknown UI language', () => {
    expect(formatNumber(4325, 'xx')).toBe(`4${NBSP}325`);
  });
});

describe('formatMoney', () => {
  it('puts ₸ after the amount in kk and ru, before it in en', () => {
    expect(formatMoney(4325, 'kk')).toBe(`4${NBSP}325${NBSP}₸`);
    expect(formatMoney(4325, 'ru')).toBe(`4${NBSP}325${NBSP}₸`);
    expect(formatMoney(4325, 'en')).toBe('₸4,325');
  });

  it('shows tiyn only when there are any', () => {
    expect(formatMoney(3692.5, 'kk')).toBe(`3${NBSP}692,50${NBSP}₸`);
    expect(formatMoney(3692, 'en')).toBe('₸3,692');
    expect(formatMoney(undefined, 'en')).toBe('—');
  });
});

describe('formatPercent and formatFileSize', () => {
  it('rounds a share to a whole percentage, with a space before % in ru', () => {
    expect(formatPercent(0.874, 'kk')).toBe('87%');
    expect(formatPercent(0.874, 'ru')).toBe(`87${NBSP}%`);
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(0.874, 'kk', 1)).toBe('87,4%');
    expect(formatPercent(0.00012, 'en', 3)).toBe('0.012%');
  });

  it('gives whole kilobytes, at least one', () => {
    expect(formatFileSize(12_800, 'kk')).toBe(`13${NBSP}КБ`);
    expect(formatFileSize(10, 'en')).toBe(`1${NBSP}KB`);
    expect(formatFileSize(5_000_000, 'ru')).toBe(`4${NBSP}883${NBSP}КБ`);
  });
});

describe('formatCalendarDate', () => {
  it('writes 2 December 2026 as 02.12.2026 in kk and ru, 02/12/2026 in en', () => {
    expect(formatCalendarDate('2026-12-02', 'kk')).toBe('02.12.2026');
    expect(formatCalendarDate('2026-12-02', 'ru')).toBe('02.12.2026');
    expect(formatCalendarDate('2026-12-02', 'en')).toBe('02/12/2026');
  });

  it('takes the day as written, whatever the time zone: the date part of a timestamp is not shifted', () => {
    expect(formatCalendarDate('2026-01-01T23:30:00-05:00', 'kk')).toBe('01.01.2026');
    expect(formatCalendarDate('2026-12-31', 'en')).toBe('31/12/2026');
  });

  it('shows a dash for no date and leaves text that is no date as it is', () => {
    expect(formatCalendarDate(null, 'kk')).toBe('—');
    expect(formatCalendarDate('', 'kk')).toBe('—');
    expect(formatCalendarDate('soon', 'kk')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  const moment = '2026-12-02T09:05:07Z';

  it('shows date and 24-hour time on the given wall clock', () => {
    expect(formatDateTime(moment, 'kk', { timeZone: 'Asia/Almaty' })).toBe('02.12.2026, 14:05');
    expect(formatDateTime(moment, 'ru', { timeZone: 'Asia/Almaty' })).toBe('02.12.2026, 14:05');
    expect(formatDateTime(moment, 'en', { timeZone: 'UTC' })).toBe('02/12/2026, 09:05');
    expect(formatDateTime(new Date(moment), 'en', { timeZone: 'UTC', seconds: true })).toBe('02/12/2026, 09:05:07');
  });

  it('gives the day of the moment on that clock when only the date is wanted', () => {
    expect(formatDateTime('2026-12-31T20:00:00Z', 'kk', { timeZone: 'Asia/Almaty', dateOnly: true })).toBe(
      '01.01.2027',
    );
    expect(formatDateTime('2026-12-31T20:00:00Z', 'kk', { timeZone: 'UTC', dateOnly: true })).toBe('31.12.2026');
  });

  it('writes midnight as 00, not 24', () => {
    expect(formatDateTime('2026-03-01T19:00:00Z', 'en', { timeZone: 'Asia/Almaty' })).toBe('02/03/2026, 00:00');
  });

  it('shows a dash for no moment and leaves unreadable text as it is', () => {
    expect(formatDateTime(null, 'kk')).toBe('—');
    expect(formatDateTime('not a date', 'kk')).toBe('not a date');
  });
});
