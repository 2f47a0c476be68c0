import { Typography } from '@mui/material';
import {
  DataTable,
  List,
  ReferenceField,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';
import { DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { useRole } from '../common/useRole';
import type { ApplicationRow } from '../providers/caseTypes';
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

/**
 * Cases with the caseworker queues as tabs, filters, and bulk assignment for those who work cases.
 * The region column only for nationwide roles: everyone else sees their own region's cases.
 */
export const ApplicationList = () => {
  const filters = useApplicationFilters();
  const { nationwide } = useRole();
  const { canAccess: canAssign } = useCanAccess({ resource: 'applications', action: 'edit' });
  return (
    <List filters={filters} actions={<ListActions />} sort={{ field: 'id', order: 'DESC' }} perPage={25}>
      <QueueTabs />
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
    </List>
  );
};

export default ApplicationList;
