import { Typography } from '@mui/material';
import {
  DataTable,
  List,
  ReferenceField,
  SimpleList,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { type ApplicationRow } from '@qonys/domain';
import { CompactLine } from '../common/CompactLine';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { LocalePagination } from '../common/LocalePagination';
import { ResponsiveList, SelectableSimpleList } from '../common/ResponsiveList';
import { useFormatPersons } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { useApplicationFilters } from './applicationFilters';
import { BulkAssignButton } from './BulkAssignButton';
import { CaseNumberField } from './CaseNumberField';
import { DeadlineField } from './DeadlineField';
import { QueueTabs } from './QueueTabs';
import { StatusField } from './StatusField';

const AssigneeNameField = (_props: FieldProps) => {
  const record = useRecordContext<ApplicationRow>();
  const translate = useTranslate();
  if (!record) return null;
  return record.assignedToName ? (
    <Typography component="span" variant="body2">
      {record.assignedToName}
    </Typography>
  ) : (
    <Typography component="span" variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
      {translate('app.not_assigned')}
    </Typography>
  );
};

/** A case on a phone: the applicant, then number, status and deadline; the family's size on the right. */
const useCompactCase = () => {
  const { nationwide } = useRole();
  const formatPersons = useFormatPersons();
  return {
    primaryText: (record: ApplicationRow) => record.applicantName ?? '—',
    secondaryText: (record: ApplicationRow) => (
      <CompactLine>
        <CaseNumberField source="number" />
        <StatusField source="status" />
        {(record.deadlineDue !== null || record.deadlinePausedRemaining !== null) && (
          <DeadlineField source="deadlineDue" />
        )}
        {nationwide && <ReferenceField source="regionId" reference="regions" link={false} />}
      </CompactLine>
    ),
    tertiaryText: (record: ApplicationRow) => formatPersons(record.memberCount),
    rowClick: 'show',
  } as const;
};

/**
 * Cases with the caseworker queues as tabs, filters, and bulk assignment for those who work cases.
 * The region column only for nationwide roles: everyone else sees their own region's cases.
 */
export const ApplicationList = () => {
  const filters = useApplicationFilters();
  const { nationwide } = useRole();
  const { canAccess: canAssign } = useCanAccess({ resource: 'applications', action: 'edit' });
  const compact = useCompactCase();
  return (
    <List
      filters={filters}
      actions={<ListActions />}
      sort={{ field: 'id', order: 'DESC' }}
      perPage={25}
      pagination={<LocalePagination />}
    >
      <QueueTabs />
      <ResponsiveList
        compact={
          canAssign ? (
            <SelectableSimpleList<ApplicationRow> {...compact} bulkActionButtons={<BulkAssignButton />} />
          ) : (
            <SimpleList<ApplicationRow> {...compact} />
          )
        }
      >
        <DataTable bulkActionButtons={canAssign ? <BulkAssignButton /> : false} rowClick="show">
          <DataTable.Col source="number" field={CaseNumberField} />
          <DataTable.Col source="applicantName" disableSort />
          <DataTable.Col source="status" field={StatusField} />
          {nationwide && (
            <DataTable.Col source="regionId" disableSort>
              <ReferenceField source="regionId" reference="regions" link={false} />
            </DataTable.Col>
          )}
          <DataTable.Col source="assignedToName" field={AssigneeNameField} disableSort />
          <DataTable.Col source="deadlineDue" label="resources.applications.fields.deadline" field={DeadlineField} />
          <DataTable.Col source="memberCount" disableSort align="right" />
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default ApplicationList;
