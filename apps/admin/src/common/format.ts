/**
 * Dates, numbers and money as each UI language writes them (CLDR): kk and ru
 * `02.12.2026`, `4 325 ₸`; en (British) `02/12/2026`, `₸4,325`.
 *
 * Written out rather than left to `Intl` with 'kk-KZ': Chromium ships without
 * Kazakh locale data and falls back to the root locale (`2026-12-02`, `4,325`,
 * `KZT 4,325`), and its Russian has no tenge sign (`4 325 KZT`). Only the
 * locale-neutral pieces come from Intl: en-US digits and a time zone's wall clock.
 * Calendar dates (YYYY-MM-DD) are taken apart as text, so no time zone shifts them.
 */

export type UiLocale = 'kk' | 'ru' | 'en';

interface Conventions {
  group: string;
  decimal: string;
  date: (day: string, month: string, year: string) => string;
  money: (amount: string) => string;
  percent: (amount: string) => string;
  kilobytes: (amount: string) => string;
}

/** The no-break space CLDR gives kk and ru as the thousands separator, and before ₸ and %. */
const NBSP = '\u00a0';

const CONVENTIONS: Record<UiLocale, Conventions> = {
  kk: {
    group: NBSP,
    decimal: ',',
    date: (day, month, year) => `${day}.${month}.${year}`,
    money: (amount) => `${amount}${NBSP}₸`,
    percent: (amount) => `${amount}%`,
    kilobytes: (amount) => `${amount}${NBSP}КБ`,
  },
  ru: {
    group: NBSP,
    decimal: ',',
    date: (day, month, year) => `${day}.${month}.${year}`,
    money: (amount) => `${amount}${NBSP}₸`,
    percent: (amount) => `${amount}${NBSP}%`,
    kilobytes: (amount) => `${amount}${NBSP}КБ`,
  },
  en: {
    group: ',',
    decimal: '.',
    date: (day, month, year) => `${day}/${month}/${year}`,
    money: (amount) => `₸${amount}`,
    percent: (amount) => `${amount}%`,
    kilobytes: (amount) => `${amount}${NBSP}KB`,
  },
};

const EMPTY = '—';

const conventionsOf = (locale: string): Conventions => CONVENTIONS[locale as UiLocale] ?? CONVENTIONS.kk;

export type NumberOptions = Pick<
  Intl.NumberFormatOptions,
  'minimumFractionDigits' | 'maximumFractionDigits' | 'signDisplay' | 'useGrouping'
>;

/** 4325 → kk/ru `4 325`, en `4,325`; 0.5 → kk/ru `0,5`. Null and NaN become a dash. */
export function formatNumber(value: number | null | undefined, locale: string, options: NumberOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  const conventions = conventionsOf(locale);
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, ...options })
    .formatToParts(value)
    .map((part) =>
      part.type === 'group' ? conventions.group : part.type === 'decimal' ? conventions.decimal : part.value,
    )
    .join('');
}

/** An amount of tenge: kk/ru `4 325 ₸`, en `₸4,325`; tiyn only when there are any. */
export function formatMoney(amount: number | null | undefined, locale: string): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return EMPTY;
  const fraction = Number.isInteger(amount) ? 0 : 2;
  const number = formatNumber(amount, locale, { minimumFractionDigits: fraction, maximumFractionDigits: fraction });
  return conventionsOf(locale).money(number);
}

/** A share (0.874) as a percentage, whole unless asked: kk/en `87%`, ru `87 %`; `87,4%` with one digit. */
export function formatPercent(share: number | null | undefined, locale: string, fractionDigits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return EMPTY;
  const digits = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  return conventionsOf(locale).percent(formatNumber(share * 100, locale, digits));
}

/** A file size in whole kilobytes, at least 1: `12 КБ`, `12 KB`. */
export function formatFileSize(bytes: number, locale: string): string {
  return conventionsOf(locale).kilobytes(formatNumber(Math.max(1, Math.round(bytes / 1024)), locale));
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar date (YYYY-MM-DD, or the date part of an ISO timestamp) as written in the locale, unshifted. */
export function formatCalendarDate(value: string | null | undefined, locale: string): string {
  if (!value) return EMPTY;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return conventionsOf(locale).date(day, month, year);
}

export interface MomentOptions {
  /** The wall clock to show; the browser's own when left out. */
  timeZone?: string;
  /** Only the day, without the time. */
  dateOnly?: boolean;
  seconds?: boolean;
}

/** A moment (ISO timestamp or Date) as date and 24-hour time on the given wall clock: `02.12.2026, 14:05`. */
export function formatDateTime(
  value: string | Date | null | undefined,
  locale: string,
  options: MomentOptions = {},
): string {
  if (!value) return EMPTY;
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(moment.getTime())) return typeof value === 'string' ? value : EMPTY;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: options.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  const date = conventionsOf(locale).date(parts.day, parts.month, parts.year);
  if (options.dateOnly) return date;
  const time = `${parts.hour}:${parts.minute}${options.seconds ? `:${parts.second}` : ''}`;
  return `${date}, ${time}`;
}
