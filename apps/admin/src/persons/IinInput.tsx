import { validateIin, type Sex } from '@qonys/domain';
import { TextInput, useTranslate, type Validator } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useFormatCalendarDate } from '../common/CalendarDate';

const digitsOf = (value: unknown): string => String(value ?? '').replace(/\s/g, '');

/**
 * The IIN check of libs/domain (check digit, a real birth date, agreeing with the
 * birth date and sex entered): a hint before the round trip — the API checks it again.
 */
const iinHint: Validator = (value, allValues) => {
  const iin = digitsOf(value);
  if (!iin) return undefined;
  const result = validateIin(iin, {
    birthDate: (allValues?.birthDate as string | null) || undefined,
    sex: (allValues?.sex as Sex | null) || undefined,
  });
  return result.valid ? undefined : `app.iin.${result.error}`;
};

/**
 * A live hint under the input, before any submit: what a valid IIN says about its
 * holder, or what is wrong with a complete one.
 */
const useIinHelper = (): string | false => {
  const [value, birthDate, sex] = useWatch({ name: ['iin', 'birthDate', 'sex'] }) as [
    unknown,
    string | null,
    Sex | null,
  ];
  const iin = digitsOf(value);
  const translate = useTranslate();
  const formatDate = useFormatCalendarDate();
  if (iin.length < 12) return false;
  const result = validateIin(iin, { birthDate: birthDate || undefined, sex: sex || undefined });
  if (!result.valid) return translate(`app.iin.${result.error}`);
  return translate('app.iin.encodes', {
    date: formatDate(result.birthDate),
    sex: translate(`app.sexes.${result.sex}`).toLowerCase(),
  });
};

export const IinInput = () => {
  const helper = useIinHelper();
  return (
    <TextInput
      source="iin"
      validate={iinHint}
      helperText={helper}
      parse={(value: string) => digitsOf(value) || null}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 14, autoComplete: 'off' } }}
    />
  );
};
