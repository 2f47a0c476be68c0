import { Chip } from '@mui/material';
import { ROLES, type Role } from '@qonys/domain';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

export const roleLabelKey = (role: Role | string): string => `app.roles.${role}`;

/** Choices for a role SelectInput; react-admin translates the names. */
export const ROLE_CHOICES = ROLES.map((role) => ({ id: role, name: roleLabelKey(role) }));

export const RoleField = ({ source = 'role' }: FieldProps & { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const role = record?.[source] as string | undefined;
  if (!role) return null;
  return <Chip size="small" variant="outlined" label={translate(roleLabelKey(role))} />;
};
