import { minValue, NumberInput, required } from 'react-admin';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { integer, validateYear } from '../common/validators';

const validateAmount = [required(), integer, minValue(1)];

export const MciRateInputs = () => (
  <>
    <NumberInput source="year" validate={validateYear} step={1} />
    <NumberInput source="amount" validate={validateAmount} step={1} min={1} />
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
