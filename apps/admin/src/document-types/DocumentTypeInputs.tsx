import { BooleanInput, minValue, NumberInput, required, SelectInput, TextInput } from 'react-admin';
import { Stack } from '@mui/material';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { integer, validateKey } from '../common/validators';
import { CONDITION_CHOICES, SCOPE_CHOICES } from './documentTypeChoices';

export const DocumentTypeInputs = () => (
  <>
    <TextInput source="key" validate={validateKey} helperText="app.validation.reference_key" />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="nameKk" validate={required()} fullWidth />
      <TextInput source="nameRu" validate={required()} fullWidth />
      <TextInput source="nameEn" validate={required()} fullWidth />
    </Stack>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <SelectInput source="scope" choices={SCOPE_CHOICES} validate={required()} />
      <SelectInput source="condition" choices={CONDITION_CHOICES} validate={required()} />
      <NumberInput source="sortOrder" validate={[required(), integer, minValue(0)]} min={0} step={10} />
    </Stack>
    <BooleanInput source="required" />
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
