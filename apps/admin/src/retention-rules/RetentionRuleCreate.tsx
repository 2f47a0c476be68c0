import { Create, SimpleForm } from 'react-admin';
import { RetentionRuleInputs } from './RetentionRuleInputs';

export const RetentionRuleCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ recordKind: 'closed_case_persons' }}>
      <RetentionRuleInputs />
    </SimpleForm>
  </Create>
);

export default RetentionRuleCreate;
