import { nameSearchKey, normaliseKazakhText, transliterateKazakhToLatin } from './kazakh-text';

describe('normaliseKazakhText', () => {
  describe('PDF font substitutes', () => {
    it.each([
      ['Бӛкей', 'Бөкей'], // U+04DB → U+04E9
      ['ӚСКЕМЕН', 'ӨСКЕМЕН'], // U+04DA → U+04E8
      ['Тҽуелсіздік', 'Тәуелсіздік'], // U+04BD → U+04D9
      ['Ҽлихан Бӛкейхан', 'Әлихан Бөкейхан'], // U+04BC → U+04D8
      ['Тїркістан', 'Түркістан'], // U+0457 → U+04AF
      ['Їлкен', 'Үлкен'], // U+0407 → U+04AE
    ])('repairs %s as %s', (pasted, repaired) => {
      expect(normaliseKazakhText(pasted)).toBe(repaired);
    });

    it('repairs a schwa followed by a combining diaeresis, which NFC turns into ӛ', () => {
      expect(normaliseKazakhText('Б\u04D9\u0308кей')).toBe('Бөкей');
    });

    it('leaves correct Kazakh letters alone', () => {
      const text = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі';
      expect(normaliseKazakhText(text)).toBe(text);
    });
  });

  it('composes a decomposed й', () => {
    expect(normaliseKazakhText('Бөкеи\u0306хан')).toBe('Бөкейхан');
  });

  it('turns no-break, thin and other Unicode spaces, tabs and newlines into single spaces', () => {
    expect(normaliseKazakhText('  Нұрлан\u00A0\u00A0Сейітов\t\n Алматы\u202Fқаласы\u2009 ')).toBe(
      'Нұрлан Сейітов Алматы қаласы',
    );
  });

  it('removes zero-width characters, the byte-order mark and soft hyphens', () => {
    expect(normaliseKazakhText('\uFEFFНұр\u200Bлан Бөкей\u00ADхан\u200D')).toBe('Нұрлан Бөкейхан');
  });

  it('leaves a Latin look-alike inside a Cyrillic word alone', () => {
    expect(normaliseKazakhText('Aсель')).toBe('Aсель');
  });

  it('gives an empty string for blank input', () => {
    expect(normaliseKazakhText(' \u00A0\n\u200B ')).toBe('');
  });
});

describe('transliterateKazakhToLatin', () => {
  it('writes Әлихан Бөкейхан as Älihan Bökeihan', () => {
    expect(transliterateKazakhToLatin('Әлихан Бөкейхан')).toBe('Älihan Bökeihan');
  });

  it.each([
    ['Қазақстан Республикасы', 'Qazaqstan Respublikasy'],
    ['Шығыс Еуропа мен Орталық Азияда', 'Şyğys Europa men Ortalyq Aziiada'],
    ['Бұрыңғы өткен заманда, бір данышпан кісі', 'Būryñğy ötken zamanda, bır danyşpan kısı'],
    ['үйіне келіп қоныпты', 'üiıne kelıp qonypty'],
    ['сый беріп, орнымда қалайын', 'syi berıp, ornymda qalaiyn'],
    ['Бағдат шаһарының', 'Bağdat şaharynyñ'],
  ])('follows the published 2021 samples: %s → %s', (cyrillic, latin) => {
    expect(transliterateKazakhToLatin(cyrillic)).toBe(latin);
  });

  it.each([
    ['Шоқан Уәлиханов', 'Şoqan Uälihanov'],
    ['Мұхтар Әуезов', 'Mūhtar Äuezov'],
    ['Ілияс Жансүгіров', 'Iliias Jansügırov'],
    ['Айгүл Нұрланқызы', 'Aigül Nūrlanqyzy'],
  ])('writes the name %s as %s', (cyrillic, latin) => {
    expect(transliterateKazakhToLatin(cyrillic)).toBe(latin);
  });

  it('writes all-capital words in capitals', () => {
    expect(transliterateKazakhToLatin('ШОҚАН ШЫҢҒЫСҰЛЫ')).toBe('ŞOQAN ŞYÑĞYSŪLY');
    expect(transliterateKazakhToLatin('ІЛИЯС')).toBe('ILİİAS');
  });

  it.each([
    ['Цой', 'Tsoi'],
    ['ЦОЙ', 'TSOİ'],
    ['Юлия', 'İuliia'],
    ['ЮЛИЯ', 'İULİİA'],
    ['Алёна', 'Aliona'],
    ['Щукин', 'Şşukin'],
    ['ЛЕЩ', 'LEŞŞ'],
    ['Чингиз', 'Çingiz'],
    ['Эльвира', 'Elvira'],
    ['Подъезд', 'Podezd'],
    ['Ц', 'Ts'],
  ])('writes the Russian letters of %s as %s', (cyrillic, latin) => {
    expect(transliterateKazakhToLatin(cyrillic)).toBe(latin);
  });

  it('passes Latin, digits, punctuation, other scripts and non-Kazakh Cyrillic through', () => {
    expect(transliterateKazakhToLatin('Nurlan, 2024 — 努尔兰 нұр-є')).toBe(
      'Nurlan, 2024 — 努尔兰 nūr-є',
    );
  });

  it('composes a decomposed й before writing it', () => {
    expect(transliterateKazakhToLatin('Бөкеи\u0306хан')).toBe('Bökeihan');
  });
});

describe('nameSearchKey', () => {
  it.each([
    [['Нұрлан Сейітов', 'Nurlan Seitov', 'Нурлан Сеитов', 'NURLAN SEYTOV'], 'nurlan seitov'],
    [['Жұмабек', 'Zhumabek', 'Jumabek'], 'jumabek'],
    [['Шоқан', 'Shokan', 'Şoqan', 'ШОҚАН'], 'shokan'],
    [
      [
        'Әлихан Бөкейхан',
        'Alikhan Bokeikhan',
        'Alikhan Bokeykhan',
        'Älihan Bökeihan',
        'Ҽлихан Бӛкейхан',
      ],
      'alihan bokeihan',
    ],
    [['Ержан', 'Yerzhan', 'Erjan'], 'erjan'],
    [['Есенов', 'Yessenov'], 'esenov'],
    [['Айгүл', 'Aigul', 'Aygul', 'AİGÜL'], 'aigul'],
    [['Бағдат', 'Baghdat', 'Bağdat'], 'bagdat'],
    [['Жаннат', 'Zhannat', 'Zhanat'], 'janat'],
    [['Юсуп', 'Yusup', 'Iusup'], 'iusup'],
    [['Щукин', 'Shchukin', 'Shukin'], 'shukin'],
    [['Нұрсұлтан', 'Нұр-Сұлтан', 'Nursultan'], 'nursultan'],
  ])('gives %p the one key %p', (spellings, key) => {
    for (const spelling of spellings) expect(nameSearchKey(spelling)).toBe(key);
  });

  it('keeps names apart that differ in more than spelling', () => {
    expect(nameSearchKey('Нұрлан')).not.toBe(nameSearchKey('Нұрбол'));
    expect(nameSearchKey('Бөкейхан')).not.toBe(nameSearchKey('Букейханов'));
  });

  it('turns punctuation and spacing into single spaces', () => {
    expect(nameSearchKey('  Сейітов,\u00A0Нұрлан.  ')).toBe('seitov nurlan');
  });

  it('keeps letters of other scripts', () => {
    expect(nameSearchKey('Нұрлан 努尔兰')).toBe('nurlan 努尔兰');
  });

  it('gives an empty key for blank input', () => {
    expect(nameSearchKey(' \u200B ')).toBe('');
  });
});
