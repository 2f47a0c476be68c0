import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SimpleList,
  TextField,
  TextInput,
} from 'react-admin';
import { CompactLine } from '../common/CompactLine';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { VerifyChainButton } from './VerifyChainButton';

const auditFilters = [
  <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn>
    <AutocompleteInput optionText="username" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <TextInput key="action" source="action" alwaysOn />,
  <TextInput key="entityType" source="entityType" />,
  <DateInput key="occurredFrom" source="occurredFrom" />,
  <DateInput key="occurredTo" source="occurredTo" />,
];

const Mono = ({ source }: { source: string }) => (
  <TextField source={source} sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }} />
);

/** The audit log is append-only: read, filter, export and verify — nothing else. */
export const AuditEventList = () => (
  <List
    filters={auditFilters}
    actions={
      <ListActions create={false}>
        <VerifyChainButton />
      </ListActions>
    }
    sort={{ field: 'id', order: 'DESC' }}
    perPage={50}
  >
    <ResponsiveList
      compact={
        <SimpleList
          primaryText={<TextField source="action" />}
          secondaryText={(record) => (
            <CompactLine>
              <DateTimeField source="occurredAt" showTime />
              {record.actorUsername}
              {[record.entityType, record.entityId].filter(Boolean).join(' ')}
            </CompactLine>
          )}
          tertiaryText={<TextField source="id" />}
        />
      }
    >
      <DataTable bulkActionButtons={false}>
        <DataTable.Col source="id" />
        <DataTable.Col source="occurredAt">
          <DateTimeField source="occurredAt" showTime />
        </DataTable.Col>
        <DataTable.Col source="actorUsername" />
        <DataTable.Col source="action" />
        <DataTable.Col source="entityType" disableSort />
        <DataTable.Col source="entityId" disableSort />
        <DataTable.Col source="requestId" disableSort>
          <Mono source="requestId" />
        </DataTable.Col>
        <DataTable.Col source="ip" disableSort>
          <Mono source="ip" />
        </DataTable.Col>
      </DataTable>
    </ResponsiveList>
  </List>
);

export default AuditEventList;
