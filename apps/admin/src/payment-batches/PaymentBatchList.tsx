import { DataTable, List, NumberField, SelectField, SelectInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { useRegionNames } from '../quotas/useRegionNames';
import { MonthField } from '../common/MonthField';
import { batchStateChoices } from '../support-payments/paymentChoices';

/** Batches of the user's reach, the latest month first, with the totals that go out. */
export const PaymentBatchList = () => {
  const { nameOf } = useRegionNames();
  return (
    <List
      filters={[<SelectInput key="state" source="state" choices={batchStateChoices} alwaysOn />]}
      actions={<ListActions create={false} />}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <DataTable.Col source="month">
          <MonthField source="month" />
        </DataTable.Col>
        <DataTable.Col source="regionId" render={(record: { regionId: number }) => nameOf(record.regionId)} />
        <DataTable.Col source="state">
          <SelectField source="state" choices={batchStateChoices} />
        </DataTable.Col>
        <DataTable.Col source="count" disableSort>
          <NumberField source="count" />
        </DataTable.Col>
        <DataTable.Col source="amountKzt" disableSort>
          <NumberField source="amountKzt" />
        </DataTable.Col>
      </DataTable>
    </List>
  );
};

export default PaymentBatchList;
