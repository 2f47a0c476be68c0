import { maxLength, required, TextArrayInput, TextInput, type Validator } from 'react-admin';
import { Stack } from '@mui/material';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { MAX_YEAR, MIN_YEAR, validateKatoCode } from '../common/validators';

const CENTRE = ['centreKk', 'centreRu', 'centreEn'] as const;

/** As the API: a centre is named in all three languages or in none (the three cities). */
const centreInEveryLanguage: Validator = (value: unknown, all: Record<string, unknown>) =>
  !value && CENTRE.some((field) => Boolean(all?.[field])) ? 'app.validation.all_languages' : undefined;

const YEAR = /^\d{4}$/;

/** Chips are text; the API wants a sorted list of distinct years. */
const parseYears = (values: string[] | null): (number | string)[] =>
  [...new Set((values ?? []).map((value) => String(value).trim()).filter(Boolean))]
    .map((value) => (YEAR.test(value) ? Number(value) : value))
    .sort((a, b) => Number(a) - Number(b));

const formatYears = (values: (number | string)[] | null | undefined): string[] => (values ?? []).map(String);

const validateYears: Validator = (values: unknown) =>
  Array.isArray(values) && values.some((value) => typeof value !== 'number' || value < MIN_YEAR || value > MAX_YEAR)
    ? 'app.validation.year'
    : undefined;

export const RegionInputs = () => (
  <>
    <TextInput source="code" validate={validateKatoCode} helperText="app.validation.kato_code" />
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      <TextInput source="nameKk" validate={required()} fullWidth />
      <TextInput source="nameRu" validate={required()} fullWidth />
      <TextInput source="nameEn" validate={required()} fullWidth />
    </Stack>
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ width: '100%' }}>
      {CENTRE.map((source) => (
        <TextInput key={source} source={source} validate={[centreInEveryLanguage, maxLength(200)]} fullWidth />
      ))}
    </Stack>
    <TextArrayInput
      source="settlementYears"
      parse={parseYears}
      format={formatYears}
      validate={validateYears}
      fullWidth
    />
    <ReferenceDataInputs />
    <RecordHistory />
  </>
);
