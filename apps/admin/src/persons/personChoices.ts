import { EDUCATION_LEVELS, ID_DOCUMENT_TYPES, SEXES } from '@qonys/domain';

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
