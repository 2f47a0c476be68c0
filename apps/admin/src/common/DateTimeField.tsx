import { DateField, useLocaleState, type DateFieldProps } from 'react-admin';
import { intlLocale } from '../i18n/i18nProvider';

/** DateField formatted in the UI language rather than the browser's. */
export const DateTimeField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField emptyText="—" {...props} locales={intlLocale(locale)} />;
};

/** A calendar date (YYYY-MM-DD) shown as such, without time-zone shifts. */
export const CalendarDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return (
    <DateField
      emptyText="—"
      {...props}
      locales={intlLocale(locale)}
      options={{ year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }}
    />
  );
};
