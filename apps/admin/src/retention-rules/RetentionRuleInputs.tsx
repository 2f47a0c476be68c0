import { maxValue, minValue, NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { Stack } from '@mui/material';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { integer } from '../common/validators';
import { RETENTION_RECORD_KIND_CHOICES } from './recordKinds';

const validateYears = [required(), integer, minValue(1), maxValue(100)];

/** How many years after a case closes a kind of record is kept (docs/personal-data.md, Retention). */
export const RetentionRuleInputs = () => (
  <>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <SelectInput source="recordKind" choices={RETENTION_RECORD_KIND_CHOICES} validate={required()} />
      <NumberInput source="keepYears" validate={validateYears} step={1} min={1} max={100} />
    </Stack>
    <TextInput source="nameKk" validate={required()} fullWidth />
    <TextInput source="nameRu" validate={required()} fullWidth />
    <TextInput source="nameEn" validate={required()} fullWidth />
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
