import { Stack } from '@mui/material';
import {
  Create,
  Edit,
  maxValue,
  minValue,
  NumberInput,
  regex,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { RecordHistory } from '../common/RecordHistory';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { integer } from '../common/validators';
import { INCLUSION_SERVICE_CHOICES, SERVICE_AUDIENCE_CHOICES, SERVICE_GROUP_CHOICES } from './serviceChoices';

const validateCode = [required(), regex(/^[a-z][a-z0-9_]{1,62}$/, 'server.validation.key')];

const ServiceTypeInputs = () => (
  <>
    <TextInput source="code" validate={validateCode} />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      <SelectInput source="serviceGroup" choices={SERVICE_GROUP_CHOICES} validate={required()} />
      <SelectInput source="audience" choices={SERVICE_AUDIENCE_CHOICES} validate={required()} />
      <SelectInput source="inclusionService" choices={INCLUSION_SERVICE_CHOICES} emptyText="—" />
    </Stack>
    <NumberInput source="responseWorkingDays" validate={[required(), integer, minValue(1), maxValue(60)]} step={1} />
    <TextInput source="nameKk" validate={required()} fullWidth />
    <TextInput source="nameRu" validate={required()} fullWidth />
    <TextInput source="nameEn" validate={required()} fullWidth />
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);

export const ServiceTypeCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ serviceGroup: 'information', audience: 'family', responseWorkingDays: 5 }}>
      <ServiceTypeInputs />
    </SimpleForm>
  </Create>
);

export const ServiceTypeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <ServiceTypeInputs />
    </SimpleForm>
  </Edit>
);
