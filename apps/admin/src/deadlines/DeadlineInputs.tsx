import { minValue, NumberInput, required, SelectInput, TextInput, useTranslate } from 'react-admin';
import { Stack } from '@mui/material';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { integer } from '../common/validators';
import { DEADLINE_KEY_CHOICES, DEADLINE_UNIT_CHOICES } from './deadlineChoices';

const validateAmount = [required(), integer, minValue(1)];

/** The key names the deadline in the case procedure: chosen once, read-only afterwards. */
export const DeadlineInputs = ({ editing = false }: { editing?: boolean }) => {
  const translate = useTranslate();
  return (
    <>
      {editing ? (
        <TextInput source="key" readOnly />
      ) : (
        <SelectInput
          source="key"
          choices={DEADLINE_KEY_CHOICES}
          optionText={(choice) => `${translate(choice.name)} (${choice.id})`}
          validate={required()}
        />
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
        <TextInput source="nameKk" validate={required()} fullWidth />
        <TextInput source="nameRu" validate={required()} fullWidth />
        <TextInput source="nameEn" validate={required()} fullWidth />
      </Stack>
      <Stack direction="row" spacing={2}>
        <NumberInput source="amount" validate={validateAmount} min={1} step={1} />
        <SelectInput
          source="unit"
          choices={DEADLINE_UNIT_CHOICES}
          optionText={(choice) => translate(choice.name, { smart_count: 5 })}
          validate={required()}
        />
      </Stack>
      <ReferenceDataInputs />
      <RecordHistory />
    </>
  );
};
