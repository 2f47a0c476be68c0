import { useMemo } from 'react';
import { useLocaleState } from 'react-admin';
import { intlLocale } from '../i18n/i18nProvider';
import { EDUCATION_LEVELS, ID_DOCUMENT_TYPES, SEXES } from '../providers/personTypes';

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

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const pairs = (lowerCase: boolean): string[] =>
  [...LETTERS].flatMap((a) => [...LETTERS].map((b) => (lowerCase ? `${a}${b}`.toLowerCase() : `${a}${b}`)));

/** As the API checks them: codes ICU names, minus unions and reserved or pseudo regions. */
const NOT_COUNTRIES = new Set(['AC', 'CP', 'DG', 'EA', 'EU', 'EZ', 'IC', 'QO', 'SU', 'TA', 'UN', 'XA', 'XB', 'ZZ']);
let countryCodes: string[] | null = null;
let languageCodes: string[] | null = null;
const countries = () => (countryCodes ??= knownCodes('region'));
const languages = () => (languageCodes ??= knownCodes('language'));

function knownCodes(type: 'region' | 'language'): string[] {
  const names = new Intl.DisplayNames(['en'], { type, fallback: 'code' });
  return pairs(type === 'language').filter((code) => !NOT_COUNTRIES.has(code) && names.of(code) !== code);
}

type Choice = { id: string; name: string };

function namedChoices(codes: string[], type: 'region' | 'language', locale: string): Choice[] {
  const names = new Intl.DisplayNames([intlLocale(locale), 'en'], { type, fallback: 'code' });
  return codes
    .map((code) => ({ id: code, name: `${names.of(code) ?? code} (${code})` }))
    .sort((a, b) => a.name.localeCompare(b.name, intlLocale(locale)));
}

/** ISO 3166-1 alpha-2 countries, named in the UI language. */
export function useCountryChoices(): Choice[] {
  const [locale] = useLocaleState();
  return useMemo(() => namedChoices(countries(), 'region', locale), [locale]);
}

/** ISO 639-1 languages, named in the UI language. */
export function useLanguageChoices(): Choice[] {
  const [locale] = useLocaleState();
  return useMemo(() => namedChoices(languages(), 'language', locale), [locale]);
}
