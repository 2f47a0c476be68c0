import { documentKey, latinName, parsePersonQuery, type PersonNames, personSearchKey } from './person-keys';

const names = (overrides: Partial<PersonNames> = {}): PersonNames => ({
  surname: 'Сейітов',
  givenName: 'Нұрлан',
  patronymic: null,
  surnameLatin: 'Seiıtov',
  givenNameLatin: 'Nūrlan',
  patronymicLatin: null,
  otherSpellings: [],
  ...overrides,
});

describe('latinName', () => {
  it('writes a Kazakh name in the 2021 Latin alphabet', () => {
    expect(latinName('Нұрлан')).toBe('Nūrlan');
    expect(latinName('Жаңылсын')).toBe('Jañylsyn');
  });

  it('cleans a name pasted from a PDF before transliterating it', () => {
    expect(latinName('Бӛкей')).toBe('Bökei');
  });
});

describe('personSearchKey', () => {
  it('gives one key when the Cyrillic and Latin spellings fold to the same name', () => {
    expect(personSearchKey(names())).toBe('seitov nurlan');
  });

  it('gives the same key for the three spellings of one name', () => {
    const cyrillic = personSearchKey(names());
    const latin = personSearchKey(
      names({ surname: 'Seitov', givenName: 'Nurlan', surnameLatin: 'Seitov', givenNameLatin: 'Nurlan' }),
    );
    const russian = personSearchKey(
      names({ surname: 'Сеитов', givenName: 'Нурлан', surnameLatin: 'Seitov', givenNameLatin: 'Nurlan' }),
    );
    expect(new Set([cyrillic, latin, russian]).size).toBe(1);
  });

  it('adds the patronymic and each other spelling that folds differently', () => {
    const key = personSearchKey(
      names({
        patronymic: 'Қайратұлы',
        patronymicLatin: 'Qairatūly',
        otherSpellings: ['Seytov Nurlan Kairatuly', 'SEITOV NURLAN KAIRATOVICH'],
      }),
    );
    expect(key).toBe('seitov nurlan kairatuli seitov nurlan kairatovich');
  });

  it('keeps letters of other scripts (a name written in Chinese characters)', () => {
    expect(personSearchKey(names({ otherSpellings: ['努尔兰'] }))).toBe('seitov nurlan 努尔兰');
  });
});

describe('documentKey', () => {
  it.each([
    ['n 1234-5678', 'N12345678'],
    ['AB 123 45 67', 'AB1234567'],
    ['№ 045.123.456', '№045123456'],
    ['Е1234567', 'E1234567'], // Cyrillic Е typed on a Russian keyboard
  ])('reads %s as %s', (number, key) => {
    expect(documentKey(number)).toBe(key);
  });

  it('is null for nothing', () => {
    expect(documentKey(null)).toBeNull();
    expect(documentKey(' - ')).toBeNull();
  });
});

describe('parsePersonQuery', () => {
  it('reads 12 digits as an IIN, spaces allowed', () => {
    expect(parsePersonQuery('850315 300123')).toEqual({ kind: 'iin', value: '850315300123' });
  });

  it('reads a case number in any case', () => {
    expect(parsePersonQuery(' knd-2026-000042 ')).toEqual({ kind: 'case', value: 'KND-2026-000042' });
  });

  it('reads other text with a digit as a document number key', () => {
    expect(parsePersonQuery('n 1234 5678')).toEqual({ kind: 'document', value: 'N12345678' });
    expect(parsePersonQuery('12345678901')).toEqual({ kind: 'document', value: '12345678901' });
  });

  it('reads letters as a name key, whatever the script', () => {
    expect(parsePersonQuery('Нұрлан Сейітов')).toEqual({ kind: 'name', value: 'nurlan seitov' });
    expect(parsePersonQuery('Nurlan Seytov')).toEqual({ kind: 'name', value: 'nurlan seitov' });
  });

  it('finds nothing to search in punctuation', () => {
    expect(parsePersonQuery(' -- ')).toBeNull();
  });
});
