import { Chip, Stack } from '@mui/material';
import { DataTable, List, NumberInput, SearchInput, SimpleList, TextField, useRecordContext } from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { LocalizedNameField, LocalizedTextField, useNameSource } from '../common/localizedName';
import { useEditRowClick } from '../common/useEditRowClick';

const regionFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NumberInput key="settlementYear" source="settlementYear" min={1991} max={2100} />,
];

const SettlementYearsField = () => {
  const record = useRecordContext();
  const years = (record?.settlementYears as number[] | undefined) ?? [];
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {years.map((year) => (
        <Chip key={year} size="small" label={year} />
      ))}
    </Stack>
  );
};

export const RegionList = () => {
  const nameSource = useNameSource();
  const rowClick = useEditRowClick();
  return (
    <List filters={regionFilters} actions={<ListActions />} sort={{ field: 'code', order: 'ASC' }} perPage={25}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<LocalizedNameField source={nameSource} />}
            secondaryText={
              <CompactLine>
                <TextField source="code" />
                <LocalizedTextField base="centre" />
                <ValidityPeriod />
              </CompactLine>
            }
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="code" />
          <DataTable.Col source={nameSource} label="resources.regions.fields.name" field={LocalizedNameField} />
          <DataTable.Col source="centre" disableSort>
            <LocalizedTextField base="centre" />
          </DataTable.Col>
          <DataTable.Col source="settlementYears" disableSort>
            <SettlementYearsField />
          </DataTable.Col>
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default RegionList;
