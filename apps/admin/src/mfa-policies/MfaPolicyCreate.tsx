import { Create, SimpleForm } from 'react-admin';
import { MfaPolicyInputs } from './MfaPolicyInputs';

export const MfaPolicyCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ mfaRequired: true }}>
      <MfaPolicyInputs />
    </SimpleForm>
  </Create>
);

export default MfaPolicyCreate;
