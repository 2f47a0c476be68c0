import { Create, SimpleForm } from 'react-admin';
import { MciRateInputs } from './MciRateInputs';

export const MciRateCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ year: new Date().getFullYear() + 1 }}>
      <MciRateInputs />
    </SimpleForm>
  </Create>
);

export default MciRateCreate;
