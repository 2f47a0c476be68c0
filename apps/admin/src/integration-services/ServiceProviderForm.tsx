import { Stack } from '@mui/material';
import {
  ArrayInput,
  Create,
  DateInput,
  Edit,
  email,
  maxValue,
  minValue,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
} from 'react-admin';
import { useLocalizedName } from '../common/localizedName';
import { RecordHistory } from '../common/RecordHistory';
import { useRole } from '../common/useRole';
import { integer, notBeforeValidFrom } from '../common/validators';
import { RegionReferenceInput } from '../users/RegionReferenceInput';
import { PROVIDER_KIND_CHOICES } from './serviceChoices';

const ProviderInputs = () => {
  const { nationwide } = useRole();
  const name = useLocalizedName();
  return (
    <>
      <TextInput source="name" validate={required()} fullWidth />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <SelectInput source="kind" choices={PROVIDER_KIND_CHOICES} validate={required()} />
        {/* A regional official keeps their own region's providers. */}
        <RegionReferenceInput validate={required()} disabled={!nationwide} />
      </Stack>
      <TextInput source="address" fullWidth />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <TextInput source="phone" />
        <TextInput source="email" type="email" validate={email()} />
      </Stack>
      <ArrayInput source="services">
        <SimpleFormIterator inline disableReordering>
          <ReferenceInput source="serviceTypeId" reference="service-types" perPage={200}>
            <SelectInput
              optionText={(type) => name(type)}
              validate={required()}
              label="resources.service-providers.fields.serviceTypeId"
            />
          </ReferenceInput>
          <NumberInput
            source="placesPerMonth"
            label="resources.service-providers.fields.placesPerMonth"
            validate={[required(), integer, minValue(0), maxValue(100_000)]}
            step={1}
          />
        </SimpleFormIterator>
      </ArrayInput>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <DateInput source="validFrom" />
        <DateInput source="validTo" validate={notBeforeValidFrom} />
      </Stack>
      <RecordHistory />
    </>
  );
};

/** The API takes each service's type and places; the places taken it answers with stay behind. */
const providerTransform = <T extends { services?: { serviceTypeId: number; placesPerMonth: number }[] }>(
  data: T,
): T => ({
  ...data,
  services: (data.services ?? []).map(({ serviceTypeId, placesPerMonth }) => ({ serviceTypeId, placesPerMonth })),
});

export const ServiceProviderCreate = () => {
  const { regionId } = useRole();
  return (
    <Create redirect="list" transform={providerTransform}>
      <SimpleForm defaultValues={{ kind: 'adaptation_centre', regionId, services: [] }}>
        <ProviderInputs />
      </SimpleForm>
    </Create>
  );
};

export const ServiceProviderEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={providerTransform}>
    <SimpleForm>
      <ProviderInputs />
    </SimpleForm>
  </Edit>
);
