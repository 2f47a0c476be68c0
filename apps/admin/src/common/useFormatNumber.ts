import { useLocaleState, useTranslate } from 'react-admin';
import { formatFileSize, formatMoney, formatNumber, formatPercent, type NumberOptions } from './format';

/** Formats a count, a score or a figure in the UI language: kk `4 325`, en `4,325`. */
export function useFormatNumber(): (value: number | null | undefined, options?: NumberOptions) => string {
  const [locale] = useLocaleState();
  return (value, options) => formatNumber(value, locale, options);
}

/** Formats tenge in the UI language: kk `4 325 ₸`, en `₸4,325`. */
export function useFormatMoney(): (amount: number | null | undefined) => string {
  const [locale] = useLocaleState();
  return (amount) => formatMoney(amount, locale);
}

/** Formats a share (0.87) as a percentage in the UI language, whole unless asked for digits. */
export function useFormatPercent(): (share: number | null | undefined, fractionDigits?: number) => string {
  const [locale] = useLocaleState();
  return (share, fractionDigits) => formatPercent(share, locale, fractionDigits);
}

/** Formats a score with two decimals in the UI language: kk `12,50`. */
export function useFormatScore(): (score: number | null | undefined) => string {
  const [locale] = useLocaleState();
  return (score) => formatNumber(score, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** Formats a file size in kilobytes in the UI language. */
export function useFormatFileSize(): (bytes: number) => string {
  const [locale] = useLocaleState();
  return (bytes) => formatFileSize(bytes, locale);
}

/** A number of persons with its noun agreeing in the UI language: `4 адам`, `4 человека`, `4 people`. */
export function useFormatPersons(): (count: number) => string {
  const translate = useTranslate();
  const format = useFormatNumber();
  return (count) => translate('app.common.persons_count', { smart_count: count, count: format(count) });
}
