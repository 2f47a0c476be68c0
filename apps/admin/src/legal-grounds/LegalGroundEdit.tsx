import { Edit, SimpleForm } from 'react-admin';
import { LegalGroundInputs } from './LegalGroundInputs';

export const LegalGroundEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <LegalGroundInputs />
    </SimpleForm>
  </Edit>
);

export default LegalGroundEdit;
