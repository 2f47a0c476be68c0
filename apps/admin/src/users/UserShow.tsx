import {
  BooleanField,
  EditButton,
  EmailField,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { RoleField } from '../common/roles';
import { ResetPasswordButton } from './ResetPasswordButton';

const UserShowActions = () => (
  <TopToolbar>
    <ResetPasswordButton />
    <EditButton />
  </TopToolbar>
);

export const UserShow = () => (
  <Show actions={<UserShowActions />}>
    <SimpleShowLayout>
      <TextField source="id" />
      <TextField source="username" />
      <TextField source="fullName" />
      <EmailField source="email" />
      <RoleField source="role" />
      <ReferenceField source="regionId" reference="regions" emptyText="—" />
      <BooleanField source="disabled" />
      <BooleanField source="mfaEnabled" />
      <DateTimeField source="lockedUntil" showTime />
      <DateTimeField source="lastLoginAt" showTime />
      <DateTimeField source="createdAt" showTime />
      <DateTimeField source="updatedAt" showTime />
      <TextField source="version" />
    </SimpleShowLayout>
  </Show>
);

export default UserShow;
