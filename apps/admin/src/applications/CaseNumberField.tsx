import { Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';
import { type ApplicationRow } from '@qonys/domain';

/** The case number once submitted; a draft has none yet. */
export const CaseNumberField = (_props: FieldProps) => {
  const record = useRecordContext<ApplicationRow>();
  const translate = useTranslate();
  if (!record) return null;
  return record.number ? (
    <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
      {record.number}
    </Typography>
  ) : (
    <Typography component="span" variant="body2" color="text.secondary">
      {translate('app.statuses.draft')} #{record.id}
    </Typography>
  );
};
