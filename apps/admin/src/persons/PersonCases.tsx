import { Typography } from '@mui/material';
import { DataTable, ReferenceManyField, SimpleList, useCanAccess, useTranslate } from 'react-admin';
import { type ApplicationRow } from '@qonys/domain';
import { CaseNumberField } from '../applications/CaseNumberField';
import { StatusField } from '../applications/StatusField';
import { CompactLine } from '../common/CompactLine';
import { DateTimeField } from '../common/DateTimeField';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatPersons } from '../common/useFormatNumber';

/** The cases this person applied in (GET /api/applications?filter={"applicantId":…}). */
export const PersonCases = () => {
  const translate = useTranslate();
  const formatPersons = useFormatPersons();
  const { canAccess } = useCanAccess({ resource: 'applications', action: 'list' });
  if (!canAccess) return null;
  return (
    <>
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {translate('app.person_cases')}
      </Typography>
      <ReferenceManyField
        reference="applications"
        target="applicantId"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('app.no_cases')}
          </Typography>
        }
      >
        <ResponsiveList
          compact={
            <SimpleList<ApplicationRow>
              primaryText={<CaseNumberField source="number" />}
              secondaryText={
                <CompactLine>
                  <StatusField source="status" />
                  <DateTimeField source="createdAt" />
                </CompactLine>
              }
              tertiaryText={(record) => formatPersons(record.memberCount)}
              rowClick="show"
            />
          }
        >
          <DataTable bulkActionButtons={false} rowClick="show">
            <DataTable.Col source="number" field={CaseNumberField} label="resources.applications.fields.number" />
            <DataTable.Col source="status" field={StatusField} label="resources.applications.fields.status" />
            <DataTable.Col source="memberCount" label="resources.applications.fields.memberCount" />
            <DataTable.Col source="createdAt" label="resources.applications.fields.createdAt">
              <DateTimeField source="createdAt" />
            </DataTable.Col>
          </DataTable>
        </ResponsiveList>
      </ReferenceManyField>
    </>
  );
};
