import { COUNTRY_CODES, LANGUAGE_CODES } from '@qonys/domain';
import { LANGUAGE_NAMES_KK } from './languageNamesKk';
import { countryChoices, countryName, languageChoices, languageName, matchesWorldChoice } from './worldNames';

const found = (typed: string, locale = 'kk') =>
  countryChoices(locale)
    .filter((choice) => matchesWorldChoice(typed, choice))
    .map((choice) => choice.id);

describe('country and language names', () => {
  it('names the countries families come from, and their neighbours, in Kazakh', () => {
    expect(countryName('MN', 'kk')).toBe('Моңғолия');
    expect(countryName('CN', 'kk')).toBe('Қытай');
    expect(countryName('UZ', 'kk')).toBe('Өзбекстан');
    expect(countryName('TM', 'kk')).toBe('Түрікменстан');
    expect(countryName('RU', 'kk')).toBe('Ресей');
    expect(countryName('KG', 'kk')).toBe('Қырғызстан');
    expect(countryName('TJ', 'kk')).toBe('Тәжікстан');
    expect(countryName('AF', 'kk')).toBe('Ауғанстан');
    expect(countryName('IR', 'kk')).toBe('Иран');
    expect(countryName('TR', 'kk')).toBe('Түркия');
    expect(countryName('CN', 'ru')).toBe('Китай');
    expect(countryName('MN', 'en')).toBe('Mongolia');
  });

  it('has a name in every language for every code it offers', () => {
    for (const locale of ['kk', 'ru', 'en']) {
      for (const choice of countryChoices(locale)) expect(choice.name).not.toBe(choice.id);
      for (const choice of languageChoices(locale)) expect(choice.name).not.toBe(choice.id);
    }
    expect(Object.keys(LANGUAGE_NAMES_KK).sort()).toEqual([...LANGUAGE_CODES]);
    expect(
      countryChoices('kk')
        .map((c) => c.id)
        .sort(),
    ).toEqual([...COUNTRY_CODES]);
  });

  it('names languages in Kazakh from our table, and fixes the package’s Russian typos', () => {
    expect(languageName('kk', 'kk')).toBe('Қазақ тілі');
    expect(languageName('mn', 'kk')).toBe('Моңғол тілі');
    expect(languageName('ug', 'kk')).toBe('Ұйғыр тілі');
    expect(languageName('tk', 'ru')).toBe('Туркменский');
    expect(languageName('zh', 'en')).toBe('Chinese');
  });

  it('finds Mongolia from Kazakh, Russian or English, whatever the UI language', () => {
    for (const locale of ['kk', 'ru', 'en']) {
      for (const typed of ['Моңғ', 'Монг', 'Mong', 'моңғолия']) expect(found(typed, locale)).toContain('MN');
    }
    expect(found('Қыта')).toContain('CN');
    expect(found('Узбек')).toEqual(['UZ']);
  });

  it('offers no withdrawn codes', () => {
    const ids = countryChoices('kk').map((c) => c.id);
    for (const code of ['BU', 'CS', 'DD', 'YU', 'ZR', 'XK']) expect(ids).not.toContain(code);
  });
});
