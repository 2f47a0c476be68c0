import { DataTable, FunctionField, List, NumberInput, SearchInput, SimpleList } from 'react-admin';
import { CompactLine } from '../common/CompactLine';
import { CountField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatNumber } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { ImportButton } from './ImportButton';
import { LabourDemandEmpty } from './LabourDemandEmpty';

interface LabourDemand {
  id: number;
  year: number;
  regionId: number;
  occupation: string;
  vacancies: number;
}

/** Vacancies per region × occupation, which the placement score reads; importable from CSV or XLSX. */
export const LabourDemandList = () => {
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
  const formatNumber = useFormatNumber();
  const filters = [
    <SearchInput key="occupation" source="occupation" alwaysOn />,
    <NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" />] : []),
  ];
  return (
    <List
      filters={filters}
      actions={
        <ListActions>
          <ImportButton />
        </ListActions>
      }
      empty={<LabourDemandEmpty />}
      perPage={25}
    >
      <ResponsiveList
        compact={
          <SimpleList<LabourDemand>
            primaryText={(record) => record.occupation}
            secondaryText={(record) => (
              <CompactLine>
                {nameOf(record.regionId)}
                {record.year}
              </CompactLine>
            )}
            tertiaryText={(record) => formatNumber(record.vacancies)}
            rowClick="edit"
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick="edit">
          <DataTable.Col source="year" />
          <DataTable.Col source="regionId">
            <FunctionField<{ regionId: number }> render={(record) => nameOf(record.regionId)} />
          </DataTable.Col>
          <DataTable.Col source="occupation" />
          <DataTable.Col source="vacancies" align="right" field={CountField} />
          <DataTable.Col source="source" disableSort />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default LabourDemandList;
