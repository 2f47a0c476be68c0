import { Edit, SimpleForm } from 'react-admin';
import { DeadlineInputs } from './DeadlineInputs';

export const DeadlineEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <DeadlineInputs editing />
    </SimpleForm>
  </Edit>
);

export default DeadlineEdit;
