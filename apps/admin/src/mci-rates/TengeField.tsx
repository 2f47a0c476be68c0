import { useRecordContext, type FieldProps } from 'react-admin';
import { Typography } from '@mui/material';
import { useFormatMoney } from '../common/useFormatNumber';

/** An amount of tenge in the UI language: kk `4 325 ₸`, en `₸4,325`. */
export const TengeField = ({ source = 'amount' }: FieldProps & { source?: string }) => {
  const record = useRecordContext();
  const formatMoney = useFormatMoney();
  const value = record?.[source];
  if (typeof value !== 'number') return null;
  return (
    <Typography component="span" variant="body2">
      {formatMoney(value)}
    </Typography>
  );
};
