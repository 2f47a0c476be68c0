import { Create, SimpleForm } from 'react-admin';
import { LabourDemandInputs } from './LabourDemandInputs';

export const LabourDemandCreate = () => (
  <Create redirect="list">
    <SimpleForm>
      <LabourDemandInputs />
    </SimpleForm>
  </Create>
);

export default LabourDemandCreate;
