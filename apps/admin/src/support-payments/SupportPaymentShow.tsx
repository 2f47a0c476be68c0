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
} from 'react-admin';
import { ApprovePaymentButton } from './ApprovePaymentButton';
import { benefitKindChoices, paymentStateChoices } from './paymentChoices';

/** One payment with the computation it was prepared with (never rewritten by a later rule or MCI). */
export const SupportPaymentShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ApprovePaymentButton />
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
      <TextField source="preparedBy" />
      <TextField source="approvedBy" emptyText="—" />
      <DateField source="approvedAt" showTime emptyText="—" />
      <DateField source="sentAt" showTime emptyText="—" />
      <DateField source="paidAt" showTime emptyText="—" />
      <TextField source="bankReference" emptyText="—" />
      <TextField source="failureCode" emptyText="—" />
    </SimpleShowLayout>
  </Show>
);

export default SupportPaymentShow;
