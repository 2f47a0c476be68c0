import { Edit, SimpleForm } from 'react-admin';
import { BenefitRuleInputs } from './BenefitRuleInputs';

export const BenefitRuleEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <BenefitRuleInputs />
    </SimpleForm>
  </Edit>
);

export default BenefitRuleEdit;
