import { useLocaleState, useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import { intlLocale } from '../i18n/i18nProvider';

/** An integer amount of tenge, grouped in the UI language: 4 325 ₸. */
export const TengeField = ({ source = 'amount' }: FieldProps & { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const value = record?.[source];
  if (typeof value !== 'number') return null;
  const amount = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
  return (
    <Typography component="span" variant="body2">
      {translate('app.common.tenge', { amount })}
    </Typography>
  );
};
