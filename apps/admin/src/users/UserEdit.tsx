import { Edit, ShowButton, SimpleForm, TopToolbar } from 'react-admin';
import { RecordHistory } from '../common/RecordHistory';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserEditInputs, userTransform } from './UserInputs';

const UserEditActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
    <ShowButton />
  </TopToolbar>
);

/** Pessimistic: server validation errors land under the inputs, a stale version (409) in a notification. */
export const UserEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={userTransform} actions={<UserEditActions />}>
    <SimpleForm>
      <UserEditInputs />
      <RecordHistory />
    </SimpleForm>
  </Edit>
);

export default UserEdit;
