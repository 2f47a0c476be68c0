import {
  isCountryCode,
  isValidCalendarDate,
  normaliseKazakhText,
  type MessageCode,
  type MessageParams,
} from '@qonys/domain';
import { isStorableText } from '../../common/input/hostile-input';
import type { CreatePersonDto } from '../persons/dto/person.dto';
import { documentKey } from '../persons/person-keys';
import { personRuleErrors, personValues } from '../persons/person-values';
import type { StoredRowError } from './entities/import-run.entity';

/**
 * One row of a persons file checked cell by cell and turned into the stored row, with the
 * same cleaning and derived columns (Latin names, search key, document key) as
 * `POST /api/persons` (persons/person-values.ts). Pure and fast: it runs for every row
 * while the file streams into COPY. The checks mirror CreatePersonDto's for these
 * columns; class-validator per row would cost more than the whole rest of the import.
 */

/** The stored columns of an imported person, in the staging table's order. */
export interface PersonStageRow {
  row: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
  birthDate: string;
  sex: 'M' | 'F';
  iin: string | null;
  citizenship: string | null;
  idDocumentNumber: string | null;
  documentKey: string | null;
  searchKey: string;
  regionCode: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DOTTED_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;
const HAS_LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** A Cyrillic М typed for the Latin M. */
const SEX_OF: Readonly<Record<string, 'M' | 'F'>> = { M: 'M', F: 'F', М: 'M' };

/** What the API field of a rule is called in the file. */
const COLUMN_OF_FIELD: Readonly<Record<string, string>> = { birthDate: 'birth_date', sex: 'sex', iin: 'iin' };

export type PersonCells = Readonly<Record<string, string | undefined>>;

/** The derived names of a (surname, given name, patronymic), computed once per run for each distinct name. */
type DerivedNames = Pick<PersonStageRow, 'surnameLatin' | 'givenNameLatin' | 'patronymicLatin' | 'searchKey'>;

/**
 * Remembers the derived names of the names seen in a run: names repeat a great deal in
 * a register, and transliteration and the search key are most of a row's cost. The
 * values are personValues' own, for the same input, so nothing differs from one-by-one.
 */
export class DerivedNameCache {
  private readonly byName = new Map<string, DerivedNames>();

  constructor(private readonly limit = 200_000) {}

  get(dto: CreatePersonDto): DerivedNames {
    const key = `${dto.surname}\u0000${dto.givenName}\u0000${dto.patronymic ?? '\u0001'}`;
    let names = this.byName.get(key);
    if (!names) {
      const values = personValues(dto);
      names = {
        surnameLatin: values.surnameLatin!,
        givenNameLatin: values.givenNameLatin!,
        patronymicLatin: values.patronymicLatin ?? null,
        searchKey: values.searchKey!,
      };
      if (this.byName.size >= this.limit) this.byName.clear();
      this.byName.set(key, names);
    }
    return names;
  }
}

export function checkPersonRow(
  row: number,
  cells: PersonCells,
  names: DerivedNameCache = new DerivedNameCache(),
): { ok: true; value: PersonStageRow } | { ok: false; errors: StoredRowError[] } {
  const errors: StoredRowError[] = [];
  const fail = (field: string, code: MessageCode, params: MessageParams = {}) =>
    errors.push({ row, field, code, params });

  const name = (field: string, required: boolean): string | null => {
    const value = normaliseKazakhText(cells[field] ?? '');
    if (value === '') {
      if (required) fail(field, 'import.empty');
      return null;
    }
    if (!isStorableText(value)) fail(field, 'request.invalid_text');
    else if (value.length > 100) fail(field, 'validation.length', { min: 1, max: 100 });
    else if (!HAS_LETTER.test(value)) fail(field, 'validation.has_letters');
    return value;
  };
  const surname = name('surname', true);
  const givenName = name('given_name', true);
  const patronymic = name('patronymic', false);

  const rawDate = normaliseKazakhText(cells.birth_date ?? '');
  let birthDate: string | null = null;
  const iso = ISO_DATE.exec(rawDate) ?? DOTTED_DATE.exec(rawDate);
  if (rawDate === '') fail('birth_date', 'import.empty');
  else if (!iso) fail('birth_date', 'validation.is_date');
  else {
    const [year, month, day] = iso[0].includes('.') ? [iso[3], iso[2], iso[1]] : [iso[1], iso[2], iso[3]];
    if (!isValidCalendarDate(Number(year), Number(month), Number(day))) fail('birth_date', 'validation.day_exists');
    else birthDate = `${year}-${month}-${day}`;
  }

  const rawSex = normaliseKazakhText(cells.sex ?? '').toUpperCase();
  const sex = SEX_OF[rawSex] ?? null;
  if (rawSex === '') fail('sex', 'import.empty');
  else if (!sex) fail('sex', 'import.not_sex', { value: rawSex.slice(0, 20) });

  const iin = (cells.iin ?? '').replace(/\s/g, '') || null;
  if (iin !== null && !/^\d{12}$/.test(iin)) fail('iin', 'iin.format');

  const citizenship = normaliseKazakhText(cells.citizenship ?? '').toUpperCase() || null;
  if (citizenship !== null && !isCountryCode(citizenship)) fail('citizenship', 'validation.country_code');

  const idDocumentNumber = normaliseKazakhText(cells.document_number ?? '') || null;
  if (idDocumentNumber !== null) {
    if (!isStorableText(idDocumentNumber)) fail('document_number', 'request.invalid_text');
    else if (idDocumentNumber.length > 50) fail('document_number', 'validation.length', { min: 1, max: 50 });
    else if (!LETTER_OR_DIGIT.test(idDocumentNumber)) fail('document_number', 'validation.letters_or_digits');
  }
  if (iin === null && idDocumentNumber === null) fail('iin', 'import.no_person_key');

  const regionCode = normaliseKazakhText(cells.region_code ?? '') || null;
  if (regionCode !== null && !/^\d{2}$/.test(regionCode))
    fail('region_code', 'import.not_region_code', { value: regionCode.slice(0, 20) });

  if (errors.length > 0 || !birthDate || !sex) return { ok: false, errors };
  for (const [field, message] of Object.entries(personRuleErrors({ birthDate, sex, iin }))) {
    const coded = typeof message === 'string' ? { code: message, params: {} } : message;
    errors.push({ row, field: COLUMN_OF_FIELD[field] ?? field, code: coded.code, params: coded.params ?? {} });
  }
  if (errors.length > 0) return { ok: false, errors };

  const dto = { surname, givenName, patronymic, birthDate, sex, iin, citizenship, idDocumentNumber } as CreatePersonDto;
  return {
    ok: true,
    value: {
      row,
      surname: surname!,
      givenName: givenName!,
      patronymic,
      ...names.get(dto),
      birthDate,
      sex,
      iin,
      citizenship,
      idDocumentNumber,
      documentKey: documentKey(idDocumentNumber),
      regionCode,
    },
  };
}

/** A value in PostgreSQL's COPY text format: NULL as \N, backslash, tab and line ends escaped. */
export function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** The staging table's line for a row. */
export const copyLine = (r: PersonStageRow): string =>
  [
    r.row,
    r.surname,
    r.givenName,
    r.patronymic,
    r.surnameLatin,
    r.givenNameLatin,
    r.patronymicLatin,
    r.birthDate,
    r.sex,
    r.iin,
    r.citizenship,
    r.idDocumentNumber,
    r.documentKey,
    r.searchKey,
    r.regionCode,
  ]
    .map(copyText)
    .join('\t') + '\n';
