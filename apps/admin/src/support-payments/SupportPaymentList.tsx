import type { CaseNames } from '@qonys/domain';
import {
  DataTable,
  DateField,
  List,
  NumberField,
  SelectField,
  SelectInput,
  SimpleList,
  useTranslate,
} from 'react-admin';
import { CaseFamily, CaseFamilyField } from '../applications/CaseFamilyField';
import { CompactLine } from '../common/CompactLine';
import { ListActions } from '../common/ListActions';
import { ResponsiveList } from '../common/ResponsiveList';
import { ApprovePaymentButton } from './ApprovePaymentButton';
import { benefitKindChoices, paymentStateChoices } from './paymentChoices';

interface PaymentRow extends CaseNames {
  id: number;
  kind: string;
  state: string;
  amountKzt: number;
  eventDate: string;
  applicationId: number;
}

/** Support payments in the user's reach; drafts first by default, to be approved by a second official. */
export const SupportPaymentList = () => {
  const translate = useTranslate();
  const filters = [
    <SelectInput key="state" source="state" choices={paymentStateChoices} alwaysOn />,
    <SelectInput key="kind" source="kind" choices={benefitKindChoices} />,
  ];
  return (
    <List filters={filters} filterDefaultValues={{ state: 'draft' }} actions={<ListActions create={false} />}>
      <ResponsiveList
        compact={
          <SimpleList<PaymentRow>
            primaryText={(record) => <CaseFamily names={record} />}
            secondaryText={(record) => (
              <CompactLine actions={<ApprovePaymentButton />}>
                {translate(`app.benefit_kinds.${record.kind}`)}
                {`${record.amountKzt.toLocaleString()} ₸`}
                {translate(`app.payments.states.${record.state}`)}
              </CompactLine>
            )}
            linkType="show"
          />
        }
      >
        <DataTable bulkActionButtons={false} rowClick="show">
          <DataTable.Col source="id" />
          <DataTable.Col source="applicationId" field={CaseFamilyField} disableSort />
          <DataTable.Col source="kind">
            <SelectField source="kind" choices={benefitKindChoices} />
          </DataTable.Col>
          <DataTable.Col source="eventDate">
            <DateField source="eventDate" />
          </DataTable.Col>
          <DataTable.Col source="amountKzt">
            <NumberField source="amountKzt" />
          </DataTable.Col>
          <DataTable.Col source="state">
            <SelectField source="state" choices={paymentStateChoices} />
          </DataTable.Col>
          <DataTable.Col>
            <ApprovePaymentButton />
          </DataTable.Col>
        </DataTable>
      </ResponsiveList>
    </List>
  );
};

export default SupportPaymentList;
