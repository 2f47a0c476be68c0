import { ARRIVALS_HISTORY_IMPORT_COLUMNS } from './arrivals-history';
import { LABOUR_DEMAND_IMPORT_COLUMNS } from './labour-demand';

/**
 * Bulk imports run in the background (docs/imports.md): what a file holds, what a run
 * may do with it, and where a run is. Check lists of the import_run table.
 */
export const IMPORT_KINDS = ['persons', 'labour-demand', 'arrivals-history'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** `dry-run` checks and counts without writing; `create` adds new rows only; `upsert` adds and updates. */
export const IMPORT_MODES = ['dry-run', 'create', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** What an uploaded file is read as (XLSX is told by its ZIP signature). */
export const IMPORT_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type ImportFileFormat = (typeof IMPORT_FILE_FORMATS)[number];

export const IMPORT_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/** The languages a template's header and an error file's messages come in. */
export const IMPORT_LOCALES = ['kk', 'ru', 'en'] as const;
export type ImportLocale = (typeof IMPORT_LOCALES)[number];

/** The persons file: these columns, by these names or their Kazakh or Russian headers. */
export const PERSON_IMPORT_COLUMNS = [
  'surname',
  'given_name',
  'patronymic',
  'birth_date',
  'sex',
  'iin',
  'citizenship',
  'document_number',
] as const;
/** Optional: the region's KATO code (a regional user's rows are their region's when it is empty). */
export const PERSON_IMPORT_OPTIONAL_COLUMNS = ['region_code'] as const;

/** The header of each column in each language; a file may use any of them (case and spaces aside). */
export const IMPORT_COLUMN_HEADERS: Readonly<Record<string, Readonly<Record<ImportLocale, string>>>> = {
  surname: { en: 'surname', ru: 'фамилия', kk: 'тегі' },
  given_name: { en: 'given_name', ru: 'имя', kk: 'аты' },
  patronymic: { en: 'patronymic', ru: 'отчество', kk: 'әкесінің аты' },
  birth_date: { en: 'birth_date', ru: 'дата рождения', kk: 'туған күні' },
  sex: { en: 'sex', ru: 'пол', kk: 'жынысы' },
  iin: { en: 'iin', ru: 'иин', kk: 'жсн' },
  citizenship: { en: 'citizenship', ru: 'гражданство', kk: 'азаматтығы' },
  document_number: { en: 'document_number', ru: 'номер документа', kk: 'құжат нөмірі' },
  region_code: { en: 'region_code', ru: 'код региона', kk: 'өңір коды' },
  year: { en: 'year', ru: 'год', kk: 'жыл' },
  month: { en: 'month', ru: 'месяц', kk: 'ай' },
  occupation: { en: 'occupation', ru: 'профессия', kk: 'кәсіп' },
  vacancies: { en: 'vacancies', ru: 'вакансии', kk: 'бос орындар' },
  persons: { en: 'persons', ru: 'человек', kk: 'адам саны' },
  source: { en: 'source', ru: 'источник', kk: 'дереккөз' },
};

/** The columns of each kind's file, in template order. */
export const IMPORT_COLUMNS: Readonly<Record<ImportKind, readonly string[]>> = {
  persons: [...PERSON_IMPORT_COLUMNS, ...PERSON_IMPORT_OPTIONAL_COLUMNS],
  'labour-demand': LABOUR_DEMAND_IMPORT_COLUMNS,
  'arrivals-history': ARRIVALS_HISTORY_IMPORT_COLUMNS,
};

const headerKey = (header: string): string => header.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const COLUMN_BY_HEADER: ReadonlyMap<string, string> = new Map(
  Object.entries(IMPORT_COLUMN_HEADERS).flatMap(([column, names]) =>
    Object.values(names).map((name) => [headerKey(name), column] as const),
  ),
);

/** The column a file's header names, in any of the three languages; the header itself (cleaned) when unknown. */
export const importColumnOf = (header: string): string => {
  const key = headerKey(header.replace(/^\uFEFF/, ''));
  return COLUMN_BY_HEADER.get(key) ?? COLUMN_BY_HEADER.get(key.replace(/ /g, '_')) ?? key;
};

/** A template's header row in a language. */
export const importTemplateHeader = (kind: ImportKind, locale: ImportLocale): string[] =>
  IMPORT_COLUMNS[kind].map((column) => IMPORT_COLUMN_HEADERS[column][locale]);
