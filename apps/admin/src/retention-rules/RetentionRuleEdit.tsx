import { Edit, SimpleForm } from 'react-admin';
import { RetentionRuleInputs } from './RetentionRuleInputs';

export const RetentionRuleEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list">
    <SimpleForm>
      <RetentionRuleInputs />
    </SimpleForm>
  </Edit>
);

export default RetentionRuleEdit;
