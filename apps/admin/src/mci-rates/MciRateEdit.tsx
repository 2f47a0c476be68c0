import { Edit, SimpleForm } from 'react-admin';
import { MciRateInputs } from './MciRateInputs';

export const MciRateEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <MciRateInputs />
    </SimpleForm>
  </Edit>
);

export default MciRateEdit;
