import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { useFormatCalendarDate, useFormatDateTime } from './CalendarDate';
import { useFormatNumber } from './useFormatNumber';

const Text = ({ text }: { text: string }) => (
  <Typography component="span" variant="body2">
    {text}
  </Typography>
);

/** A moment in the UI language on the browser's clock: the date, or date and time with `showTime`. */
export const DateTimeField = ({ showTime, ...props }: FieldProps & { showTime?: boolean }) => {
  const value = useFieldValue(props) as string | null | undefined;
  const format = useFormatDateTime();
  return <Text text={format(value, { dateOnly: !showTime })} />;
};

/** A calendar date (YYYY-MM-DD) in the UI language, as stored: no time-zone shifts. */
export const CalendarDateField = (props: FieldProps) => {
  const value = useFieldValue(props) as string | null | undefined;
  const format = useFormatCalendarDate();
  return <Text text={format(value)} />;
};

/** A count, a score or a figure in the UI language: kk `4 325`. */
export const CountField = (props: FieldProps) => {
  const value = useFieldValue(props) as number | null | undefined;
  const format = useFormatNumber();
  return <Text text={format(value)} />;
};
