import {
  BooleanField,
  DateField,
  NumberField,
  ReferenceField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ApprovePaymentButton } from './ApprovePaymentButton';
import { CancelPaymentButton } from './CancelPaymentButton';
import { benefitKindChoices, paymentCancelReasonChoices, paymentStateChoices } from './paymentChoices';

/** Who prepared the payment: a user, or the system for a rent instalment. */
// `source` names the label SimpleShowLayout gives it.
const PreparedByField = (_props: { source: string }) => {
  const record = useRecordContext<{ preparedBy: number | null }>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{record.preparedBy ?? translate('app.payments.prepared_by_system')}</>;
};

/** One payment with the computation it was prepared with (never rewritten by a later rule or MCI). */
export const SupportPaymentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ApprovePaymentButton />
        <CancelPaymentButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <TextField source="applicationNumber" />
      <TextField source="applicantName" />
      <SelectField source="kind" choices={benefitKindChoices} />
      <DateField source="eventDate" />
      <SelectField source="state" choices={paymentStateChoices} />
      <ReferenceField source="ruleId" reference="benefit-rules" link={false} />
      <BooleanField source="unconfirmed" />
      <NumberField source="mciValue" />
      <NumberField source="persons" />
      <NumberField source="amountMci" emptyText="—" />
      <NumberField source="monthlyMci" emptyText="—" />
      <NumberField source="priceKzt" emptyText="—" />
      <NumberField source="amountKzt" />
      <ReferenceField source="batchId" reference="payment-batches" link="show" />
      <PreparedByField source="preparedBy" />
      <TextField source="approvedBy" emptyText="—" />
      <DateField source="approvedAt" showTime emptyText="—" />
      <DateField source="sentAt" showTime emptyText="—" />
      <DateField source="paidAt" showTime emptyText="—" />
      <TextField source="bankReference" emptyText="—" />
      <TextField source="failureCode" emptyText="—" />
      <DateField source="cancelledAt" showTime emptyText="—" />
      <SelectField source="cancelReason" choices={paymentCancelReasonChoices} emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default SupportPaymentShow;
