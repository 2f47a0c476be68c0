import { Stack, Typography } from '@mui/material';
import { useRecordContext, type FieldProps } from 'react-admin';
import { personFullName, type Person } from '../providers/personTypes';
import { EthnicityMark } from './EthnicityMark';

/** The name in Cyrillic with the Latin form beneath, and the mark for another ethnicity. */
export const PersonNameField = (_props: FieldProps) => {
  const record = useRecordContext<Person>();
  if (!record) return null;
  const latin = [record.surnameLatin, record.givenNameLatin, record.patronymicLatin].filter(Boolean).join(' ');
  return (
    <Stack spacing={0.25} sx={{ alignItems: 'flex-start' }}>
      <Typography component="span" variant="body2">
        {personFullName(record)}
      </Typography>
      {latin && (
        <Typography component="span" variant="caption" color="text.secondary">
          {latin}
        </Typography>
      )}
      <EthnicityMark ethnicity={record.ethnicity} />
    </Stack>
  );
};
