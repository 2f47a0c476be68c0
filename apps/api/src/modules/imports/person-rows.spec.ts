import { importColumnOf, importRowMessage } from '@qonys/domain';
import type { CreatePersonDto } from '../persons/dto/person.dto';
import { personValues } from '../persons/person-values';
import { checkPersonRow, copyLine, copyText, DerivedNameCache } from './person-rows';

const cells = {
  surname: '  Сейітов ',
  given_name: 'Нұрлан',
  patronymic: 'Серікұлы',
  birth_date: '15.03.1985',
  sex: 'M',
  iin: '850315 300 001',
  citizenship: 'cn',
  document_number: 'а-1234567',
};

describe('checkPersonRow', () => {
  it('stores what POST /api/persons would store for the same person', () => {
    const iin = '850315300001';
    const checked = checkPersonRow(2, { ...cells, iin: '' }, new DerivedNameCache());
    expect(checked.ok).toBe(true);
    const api = personValues({
      surname: 'Сейітов',
      givenName: 'Нұрлан',
      patronymic: 'Серікұлы',
      birthDate: '1985-03-15',
      sex: 'M',
      citizenship: 'CN',
      idDocumentNumber: 'а-1234567',
    } as CreatePersonDto);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({
      surname: api.surname,
      surnameLatin: api.surnameLatin,
      givenNameLatin: api.givenNameLatin,
      patronymicLatin: api.patronymicLatin,
      searchKey: api.searchKey,
      documentKey: api.documentKey,
      birthDate: '1985-03-15',
      citizenship: 'CN',
      iin: null,
    });
    expect(iin).toHaveLength(12);
  });

  it('names every bad cell by its column, with catalogue codes', () => {
    const checked = checkPersonRow(7, {
      surname: '',
      given_name: '123',
      birth_date: '1985-02-30',
      sex: 'X',
      iin: '12345',
      citizenship: 'ZZ',
      document_number: '',
      patronymic: '',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [7, 'surname', 'import.empty'],
      [7, 'given_name', 'validation.has_letters'],
      [7, 'birth_date', 'validation.day_exists'],
      [7, 'sex', 'import.not_sex'],
      [7, 'iin', 'iin.format'],
      [7, 'citizenship', 'validation.country_code'],
    ]);
  });

  it('refuses a row with neither IIN nor document number', () => {
    const keyless = checkPersonRow(3, { ...cells, iin: '', document_number: '' });
    expect(keyless.ok).toBe(false);
    if (!keyless.ok)
      expect(keyless.errors).toEqual([{ row: 3, field: 'iin', code: 'import.no_person_key', params: {} }]);
  });
});

describe('COPY text', () => {
  it('escapes what would break a line and writes NULL as \\N', () => {
    expect(copyText(null)).toBe('\\N');
    expect(copyText('a\tb\\c\nd')).toBe('a\\tb\\\\c\\nd');
    const checked = checkPersonRow(2, { ...cells, iin: '' });
    if (checked.ok) expect(copyLine(checked.value).split('\t')).toHaveLength(15);
  });
});

describe('import headers and messages', () => {
  it('reads a column named in Kazakh, Russian or English', () => {
    expect(['Тегі', 'ФАМИЛИЯ', 'surname'].map(importColumnOf)).toEqual(['surname', 'surname', 'surname']);
    expect(importColumnOf(' Дата  рождения ')).toBe('birth_date');
    expect(importColumnOf('Document number')).toBe('document_number');
  });

  it('says a row error in Russian, Kazakh or English', () => {
    expect(importRowMessage('ru', 'import.repeats_person', { row: 4 })).toBe(
      'Повторяет строку 4 (тот же ИИН или номер документа)',
    );
    expect(importRowMessage('en', 'import.repeats_person', { row: 4 })).toBe(
      'Repeats row 4 (the same IIN or document number)',
    );
    expect(importRowMessage('kk', 'iin.format')).toBe('ЖСН дәл 12 цифрдан тұрады');
  });
});
