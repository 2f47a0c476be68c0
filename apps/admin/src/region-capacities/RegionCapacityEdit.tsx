import { Edit, SimpleForm } from 'react-admin';
import { RegionCapacityInputs } from './RegionCapacityInputs';

export const RegionCapacityEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <RegionCapacityInputs />
    </SimpleForm>
  </Edit>
);

export default RegionCapacityEdit;
