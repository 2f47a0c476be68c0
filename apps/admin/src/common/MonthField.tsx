import { type FieldProps, useRecordContext, useTranslate } from 'react-admin';

/** A month (an ISO date on its first day, or YYYY-MM) as "December 2026" in the UI language. */
export const MonthField = ({ source }: FieldProps & { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source] as string | undefined;
  if (!value) return null;
  return <span>{`${translate(`app.months.${Number(value.slice(5, 7))}`)} ${value.slice(0, 4)}`}</span>;
};
