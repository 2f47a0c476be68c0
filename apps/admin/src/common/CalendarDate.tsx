import { useLocaleState } from 'react-admin';
import { formatCalendarDate, formatDateTime, type MomentOptions } from './format';

/** Formats a calendar date (YYYY-MM-DD) in the UI language, without time-zone shifts. */
export function useFormatCalendarDate(): (value: string | null | undefined) => string {
  const [locale] = useLocaleState();
  return (value) => formatCalendarDate(value, locale);
}

/** Formats a moment (ISO timestamp) with date and time in the UI language, on the browser's clock. */
export function useFormatDateTime(): (value: string | Date | null | undefined, options?: MomentOptions) => string {
  const [locale] = useLocaleState();
  return (value, options) => formatDateTime(value, locale, options);
}
