import { Typography } from '@mui/material';
import {
  DataTable,
  ListBase,
  Pagination,
  SimpleList,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { AuditActionField, AuditEntityField, useAuditNames } from '../audit-events/auditNames';
import { CompactLine } from '../common/CompactLine';
import { DateTimeField } from '../common/DateTimeField';
import { ResponsiveList } from '../common/ResponsiveList';
import type { Person } from '../providers/personTypes';

interface AccessEntry extends RaRecord {
  occurredAt: string;
  actorUsername: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
}

/** Who read or changed this person, when and how (GET /api/persons/:id/access-log): for auditors and admins. */
export const PersonAccessLog = () => {
  const record = useRecordContext<Person>();
  const translate = useTranslate();
  const names = useAuditNames();
  const { canAccess } = useCanAccess({ resource: 'audit-events', action: 'list' });
  if (!record || !canAccess) return null;
  return (
    <section data-testid="person-access-log">
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.access_log.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('app.access_log.help')}
      </Typography>
      <ListBase<AccessEntry>
        resource={`persons/${record.id}/access-log`}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={10}
        disableSyncWithLocation
        // Access is checked above (audit-events: list): the path is no resource of the permission table.
        disableAuthentication
      >
        <ResponsiveList
          compact={
            <SimpleList<AccessEntry>
              primaryText={(entry) => names.action(entry)}
              secondaryText={(entry) => (
                <CompactLine>
                  <DateTimeField source="occurredAt" showTime />
                  <code>{entry.actorUsername}</code>
                </CompactLine>
              )}
              tertiaryText={(entry) => [names.entity(entry), entry.entityId].filter(Boolean).join(' ')}
              rowClick={false}
            />
          }
        >
          <DataTable<AccessEntry> bulkActionButtons={false} rowClick={false}>
            <DataTable.Col source="occurredAt" label="resources.audit-events.fields.occurredAt">
              <DateTimeField source="occurredAt" showTime />
            </DataTable.Col>
            <DataTable.Col
              source="actorUsername"
              label="resources.audit-events.fields.actorUsername"
              disableSort
              render={(entry: AccessEntry) => <code>{entry.actorUsername}</code>}
            />
            <DataTable.Col source="action" label="resources.audit-events.fields.action" disableSort>
              <AuditActionField source="action" />
            </DataTable.Col>
            <DataTable.Col source="entityType" label="resources.audit-events.fields.entityType" disableSort>
              <AuditEntityField source="entityType" />
            </DataTable.Col>
            <DataTable.Col source="entityId" label="resources.audit-events.fields.entityId" disableSort />
          </DataTable>
        </ResponsiveList>
        <Pagination rowsPerPageOptions={[10, 25, 50]} />
      </ListBase>
    </section>
  );
};
