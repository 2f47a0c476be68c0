import { Create, SimpleForm } from 'react-admin';
import { RegionInputs } from './RegionInputs';

export const RegionCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ settlementYears: [] }}>
      <RegionInputs />
    </SimpleForm>
  </Create>
);

export default RegionCreate;
