import { DataTable, List, NumberInput, SimpleList, TextField } from 'react-admin';
import { ValidityColumns } from '../common/ValidityColumns';
import { CompactLine, ValidityPeriod } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { TengeField } from './TengeField';
import { useEditRowClick } from '../common/useEditRowClick';

const mciRateFilters = [<NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />];

export const MciRateList = () => {
  const rowClick = useEditRowClick();
  return (
    <List filters={mciRateFilters} actions={<ListActions />} sort={{ field: 'year', order: 'DESC' }}>
      <ResponsiveList
        compact={
          <SimpleList
            primaryText={<TextField source="year" />}
            secondaryText={
              <CompactLine>
                <ValidityPeriod />
              </CompactLine>
            }
            tertiaryText={<TengeField source="amount" />}
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick={rowClick}>
          <DataTable.Col source="year" />
          <DataTable.Col source="amount" align="right" field={TengeField} />
          <DataTable.Col source="source" disableSort>
            <TextField source="source" sx={{ display: 'block', maxWidth: 420 }} />
          </DataTable.Col>
          <ValidityColumns />
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default MciRateList;
