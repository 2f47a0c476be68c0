import { iinCheckDigit } from '@qonys/domain';

/**
 * A deterministic persons import file (the contract's columns) of `count` valid rows:
 * the same `count` and `seed` give the same bytes. Every row has its own valid IIN
 * (matching its birth date and sex) and document number. Shared by the import tests
 * and `npm run bench:import`.
 */
const SURNAMES = ['Сейітов', 'Әбілқасымова', 'Нұрланов', 'Жақыпова', 'Оспанов', 'Төлеуова', 'Бекмұратов', 'Ғабитова'];
const MALE = ['Нұрлан', 'Ерлан', 'Асқар', 'Дәурен', 'Серік', 'Бауыржан', 'Қайрат', 'Мұрат'];
const FEMALE = ['Айгүл', 'Динара', 'Гүлнар', 'Әсел', 'Жанар', 'Меруерт', 'Салтанат', 'Ұлжан'];
const FATHERS = ['Серікұлы', 'Болатұлы', 'Маратұлы', 'Ержанқызы', 'Асланқызы', 'Омарұлы'];
const CITIZENSHIPS = ['CN', 'MN', 'UZ', 'TM', 'RU', 'AF', 'IR', 'TR'];

export const PERSON_FILE_HEADER = 'surname,given_name,patronymic,birth_date,sex,iin,citizenship,document_number';

/** The IIN of row `i`: its birth date, century and sex digit, a serial unique for the row, and the check digit. */
export function personIin(i: number, birthDate: string, sex: 'M' | 'F'): string {
  const [year, month, day] = birthDate.split('-');
  const century = (Number(year) >= 2000 ? 5 : 3) + (sex === 'M' ? 0 : 1);
  const first6 = `${year.slice(2)}${month}${day}${century}`;
  // Serials of one date and sex never meet: row i tries i % 2000 in five disjoint ranges.
  for (let range = 0; range < 5; range++) {
    const first11 = `${first6}${String(range * 2000 + (i % 2000)).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
  throw new Error(`no IIN for row ${i}`);
}

export interface PersonRowData {
  surname: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  sex: 'M' | 'F';
  iin: string;
  citizenship: string;
  documentNumber: string;
}

export function personRow(i: number, seed = 0): PersonRowData {
  const sex = i % 2 === 0 ? 'M' : 'F';
  // 2000 rows per birth date and sex: a date every 4000 rows, 37 days apart from 1950.
  const date = new Date(Date.UTC(1950, 0, 1) + (Math.floor(i / 4000) * 37 + seed) * 86_400_000);
  const birthDate = date.toISOString().slice(0, 10);
  const names = sex === 'M' ? MALE : FEMALE;
  return {
    surname: SURNAMES[(i >> 3) % SURNAMES.length],
    givenName: names[(i >> 1) % names.length],
    patronymic: FATHERS[i % FATHERS.length],
    birthDate,
    sex,
    iin: personIin(i >> 1, birthDate, sex),
    citizenship: CITIZENSHIPS[i % CITIZENSHIPS.length],
    documentNumber: `N${String(seed * 10_000_000 + i).padStart(9, '0')}`,
  };
}

export const personLine = (p: PersonRowData): string =>
  [p.surname, p.givenName, p.patronymic, p.birthDate, p.sex, p.iin, p.citizenship, p.documentNumber].join(',');

/** The whole file as CSV text (header and `count` rows). */
export function personsCsv(count: number, seed = 0, header = PERSON_FILE_HEADER): string {
  const lines = [header];
  for (let i = 0; i < count; i++) lines.push(personLine(personRow(i, seed)));
  return lines.join('\n') + '\n';
}
