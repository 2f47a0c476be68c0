import { Edit, SimpleForm } from 'react-admin';
import { MfaPolicyInputs } from './MfaPolicyInputs';

export const MfaPolicyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <MfaPolicyInputs />
    </SimpleForm>
  </Edit>
);

export default MfaPolicyEdit;
