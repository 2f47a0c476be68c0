import { Create, SimpleForm } from 'react-admin';
import { DeadlineInputs } from './DeadlineInputs';

export const DeadlineCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ unit: 'working_days' }}>
      <DeadlineInputs />
    </SimpleForm>
  </Create>
);

export default DeadlineCreate;
