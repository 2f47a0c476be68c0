import { DataTable, FunctionField, List, NumberInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { useRole } from '../common/useRole';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';

interface RegionCapacity {
  regionId: number;
  languages: string[];
}

/** Housing units and adaptation-centre places per region and year: reference data of the placement score. */
export const RegionCapacityList = () => {
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
  const filters = [
    <NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" />] : []),
  ];
  return (
    <List filters={filters} actions={<ListActions />} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick="edit">
        <DataTable.Col source="year" />
        <DataTable.Col source="regionId">
          <FunctionField<RegionCapacity> render={(record) => nameOf(record.regionId)} />
        </DataTable.Col>
        <DataTable.NumberCol source="housingUnits" />
        <DataTable.NumberCol source="adaptationCentrePlaces" />
        <DataTable.Col source="languages" disableSort>
          <FunctionField<RegionCapacity> render={(record) => record.languages.join(', ')} />
        </DataTable.Col>
        <DataTable.Col source="source" disableSort />
      </DataTable>
    </List>
  );
};

export default RegionCapacityList;
