import { todayInKazakhstan } from '@qonys/domain';
import { Create, DateInput, minValue, NumberInput, required, SelectInput, SimpleForm } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { integer } from '../common/validators';
import { benefitKindChoices } from './paymentChoices';

/** Rent takes the month's MCI within the rule's range; a housing share takes the price. */
const KindInputs = () => {
  const type = useWatch({ name: 'type' }) as string | undefined;
  if (type === 'rent') return <NumberInput source="monthlyMci" validate={[integer, minValue(0)]} step={1} />;
  if (type === 'housing') return <NumberInput source="price" validate={[integer, minValue(1)]} step={1} />;
  return null;
};

/**
 * Prepares a payment as a draft (docs/support-payments.md): the API computes it from
 * the rule in force on the date and the MCI of the year, and another official approves it.
 */
export const SupportPaymentCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ type: 'relocation', date: todayInKazakhstan() }}>
      <NumberInput source="applicationId" validate={[required(), integer, minValue(1)]} readOnly />
      <SelectInput source="type" choices={benefitKindChoices} validate={required()} />
      <DateInput source="date" validate={required()} />
      <KindInputs />
    </SimpleForm>
  </Create>
);

export default SupportPaymentCreate;
