import { isNationwide, needsProvider, type Role } from '@qonys/domain';
import {
  email,
  PasswordInput,
  ReferenceInput,
  required,
  SelectInput,
  TextInput,
  useGetIdentity,
  useRecordContext,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ROLE_CHOICES } from '../common/roles';
import { sameAs, validatePassword, validateUsername } from '../common/validators';
import { DisabledInput } from './DisabledInput';
import { RegionReferenceInput } from './RegionReferenceInput';

/** Region-scoped roles need a region; administrators and auditors see every region. */
const regionRequiredForRole: Validator = (value, allValues) =>
  !value && allValues?.role && !isNationwide(allValues.role as Role) && !needsProvider(allValues.role as Role)
    ? 'app.validation.region_required'
    : undefined;

const RoleAndRegionInputs = ({ lockRole = false }: { lockRole?: boolean }) => {
  const role = useWatch({ name: 'role' }) as Role | undefined;
  const nationwide = role !== undefined && isNationwide(role);
  const atProvider = role !== undefined && needsProvider(role);
  return (
    <>
      <SelectInput source="role" choices={ROLE_CHOICES} validate={required()} readOnly={lockRole} />
      {/* A provider's staff are in their provider's region: the API sets it. */}
      {atProvider ? (
        <ReferenceInput
          source="providerId"
          reference="service-providers"
          perPage={100}
          sort={{ field: 'name', order: 'ASC' }}
        >
          <SelectInput optionText="name" validate={required()} />
        </ReferenceInput>
      ) : (
        <RegionReferenceInput validate={regionRequiredForRole} disabled={nationwide} />
      )}
    </>
  );
};

const validateEmail = email();

export const UserCreateInputs = () => (
  <>
    <TextInput source="username" validate={validateUsername} autoComplete="off" />
    <TextInput source="fullName" validate={required()} fullWidth />
    <TextInput source="email" type="email" validate={validateEmail} fullWidth />
    <RoleAndRegionInputs />
    <PasswordInput source="password" validate={validatePassword} autoComplete="new-password" />
    <PasswordInput source="passwordConfirm" validate={[required(), sameAs('password')]} autoComplete="new-password" />
  </>
);

/** Editing oneself: the role stays as it is (the API refuses the change anyway). */
export const UserEditInputs = () => {
  const record = useRecordContext();
  const { identity } = useGetIdentity();
  const editingSelf = identity !== undefined && record !== undefined && String(identity.id) === String(record.id);
  return (
    <>
      <TextInput source="username" readOnly />
      <TextInput source="fullName" validate={required()} fullWidth />
      <TextInput source="email" type="email" validate={validateEmail} fullWidth />
      <RoleAndRegionInputs lockRole={editingSelf} />
      <DisabledInput readOnly={editingSelf} />
    </>
  );
};

/** A nationwide role carries no region, a provider's staff their provider's: send null rather than a stale choice. */
export const userTransform = <T extends { role?: string; regionId?: unknown; providerId?: unknown }>(data: T): T => {
  const role = data.role as Role | undefined;
  if (!role) return data;
  if (needsProvider(role)) return { ...data, regionId: null };
  return { ...data, providerId: null, ...(isNationwide(role) ? { regionId: null } : {}) };
};
