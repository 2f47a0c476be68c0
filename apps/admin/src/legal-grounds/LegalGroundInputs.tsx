import { maxLength, required, SelectInput, TextInput } from 'react-admin';
import { Stack } from '@mui/material';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { validateKey } from '../common/validators';
import { LEGAL_GROUND_KIND_CHOICES } from './legalGroundKinds';

/** A ground for refusing to accept, rejecting or revoking: the kind decides which transition offers it. */
export const LegalGroundInputs = () => (
  <>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <SelectInput source="kind" choices={LEGAL_GROUND_KIND_CHOICES} validate={required()} />
      <TextInput source="code" validate={validateKey} helperText="app.validation.reference_key" />
    </Stack>
    <TextInput source="nameKk" validate={required()} fullWidth multiline />
    <TextInput source="nameRu" validate={required()} fullWidth multiline />
    <TextInput source="nameEn" validate={required()} fullWidth multiline />
    {(['sourceKk', 'sourceRu', 'sourceEn'] as const).map((source) => (
      <TextInput key={source} source={source} validate={[required(), maxLength(500)]} fullWidth multiline />
    ))}
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
