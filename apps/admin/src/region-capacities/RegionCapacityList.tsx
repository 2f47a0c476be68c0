import { DataTable, FunctionField, List, NumberInput, SimpleList, useTranslate } from 'react-admin';
import { CompactLine } from '../common/CompactLine';
import { CountField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { useFormatNumber } from '../common/useFormatNumber';
import { useRole } from '../common/useRole';
import { LanguagesField } from '../common/world/LanguagesField';
import { useRegionNames } from '../quotas/useRegionNames';
import { RegionReferenceInput } from '../users/RegionReferenceInput';

interface RegionCapacity {
  id: number;
  year: number;
  regionId: number;
  housingUnits: number;
  adaptationCentrePlaces: number;
  languages: string[];
}

/** Housing units and adaptation-centre places per region and year: reference data of the placement score. */
export const RegionCapacityList = () => {
  const { nationwide } = useRole();
  const { nameOf } = useRegionNames();
  const translate = useTranslate();
  const formatNumber = useFormatNumber();
  const figure = (record: RegionCapacity, field: 'housingUnits' | 'adaptationCentrePlaces') =>
    `${translate(`resources.region-capacities.fields.${field}`)}: ${formatNumber(record[field])}`;
  const filters = [
    <NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />,
    ...(nationwide ? [<RegionReferenceInput key="regionId" />] : []),
  ];
  return (
    <List filters={filters} actions={<ListActions />} perPage={25}>
      <ResponsiveList
        compact={
          <SimpleList<RegionCapacity>
            primaryText={(record) => nameOf(record.regionId)}
            secondaryText={(record) => (
              <CompactLine>
                {figure(record, 'housingUnits')}
                {figure(record, 'adaptationCentrePlaces')}
              </CompactLine>
            )}
            tertiaryText={(record) => record.year}
            rowClick="edit"
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick="edit">
          <DataTable.Col source="year" />
          <DataTable.Col source="regionId">
            <FunctionField<RegionCapacity> render={(record) => nameOf(record.regionId)} />
          </DataTable.Col>
          <DataTable.Col source="housingUnits" align="right" field={CountField} />
          <DataTable.Col source="adaptationCentrePlaces" align="right" field={CountField} />
          <DataTable.Col source="languages" disableSort field={LanguagesField} />
          <DataTable.Col source="source" disableSort />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default RegionCapacityList;
