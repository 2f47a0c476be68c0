import { Labeled, TextField, useRecordContext } from 'react-admin';
import { Stack } from '@mui/material';
import { DateTimeField } from './DateTimeField';

/** Created / updated / version of an existing record, read-only, at the foot of a form. */
export const RecordHistory = () => {
  const record = useRecordContext();
  if (!record?.id) return null;
  return (
    <Stack direction="row" spacing={4} sx={{ mt: 2, flexWrap: 'wrap' }}>
      <Labeled source="createdAt">
        <DateTimeField source="createdAt" showTime />
      </Labeled>
      <Labeled source="updatedAt">
        <DateTimeField source="updatedAt" showTime />
      </Labeled>
      <Labeled source="version">
        <TextField source="version" />
      </Labeled>
    </Stack>
  );
};
