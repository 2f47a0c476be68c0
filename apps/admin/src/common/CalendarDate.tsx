import { useLocaleState } from 'react-admin';
import { intlLocale } from '../i18n/i18nProvider';

/** Formats a calendar date (YYYY-MM-DD) in the UI language, without time-zone shifts. */
export function useFormatCalendarDate(): (value: string | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  });
  return (value) => {
    if (!value) return '—';
    const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : format.format(date);
  };
}

/** Formats a moment (ISO timestamp) with date and time in the UI language. */
export function useFormatDateTime(): (value: string | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short' });
  return (value) => (value ? format.format(new Date(value)) : '—');
}
