import { BooleanInput, required, SelectInput } from 'react-admin';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { ROLE_CHOICES } from '../common/roles';

/** A role and whether its users must sign in with a second factor; read at each sign-in. */
export const MfaPolicyInputs = () => (
  <>
    <SelectInput source="role" choices={ROLE_CHOICES} validate={required()} />
    <BooleanInput source="mfaRequired" helperText="resources.mfa-policies.helpers.mfaRequired" />
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
