import { Create, SimpleForm } from 'react-admin';
import { RegionCapacityInputs } from './RegionCapacityInputs';

export const RegionCapacityCreate = () => (
  <Create redirect="list" record={{ languages: ['kk', 'ru'] }}>
    <SimpleForm>
      <RegionCapacityInputs />
    </SimpleForm>
  </Create>
);

export default RegionCapacityCreate;
