import { useState } from 'react';
import LockClockIcon from '@mui/icons-material/LockClock';
import { Tooltip } from '@mui/material';
import {
  BooleanField,
  DataTable,
  List,
  ReferenceField,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { useFormatDateTime } from '../common/CalendarDate';
import { CompactLine } from '../common/CompactLine';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { ROLE_CHOICES, RoleField } from '../common/roles';
import { RegionReferenceInput } from './RegionReferenceInput';

const disabledChoices = [
  { id: 'true', name: 'app.common.yes' },
  { id: 'false', name: 'app.common.no' },
];

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={ROLE_CHOICES} />,
  <RegionReferenceInput key="regionId" source="regionId" />,
  <SelectInput
    key="disabled"
    source="disabled"
    choices={disabledChoices}
    parse={(value: string) => (value === '' || value == null ? null : value === 'true')}
    format={(value: boolean | null | undefined) => (value == null ? '' : String(value))}
  />,
];

/** A lock icon while lockedUntil lies in the future. */
const LockedBadge = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const formatDateTime = useFormatDateTime();
  const [renderedAt] = useState(() => Date.now());
  const until = record?.lockedUntil ? new Date(record.lockedUntil as string) : null;
  if (!until || until.getTime() <= renderedAt) return null;
  return (
    <Tooltip title={`${translate('resources.users.fields.lockedUntil')}: ${formatDateTime(until)}`}>
      <LockClockIcon color="warning" fontSize="small" aria-label={translate('app.dashboard.users.locked')} />
    </Tooltip>
  );
};

/** An account on a phone: the name, then login, role, region and whether it is disabled; a lock on the right. */
const CompactUserList = () => {
  const translate = useTranslate();
  return (
    <SimpleList
      primaryText={<TextField source="fullName" />}
      secondaryText={(record) => (
        <CompactLine>
          <TextField source="username" />
          <RoleField source="role" />
          {record.regionId && <ReferenceField source="regionId" reference="regions" link={false} />}
          {record.disabled && translate('resources.users.fields.disabled')}
        </CompactLine>
      )}
      tertiaryText={<LockedBadge />}
    />
  );
};

export const UserList = () => (
  <List filters={userFilters} actions={<ListActions />} sort={{ field: 'username', order: 'ASC' }}>
    <ResponsiveList compact={<CompactUserList />}>
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="username" />
        <DataTable.Col source="fullName" />
        <DataTable.Col source="email" disableSort />
        <DataTable.Col source="role" field={RoleField} />
        <DataTable.Col source="regionId">
          <ReferenceField source="regionId" reference="regions" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="disabled" field={BooleanField} disableSort />
        <DataTable.Col source="mfaEnabled" field={BooleanField} disableSort />
        <DataTable.Col source="lockedUntil" disableSort>
          <LockedBadge />
        </DataTable.Col>
        <DataTable.Col source="lastLoginAt">
          <DateTimeField source="lastLoginAt" showTime />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  </List>
);

export default UserList;
