import languageTable from '@cospired/i18n-iso-languages/codes.json';
import countryTable from 'i18n-iso-countries/codes.json';

/**
 * The codes a person's citizenship, country of origin and languages are written in
 * (docs/countries-and-languages.md): ISO 3166-1 alpha-2 countries as assigned today
 * and ISO 639-1 languages, from the maintained tables of i18n-iso-countries and
 * @cospired/i18n-iso-languages. Withdrawn codes (BU Burma, CS Serbia and Montenegro,
 * DD East Germany, YU Yugoslavia, ZR Zaire, SU…) are in neither.
 */

/** In the package's table but not assigned by ISO 3166-1: XK, Kosovo's user-assigned code. */
const NOT_ISO_3166_1 = new Set(['XK']);

const alpha2 = (table: readonly (readonly string[])[], excluded: ReadonlySet<string> = new Set()): string[] =>
  table
    .map(([code]) => code)
    .filter((code) => !excluded.has(code))
    .sort();

export const COUNTRY_CODES: readonly string[] = /* @__PURE__ */ alpha2(countryTable, NOT_ISO_3166_1);
export const LANGUAGE_CODES: readonly string[] = /* @__PURE__ */ alpha2(languageTable);

const countries = /* @__PURE__ */ new Set(COUNTRY_CODES);
const languages = /* @__PURE__ */ new Set(LANGUAGE_CODES);

/** An ISO 3166-1 alpha-2 country code in use today, in capitals ("MN"). */
export const isCountryCode = (value: unknown): value is string => typeof value === 'string' && countries.has(value);

/** An ISO 639-1 language code, in lower case ("kk"). */
export const isLanguageCode = (value: unknown): value is string => typeof value === 'string' && languages.has(value);
