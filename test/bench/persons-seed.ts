/**
 * Generated persons for the name-search benchmark: real Kazakh given names, surnames
 * and patronymics, written the ways kandas files hold them — Kazakh Cyrillic, Russian
 * spelling, a passport's Latin spelling, Latin only — with the search and document
 * keys computed by the API's own helper, bulk-loaded with the indexes dropped and
 * rebuilt afterwards.
 */
import { iinCheckDigit } from '@qonys/domain';
import type { Client } from 'pg';
import {
  FEMALE_NAMES,
  latin,
  MALE_NAMES,
  passportSpelling,
  russianSpelling,
  SURNAMES,
} from '../../apps/api/src/database/seeds/demo/kazakh-names';
import { documentKey, personSearchKey } from '../../apps/api/src/modules/persons/person-keys';

export { passportSpelling, russianSpelling };

export interface BenchPerson {
  surname: string;
  givenName: string;
  patronymic: string | null;
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
  otherSpellings: string[];
  birthDate: string;
  sex: 'M' | 'F';
  iin: string | null;
  idDocumentNumber: string;
  regionId: number;
}

/** 1 January 1940 + n days, n < DAYS (80 years of birth dates). */
const DAYS = 29_220;
const birthDateOf = (n: number) => new Date(Date.UTC(1940, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

/** The i-th generated person; deterministic, so a run can ask for people it knows exist. */
export function benchPerson(i: number, regionIds: readonly number[]): BenchPerson {
  const r = (salt: number, n: number) =>
    Math.floor((Math.abs(Math.sin(i * 12.9898 + salt * 78.233) * 43758.5453) % 1) * n);
  const sex = r(1, 2) === 0 ? 'M' : 'F';
  const given = sex === 'M' ? MALE_NAMES[r(2, MALE_NAMES.length)] : FEMALE_NAMES[r(2, FEMALE_NAMES.length)];
  const surname = `${SURNAMES[r(3, SURNAMES.length)]}${sex === 'F' ? 'а' : ''}`;
  const father = MALE_NAMES[r(4, MALE_NAMES.length)];
  let patronymic: string | null = r(5, 10) < 7 ? `${father}${sex === 'M' ? 'ұлы' : 'қызы'}` : null;
  const birthIndex = i % DAYS;
  const birthDate = birthDateOf(birthIndex);

  const variant = r(6, 10);
  let otherSpellings: string[] = [];
  let [cyrSurname, cyrGiven] = [surname, given];
  if (variant < 2) {
    // Russian-language records: no Kazakh letters, patronymic in -ович/-овна.
    [cyrSurname, cyrGiven] = [russianSpelling(surname), russianSpelling(given)];
    if (patronymic) patronymic = `${russianSpelling(father)}${sex === 'M' ? 'ович' : 'овна'}`;
  } else if (variant < 4) {
    otherSpellings = [`${passportSpelling(surname)} ${passportSpelling(given)}`];
  }
  const latinOnly = variant === 9;
  const names = latinOnly
    ? {
        surname: passportSpelling(surname),
        givenName: passportSpelling(given),
        patronymic: null,
        surnameLatin: passportSpelling(surname),
        givenNameLatin: passportSpelling(given),
        patronymicLatin: null,
      }
    : {
        surname: cyrSurname,
        givenName: cyrGiven,
        patronymic,
        surnameLatin: latin(cyrSurname),
        givenNameLatin: latin(cyrGiven),
        patronymicLatin: patronymic ? latin(patronymic) : null,
      };
  // IIN for 70%: birth date, century and sex, a serial unique per birth date, the check digit.
  let iin: string | null = null;
  if (r(7, 10) < 7 && birthDate < '2000') {
    const first11 = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${sex === 'M' ? 3 : 4}${String(Math.floor(i / DAYS)).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    iin = check === null ? null : `${first11}${check}`;
  }
  return {
    ...names,
    otherSpellings,
    birthDate,
    sex,
    iin,
    idDocumentNumber: `${'NEGK'[r(8, 4)]}${String(10_000_000 + i)}`,
    regionId: regionIds[r(9, regionIds.length)],
  };
}

const COLUMNS: [string, string][] = [
  ['surname', 'text'],
  ['given_name', 'text'],
  ['patronymic', 'text'],
  ['surname_latin', 'text'],
  ['given_name_latin', 'text'],
  ['patronymic_latin', 'text'],
  ['other_spellings', 'text'],
  ['birth_date', 'date'],
  ['sex', 'text'],
  ['iin', 'text'],
  ['id_document_type', 'text'],
  ['id_document_number', 'text'],
  ['region_id', 'int'],
  ['search_key', 'text'],
  ['document_key', 'text'],
];

export interface SeedTimings {
  /** Wall time of generating and inserting every row (both overlap). */
  loadSeconds: number;
  /** Of which: building the rows and their keys in Node. */
  generateSeconds: number;
  /** Rebuilding the indexes and VACUUM ANALYZE afterwards. */
  indexSeconds: number;
}

const OTHER_SPELLINGS_SEPARATOR = '|';

/**
 * Loads `count` generated persons: the person indexes are dropped, rows go in with
 * one `INSERT … SELECT FROM unnest(…)` per batch (one array parameter per column)
 * while Node builds the next batch, and the indexes are rebuilt from their own
 * definitions.
 */
export async function seedPersons(db: Client, count: number, batchSize = 20_000): Promise<SeedTimings> {
  const regionIds = (await db.query<{ id: number }>('SELECT id FROM region ORDER BY id')).rows.map((r) => r.id);
  const indexes = (
    await db.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'person' AND indexname <> 'person_pkey'`,
    )
  ).rows;
  for (const index of indexes) await db.query(`DROP INDEX ${index.indexname}`);

  const names = COLUMNS.map(([name]) => name);
  const insertSql = `INSERT INTO person (${names.join(', ')})
    SELECT ${names
      .map((n) =>
        n === 'other_spellings'
          ? `CASE WHEN ${n} = '' THEN '{}'::text[] ELSE string_to_array(${n}, '${OTHER_SPELLINGS_SEPARATOR}') END`
          : n,
      )
      .join(', ')}
      FROM unnest(${COLUMNS.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ')}) AS u(${names.join(', ')})`;

  const started = performance.now();
  let generate = 0;
  let inserting: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < count; start += batchSize) {
    const t = performance.now();
    const columns: unknown[][] = COLUMNS.map(() => []);
    for (let i = start; i < Math.min(count, start + batchSize); i++) {
      const p = benchPerson(i, regionIds);
      const values = [
        p.surname,
        p.givenName,
        p.patronymic,
        p.surnameLatin,
        p.givenNameLatin,
        p.patronymicLatin,
        p.otherSpellings.join(OTHER_SPELLINGS_SEPARATOR),
        p.birthDate,
        p.sex,
        p.iin,
        i % 5 === 0 ? 'id_card' : 'passport',
        p.idDocumentNumber,
        p.regionId,
        personSearchKey(p),
        documentKey(p.idDocumentNumber),
      ];
      values.forEach((value, c) => columns[c].push(value));
    }
    generate += performance.now() - t;
    await inserting;
    inserting = db.query(insertSql, columns);
  }
  await inserting;
  const loaded = performance.now();

  await db.query(`SET maintenance_work_mem = '512MB'`);
  for (const index of indexes) await db.query(index.indexdef);
  await db.query('RESET maintenance_work_mem');
  // As autovacuum would leave it: statistics, and a visibility map for index-only scans.
  await db.query('VACUUM ANALYZE person');
  return {
    loadSeconds: (loaded - started) / 1000,
    generateSeconds: generate / 1000,
    indexSeconds: (performance.now() - loaded) / 1000,
  };
}
