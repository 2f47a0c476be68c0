import languagesEn from '@cospired/i18n-iso-languages/langs/en.json';
import languagesRu from '@cospired/i18n-iso-languages/langs/ru.json';
import { COUNTRY_CODES, LANGUAGE_CODES, nameSearchKey } from '@qonys/domain';
import countriesEn from 'i18n-iso-countries/langs/en.json';
import countriesKk from 'i18n-iso-countries/langs/kk.json';
import countriesRu from 'i18n-iso-countries/langs/ru.json';
import { LANGUAGE_NAMES_KK } from './languageNamesKk';

/**
 * Names of countries and languages in Kazakh, Russian and English
 * (docs/countries-and-languages.md): i18n-iso-countries (kk complete), the languages
 * of @cospired/i18n-iso-languages (ru, en) and our reviewed Kazakh table. Search
 * runs over every language's names whatever the UI language, script-insensitively:
 * "Моңғ", "Монг" and "Mong" all find Mongolia.
 */

type Locale = 'kk' | 'ru' | 'en';
/** A code's names: the first is shown, the others (official and short forms) are searched too. */
type NameTable = Readonly<Record<string, string | readonly string[]>>;

const COUNTRIES: Record<Locale, NameTable> = {
  kk: countriesKk.countries,
  ru: countriesRu.countries,
  en: countriesEn.countries,
};
/** The short names people say, where the package shows the long official one first. */
const COUNTRY_SHOWN_AS: Partial<Record<Locale, Record<string, string>>> = {
  ru: { CN: 'Китай' },
  en: { CN: 'China' },
};

const LANGUAGES: Record<Locale, NameTable> = {
  kk: LANGUAGE_NAMES_KK,
  ru: languagesRu.languages,
  en: languagesEn.languages,
};
/** Mistakes in the package's Russian names. */
const LANGUAGE_SHOWN_AS: Partial<Record<Locale, Record<string, string>>> = {
  ru: { tk: 'туркменский', su: 'сунданский', km: 'кхмерский', la: 'латинский', nn: 'нюнорск' },
};

const LOCALES: readonly Locale[] = ['kk', 'ru', 'en'];
const asLocale = (locale: string): Locale => (locale === 'ru' || locale === 'en' ? locale : 'kk');
const namesIn = (table: NameTable, code: string): readonly string[] => {
  const names = table[code];
  return names === undefined ? [] : typeof names === 'string' ? [names] : names;
};
const capitalised = (name: string) => name.charAt(0).toLocaleUpperCase() + name.slice(1);

export interface WorldChoice {
  id: string;
  name: string;
  /** Every name in every language, as a search key (nameSearchKey). */
  search: string;
}

function shownName(
  tables: Record<Locale, NameTable>,
  shownAs: Partial<Record<Locale, Record<string, string>>>,
  code: string,
  locale: string,
): string {
  const wanted = asLocale(locale);
  for (const l of [wanted, ...LOCALES.filter((other) => other !== wanted)]) {
    const name = shownAs[l]?.[code] ?? namesIn(tables[l], code)[0];
    if (name) return capitalised(name);
  }
  return code;
}

function choices(
  codes: readonly string[],
  tables: Record<Locale, NameTable>,
  shownAs: Partial<Record<Locale, Record<string, string>>>,
  locale: string,
): WorldChoice[] {
  const collator = new Intl.Collator(asLocale(locale));
  return codes
    .map((code) => {
      const every = LOCALES.flatMap((l) => [shownAs[l]?.[code] ?? '', ...namesIn(tables[l], code)]).filter(Boolean);
      return {
        id: code,
        name: shownName(tables, shownAs, code, locale),
        search: [code.toLowerCase(), ...every.map(nameSearchKey)].join(' | '),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** A country's name in the UI language (another language's, then the code, when it has none). */
export const countryName = (code: string, locale: string): string =>
  shownName(COUNTRIES, COUNTRY_SHOWN_AS, code, locale);

export const languageName = (code: string, locale: string): string =>
  shownName(LANGUAGES, LANGUAGE_SHOWN_AS, code, locale);

/** ISO 3166-1 countries in use today, named and sorted in the UI language. */
export const countryChoices = (locale: string): WorldChoice[] =>
  choices(COUNTRY_CODES, COUNTRIES, COUNTRY_SHOWN_AS, locale);

/** ISO 639-1 languages, named and sorted in the UI language. */
export const languageChoices = (locale: string): WorldChoice[] =>
  choices(LANGUAGE_CODES, LANGUAGES, LANGUAGE_SHOWN_AS, locale);

/** Whether what was typed finds the choice: any name in any language, in any script, or the code. */
export function matchesWorldChoice(typed: string, choice: WorldChoice): boolean {
  const key = nameSearchKey(typed);
  return key === '' || choice.search.includes(key);
}
