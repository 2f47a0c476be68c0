import type { HolidayKind } from '@qonys/domain';
import {
  BooleanInput,
  DateInput,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextInput,
} from 'react-admin';
import { Stack } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { integer } from '../common/validators';
import { canMoveIfWeekend, HOLIDAY_KIND_CHOICES, MONTH_CHOICES, usesMonthAndDay } from './holidayKinds';

const validateDay = [required(), integer, minValue(1), maxValue(31)];

/** The date inputs follow the kind: month and day for fixed holidays, a date otherwise. */
const WhenInputs = () => {
  const kind = useWatch({ name: 'kind' }) as HolidayKind | undefined;
  if (!kind) return null;
  return (
    <>
      {usesMonthAndDay(kind) ? (
        <Stack direction="row" spacing={2}>
          <SelectInput source="month" choices={MONTH_CHOICES} validate={required()} />
          <NumberInput source="day" validate={validateDay} min={1} max={31} step={1} />
        </Stack>
      ) : (
        <DateInput source="date" validate={required()} />
      )}
      {canMoveIfWeekend(kind) && <BooleanInput source="movesIfWeekend" />}
    </>
  );
};

export const HolidayInputs = () => (
  <>
    <SelectInput source="kind" choices={HOLIDAY_KIND_CHOICES} validate={required()} />
    <WhenInputs />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="nameKk" validate={required()} fullWidth />
      <TextInput source="nameRu" validate={required()} fullWidth />
      <TextInput source="nameEn" validate={required()} fullWidth />
    </Stack>
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
