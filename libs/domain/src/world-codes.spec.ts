import { COUNTRY_CODES, isCountryCode, isLanguageCode, LANGUAGE_CODES } from './world-codes';

describe('country and language codes', () => {
  it('holds the 249 ISO 3166-1 alpha-2 countries assigned today', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    for (const code of ['KZ', 'MN', 'CN', 'UZ', 'TM', 'RU', 'KG', 'TJ', 'AF', 'IR', 'TR', 'SS', 'CW']) {
      expect(isCountryCode(code)).toBe(true);
    }
  });

  it('refuses withdrawn, reserved and user-assigned codes', () => {
    for (const code of ['BU', 'CS', 'DD', 'YU', 'ZR', 'SU', 'AN', 'TP', 'XK', 'EU', 'UN', 'ZZ']) {
      expect(isCountryCode(code)).toBe(false);
    }
    expect(isCountryCode('mn')).toBe(false);
    expect(isCountryCode('MNG')).toBe(false);
  });

  it('holds the ISO 639-1 languages, in lower case', () => {
    expect(LANGUAGE_CODES.length).toBeGreaterThanOrEqual(183);
    for (const code of ['kk', 'ru', 'mn', 'zh', 'uz', 'tk', 'ky', 'ug', 'tr', 'en'])
      expect(isLanguageCode(code)).toBe(true);
    for (const code of ['KK', 'kaz', 'iw', 'in', 'ji', 'mo', 'sh', 'xx']) expect(isLanguageCode(code)).toBe(false);
  });
});
