import { NumberInput, TextInput, maxLength, minValue, required } from 'react-admin';
import { integer, validateYear } from '../common/validators';
import { LanguagesInput } from '../common/world/LanguagesInput';
import { RegionReferenceInput } from '../users/RegionReferenceInput';

/** Housing and adaptation-centre places and the region's languages, shared by create and edit. */
export const RegionCapacityInputs = () => (
  <>
    <NumberInput source="year" validate={validateYear} />
    <RegionReferenceInput validate={required()} />
    <NumberInput source="housingUnits" validate={[required(), integer, minValue(0)]} />
    <NumberInput source="adaptationCentrePlaces" validate={[required(), integer, minValue(0)]} />
    <LanguagesInput />
    <TextInput source="source" validate={[required(), maxLength(500)]} fullWidth />
  </>
);
