import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SelectInput,
  SimpleList,
  TextField,
} from 'react-admin';
import { AUDIT_ACTIONS, ENTITY_TYPES } from '@qonys/domain';
import { CompactLine } from '../common/CompactLine';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { AuditActionField, AuditEntityField, useAuditNames } from './auditNames';
import { VerifyChainButton } from './VerifyChainButton';

const auditFilters = [
  <ReferenceInput key="actorId" source="actorId" reference="users" alwaysOn>
    <AutocompleteInput optionText="username" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <SelectInput
    key="action"
    source="action"
    alwaysOn
    choices={AUDIT_ACTIONS.map((id) => ({ id, name: `names.audit_actions.${id}` }))}
  />,
  <SelectInput
    key="entityType"
    source="entityType"
    choices={ENTITY_TYPES.map((id) => ({ id, name: `names.entities.${id}` }))}
  />,
  <DateInput key="occurredFrom" source="occurredFrom" />,
  <DateInput key="occurredTo" source="occurredTo" />,
];

/** Request ids and IP addresses: machine codes, marked up as <code> (in no language). */
const Mono = ({ source }: { source: string }) => (
  <TextField source={source} component="code" sx={{ fontFamily: 'monospace', fontSize: '0.8rem' }} />
);

/** The audit log is append-only: read, filter, export and verify — nothing else. */
export const AuditEventList = () => {
  const names = useAuditNames();
  return (
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
            primaryText={(record) => names.action(record)}
            secondaryText={(record) => (
              <CompactLine>
                <DateTimeField source="occurredAt" showTime />
                {record.actorUsername}
                {[names.entity(record), record.entityId].filter(Boolean).join(' ')}
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
          <DataTable.Col source="action">
            <AuditActionField source="action" />
          </DataTable.Col>
          <DataTable.Col source="entityType" disableSort>
            <AuditEntityField source="entityType" />
          </DataTable.Col>
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
};

export default AuditEventList;
