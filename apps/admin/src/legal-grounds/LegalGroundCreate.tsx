import { Create, SimpleForm } from 'react-admin';
import { LegalGroundInputs } from './LegalGroundInputs';

export const LegalGroundCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'reject' }}>
      <LegalGroundInputs />
    </SimpleForm>
  </Create>
);

export default LegalGroundCreate;
