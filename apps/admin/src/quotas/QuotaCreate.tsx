import { useSearchParams } from 'react-router-dom';
import {
  Create,
  DateInput,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  maxLength,
} from 'react-admin';
import { Stack } from '@mui/material';
import { integer, validateYear } from '../common/validators';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { categoryChoices, thisYear, unitChoices } from './quotaChoices';

const validateCapacity = [required(), integer, minValue(0), maxValue(1_000_000)];

/** A new quota for a year × region × category; its capacity becomes the first ledger entry. */
export const QuotaCreate = () => {
  const [params] = useSearchParams();
  return (
    <Create redirect="show">
      <SimpleForm
        defaultValues={{
          year: Number(params.get('year')) || thisYear(),
          category: params.get('category') === 'resettler' ? 'resettler' : 'kandas',
          unit: 'persons',
        }}
      >
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <NumberInput source="year" validate={validateYear} min={1990} max={2200} />
          <SelectInput source="category" choices={categoryChoices} validate={required()} />
        </Stack>
        <RegionReferenceInput validate={required()} />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <NumberInput source="capacity" validate={validateCapacity} min={0} />
          <SelectInput source="unit" choices={unitChoices} validate={required()} />
        </Stack>
        <TextInput source="legalAct" validate={[required(), maxLength(500)]} fullWidth />
        <DateInput source="entryDate" helperText="app.quotas.entry_date_help" />
      </SimpleForm>
    </Create>
  );
};

export default QuotaCreate;
