import { useWatch } from 'react-hook-form';
import {
  BooleanInput,
  maxLength,
  NumberInput,
  required,
  SelectArrayInput,
  SelectInput,
  TextInput,
  type Validator,
} from 'react-admin';
import { Stack } from '@mui/material';
import { useLocalizedName } from '../common/localizedName';
import { integer, validateYear } from '../common/validators';
import { categoryChoices } from '../quotas/quotaChoices';
import { useRegionNames } from '../quotas/useRegionNames';
import { adaptationServiceChoices } from './inclusionChoices';
import { RankedRegionsInput } from './RankedRegionsInput';

const mustConsent: Validator = (value: unknown) => (value === true ? undefined : 'app.inclusion.consent_required');

/** The inputs of an inclusion request: year, category, ranked preferences, consent, relatives, adaptation plan. */
export const InclusionRequestInputs = () => {
  const year = useWatch({ name: 'year' }) as number | null | undefined;
  const name = useLocalizedName();
  const { regions } = useRegionNames();
  return (
    <>
      <NumberInput source="applicationId" validate={[required(), integer]} min={1} />
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <NumberInput source="year" validate={validateYear} min={1990} max={2200} />
        <SelectInput source="category" choices={categoryChoices} validate={required()} />
      </Stack>
      <RankedRegionsInput source="preferredRegionIds" year={typeof year === 'number' ? year : null} />
      <BooleanInput source="consent" validate={mustConsent} helperText="app.inclusion.consent_help" />
      <SelectArrayInput
        source="relativesRegionIds"
        choices={regions}
        optionText={(region) => `${region.code} · ${name(region)}`}
        sx={{ minWidth: 300 }}
      />
      <SelectArrayInput source="adaptationServices" choices={adaptationServiceChoices} sx={{ minWidth: 300 }} />
      <TextInput source="adaptationNotes" multiline minRows={3} fullWidth validate={maxLength(4000)} />
    </>
  );
};
