import { Chip } from '@mui/material';
import { DataTable, FunctionField, List, NumberInput, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { type InclusionRequestRow } from '@qonys/domain';
import { CaseFamily, CaseFamilyField } from '../applications/CaseFamilyField';
import { CompactLine } from '../common/CompactLine';
import { CalendarDateField, DateTimeField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatPersons } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { inclusionStatusChoices } from './inclusionChoices';

const STATUS_COLOUR = { submitted: 'info', included: 'success', refused: 'error', withdrawn: 'default' } as const;

/** The inclusion queue: families waiting for a region's commission, oldest deadline first. */
export const InclusionRequestList = () => {
  const translate = useTranslate();
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
  const formatPersons = useFormatPersons();
  const statusChip = (record: InclusionRequestRow) => (
    <Chip
      size="small"
      color={STATUS_COLOUR[record.status]}
      label={translate(`app.inclusion.statuses.${record.status}`)}
    />
  );
  const filters = [
    <SelectInput key="status" source="status" choices={inclusionStatusChoices} alwaysOn />,
    <NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />,
    <NumberInput key="applicationId" source="applicationId" min={1} />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" alwaysOn />] : []),
  ];
  return (
    <List
      filters={filters}
      filterDefaultValues={{ status: 'submitted' }}
      actions={<ListActions create={false} />}
      sort={{ field: 'deadlineDue', order: 'ASC' }}
      perPage={25}
    >
      <ResponsiveList
        compact={
          <SimpleList<InclusionRequestRow>
            primaryText={(record) => <CaseFamily names={record} />}
            secondaryText={(record) => (
              <CompactLine>
                {statusChip(record)}
                {nameOf(record.regionId)}
                {record.deadlineDue && <CalendarDateField source="deadlineDue" />}
              </CompactLine>
            )}
            tertiaryText={(record) => formatPersons(record.persons)}
            rowClick="show"
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="id" />
          <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
          <DataTable.Col source="year" />
          <DataTable.Col source="persons" />
          <DataTable.Col source="regionId">
            <FunctionField<InclusionRequestRow> render={(record) => nameOf(record.regionId)} />
          </DataTable.Col>
          <DataTable.Col source="preferredRegionIds" disableSort>
            <FunctionField<InclusionRequestRow>
              render={(record) => record.preferredRegionIds.map((id, i) => `${i + 1}. ${nameOf(id)}`).join('; ')}
            />
          </DataTable.Col>
          <DataTable.Col source="status">
            <FunctionField<InclusionRequestRow> render={statusChip} />
          </DataTable.Col>
          <DataTable.Col source="deadlineDue">
            <CalendarDateField source="deadlineDue" />
          </DataTable.Col>
          <DataTable.Col source="createdAt">
            <DateTimeField source="createdAt" />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default InclusionRequestList;
