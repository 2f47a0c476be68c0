import { DataTable } from 'react-admin';
import { CalendarDateField } from './DateTimeField';

/**
 * The "valid from" and "valid to" columns every reference-data list ends with
 * (DataTable columns render from context, so a fragment of them works as columns).
 */
export const ValidityColumns = ({ sortableFrom = false }: { sortableFrom?: boolean }) => (
  <>
    <DataTable.Col source="validFrom" disableSort={!sortableFrom}>
      <CalendarDateField source="validFrom" />
    </DataTable.Col>
    <DataTable.Col source="validTo" disableSort>
      <CalendarDateField source="validTo" />
    </DataTable.Col>
  </>
);
