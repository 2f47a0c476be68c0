import { EDUCATION_LEVELS, ID_DOCUMENT_TYPES, SEXES } from '@qonys/domain';
import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { countryChoices, languageChoices, type WorldChoice } from '../common/world/worldNames';

/** Choices for SelectInputs; react-admin translates the names. */
export const SEX_CHOICES = SEXES.map((sex) => ({ id: sex, name: `app.sexes.${sex}` }));
export const ID_DOCUMENT_TYPE_CHOICES = ID_DOCUMENT_TYPES.map((type) => ({
  id: type,
  name: `app.id_document_types.${type}`,
}));
export const EDUCATION_LEVEL_CHOICES = EDUCATION_LEVELS.map((level) => ({
  id: level,
  name: `app.education_levels.${level}`,
}));

/** Ethnicities offered in the form; the API takes any lower-case key, 'kazakh' by default. */
export const ETHNICITIES = [
  'kazakh',
  'russian',
  'uzbek',
  'uyghur',
  'kyrgyz',
  'karakalpak',
  'turkmen',
  'tajik',
  'tatar',
  'mongol',
  'chinese',
  'ukrainian',
  'german',
  'other',
] as const;
export const ETHNICITY_CHOICES = ETHNICITIES.map((key) => ({ id: key, name: `app.ethnicities.${key}` }));

/** ISO 3166-1 countries in use today, named in the UI language, searchable in kk, ru and en (common/world). */
export function useCountryChoices(): WorldChoice[] {
  const [locale] = useLocaleState();
  return useMemo(() => countryChoices(locale), [locale]);
}

/** ISO 639-1 languages, named in the UI language, searchable in kk, ru and en. */
export function useLanguageChoices(): WorldChoice[] {
  const [locale] = useLocaleState();
  return useMemo(() => languageChoices(locale), [locale]);
}
