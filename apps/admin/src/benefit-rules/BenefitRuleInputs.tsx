import { BENEFIT_FORMULA_FIELDS, type BenefitFormula } from '@qonys/domain';
import { Stack } from '@mui/material';
import {
  BooleanInput,
  maxValue,
  minValue,
  NumberInput,
  required,
  SelectInput,
  TextInput,
  useTranslate,
  type Validator,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ReferenceDataInputs } from '../common/ReferenceDataInputs';
import { RecordHistory } from '../common/RecordHistory';
import { integer } from '../common/validators';
import { BENEFIT_FORMULA_CHOICES, BENEFIT_KIND_CHOICES } from './benefitChoices';

const mciFigure = [required(), integer, minValue(0), maxValue(100_000)];
const BOUNDS: Record<string, Validator[]> = {
  months: [required(), integer, minValue(1), maxValue(120)],
  sharePercent: [required(), integer, minValue(1), maxValue(100)],
  capMci: [integer, minValue(1), maxValue(100_000)],
  capKzt: [integer, minValue(1)],
};

/** The terms the chosen formula uses (BENEFIT_FORMULA_FIELDS). */
const TermInputs = () => {
  const formula = useWatch({ name: 'formula' }) as BenefitFormula | undefined;
  if (!formula) return null;
  const terms = BENEFIT_FORMULA_FIELDS[formula];
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
      {terms.map((term) => (
        <NumberInput key={term} source={term} validate={BOUNDS[term] ?? mciFigure} step={1} />
      ))}
    </Stack>
  );
};

/** A dated rule of state support in MCI with its act (docs/support-payments.md). */
export const BenefitRuleInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <SelectInput source="kind" choices={BENEFIT_KIND_CHOICES} validate={required()} />
        <SelectInput source="formula" choices={BENEFIT_FORMULA_CHOICES} validate={required()} />
      </Stack>
      <TermInputs />
      <BooleanInput source="unconfirmed" helperText={translate('app.benefit_unconfirmed')} />
      <TextInput source="nameKk" validate={required()} fullWidth />
      <TextInput source="nameRu" validate={required()} fullWidth />
      <TextInput source="nameEn" validate={required()} fullWidth />
      <ReferenceDataInputs />
      <RecordHistory />
    </>
  );
};
