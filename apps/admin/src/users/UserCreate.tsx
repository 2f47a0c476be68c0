import { Create, SimpleForm } from 'react-admin';
import { UserCreateInputs, userTransform } from './UserInputs';

export const UserCreate = () => (
  <Create redirect="show" transform={userTransform}>
    <SimpleForm defaultValues={{ role: 'caseworker', regionId: null }}>
      <UserCreateInputs />
    </SimpleForm>
  </Create>
);

export default UserCreate;
