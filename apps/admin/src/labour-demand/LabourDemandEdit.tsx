import { Edit, SimpleForm } from 'react-admin';
import { LabourDemandInputs } from './LabourDemandInputs';

export const LabourDemandEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm>
      <LabourDemandInputs />
    </SimpleForm>
  </Edit>
);

export default LabourDemandEdit;
