import { Create, SimpleForm } from 'react-admin';
import { BenefitRuleInputs } from './BenefitRuleInputs';

export const BenefitRuleCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ kind: 'relocation', formula: 'per_person', unconfirmed: false }}>
      <BenefitRuleInputs />
    </SimpleForm>
  </Create>
);

export default BenefitRuleCreate;
