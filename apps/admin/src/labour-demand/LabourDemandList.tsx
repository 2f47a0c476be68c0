import { DataTable, FunctionField, List, NumberInput, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { ImportButton } from './ImportButton';
import { LabourDemandEmpty } from './LabourDemandEmpty';

/** Vacancies per region × occupation, which the placement score reads; importable from CSV or XLSX. */
export const LabourDemandList = () => {
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
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
      <DataTable bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="year" />
        <DataTable.Col source="regionId">
          <FunctionField<{ regionId: number }> render={(record) => nameOf(record.regionId)} />
        </DataTable.Col>
        <DataTable.Col source="occupation" />
        <DataTable.NumberCol source="vacancies" />
        <DataTable.Col source="source" disableSort />
      </DataTable>
    </List>
  );
};

export default LabourDemandList;
