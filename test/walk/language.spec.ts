import { foreignWords, russianOnlyWords, type LanguageRules } from './language';

const rules = (dataWords: string[] = [], russianOnly: string[] = []): LanguageRules => ({
  dataWords: new Set(dataWords),
  russianOnly: new Set(russianOnly),
});

describe('foreignWords', () => {
  it('finds English in a Kazakh or Russian screen, but not abbreviations or the product name', () => {
    const text = 'Өтініштер — Qonys. ЖСН 790308400123, KZ, TOTP, хэш 3fa9c0de, 5e1bd0c2-bbca-4f2e. Record not found';
    expect(foreignWords(text, 'kk', rules())).toEqual(['record', 'not', 'found']);
    expect(foreignWords('Заявки Qonys: Access denied', 'ru', rules())).toEqual(['access', 'denied']);
  });

  it('lets people’s data through: Latin names and usernames are not English', () => {
    expect(
      foreignWords(
        'Zhumabaiuly Akmarzhan, caseworker.pavlodar',
        'kk',
        rules(['zhumabaiuly', 'akmarzhan', 'caseworker', 'pavlodar']),
      ),
    ).toEqual([]);
  });

  it('finds Kazakh-only letters on a Russian screen, except in data', () => {
    expect(foreignWords('Регион: Павлодар облысының әкімдігі, Жұмабайұлы', 'ru', rules(['жұмабайұлы']))).toEqual([
      'облысының',
      'әкімдігі',
    ]);
    // Kazakh writes with every Russian letter: Russian words are known from the messages, not letters.
    expect(foreignWords('Павлодар облысы, Регион', 'kk', rules())).toEqual([]);
  });

  it('finds words only the Russian messages use on a Kazakh screen', () => {
    const russianOnly = russianOnlyWords(
      { a: 'Сохранить изменения', b: 'Регион %{name}' },
      { a: 'Сақтау', b: 'Регион %{name}' },
    );
    expect([...russianOnly].sort()).toEqual(['изменения', 'сохранить']);
    expect(foreignWords('Регион: Сохранить', 'kk', rules([], [...russianOnly]))).toEqual(['сохранить']);
    // The city of Семей is not Russian «семей» ("of families"), which the Russian messages use.
    expect(foreignWords('Абай облысы, Семей; семей', 'kk', rules([], ['семей', 'сохранить']))).toEqual([]);
  });

  it('finds Cyrillic on an English screen, except in data', () => {
    expect(foreignWords('Applications: Жұмабайұлы, Өтініштер', 'en', rules(['жұмабайұлы']))).toEqual(['өтініштер']);
  });
});
