import { DataTable, List, NumberInput, TextField } from 'react-admin';
import { CalendarDateField } from '../common/DateTimeField';
import { ListActions } from '../common/ListActions';
import { TengeField } from './TengeField';

const mciRateFilters = [<NumberInput key="year" source="year" min={1990} max={2200} alwaysOn />];

export const MciRateList = () => (
  <List filters={mciRateFilters} actions={<ListActions />} sort={{ field: 'year', order: 'DESC' }}>
    <DataTable bulkActionButtons={false}>
      <DataTable.Col source="year" />
      <DataTable.NumberCol source="amount" field={TengeField} />
      <DataTable.Col source="source" disableSort>
        <TextField source="source" sx={{ display: 'block', maxWidth: 420 }} />
      </DataTable.Col>
      <DataTable.Col source="validFrom" disableSort>
        <CalendarDateField source="validFrom" />
      </DataTable.Col>
      <DataTable.Col source="validTo" disableSort>
        <CalendarDateField source="validTo" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default MciRateList;
