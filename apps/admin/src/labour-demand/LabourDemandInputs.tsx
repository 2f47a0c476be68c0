import { NumberInput, TextInput, maxLength, minValue, required } from 'react-admin';
import { integer, validateYear } from '../common/validators';
import { RegionReferenceInput } from '../users/RegionReferenceInput';

/** The fields of a labour-demand row, shared by create and edit. */
export const LabourDemandInputs = () => (
  <>
    <NumberInput source="year" validate={validateYear} />
    <RegionReferenceInput validate={required()} />
    <TextInput source="occupation" validate={[required(), maxLength(200)]} />
    <NumberInput source="vacancies" validate={[required(), integer, minValue(0)]} />
    <TextInput source="source" validate={[required(), maxLength(500)]} fullWidth />
  </>
);
