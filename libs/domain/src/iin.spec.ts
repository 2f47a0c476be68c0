import { MESSAGES } from './messages';
import { IIN_ERRORS, iinCheckDigit, validateIin } from './iin';

/** Completes 11 digits into an IIN with the right check digit. */
function withCheckDigit(first11: string): string {
  const checkDigit = iinCheckDigit(first11);
  if (checkDigit === null) throw new Error(`${first11} has no check digit`);
  return `${first11}${checkDigit}`;
}

// Check digits worked out by hand: Σ dᵢ·i for i = 1…11, mod 11.
const HAND_CHECKED = {
  male1885: '850101100012', // 8+10+0+4+0+6+7+0+0+0+11 = 46 ≡ 2
  female1978: '780415412344', // 7+16+0+16+5+30+28+8+18+30+44 = 202 ≡ 4
  male2010: '100305500428', // 1+0+0+12+0+30+35+0+0+40+22 = 140 ≡ 8
  leapDay2000: '000229500018', // 0+0+0+8+10+54+35+0+0+0+11 = 118 ≡ 8
  leapDay1900: '000229300015', // 0+0+0+8+10+54+21+0+0+0+11 = 104 ≡ 5, but 1900 was not a leap year
};

describe('iinCheckDigit', () => {
  it('uses weights 1…11 when their sum mod 11 is below 10', () => {
    expect(iinCheckDigit('85010110001')).toBe(2);
    expect(iinCheckDigit('78041541234')).toBe(4);
  });

  it('retries with weights 3…11, 1, 2 when the first sum gives 10', () => {
    // 0+12+3+8+5+6+42+0+0+0+11 = 87 ≡ 10; then 0+24+5+12+7+8+54+0+0+0+2 = 112 ≡ 2
    expect(iinCheckDigit('06121160001')).toBe(2);
    // 9+0+0+4+0+6+21+0+0+80+11 = 131 ≡ 10; then 27+0+0+6+0+8+27+0+0+8+2 = 78 ≡ 1
    expect(iinCheckDigit('90010130081')).toBe(1);
  });

  it('gives null when both sums give 10, as no such IIN is issued', () => {
    // 9+4+6+21+80 = 120 ≡ 10; then 27+6+8+27+8 = 76 ≡ 10
    expect(iinCheckDigit('90010130080')).toBeNull();
  });

  it.each(['0612116000', '061211600012', '0612116000a'])(
    'rejects %p, which is not 11 digits',
    (input) => {
      expect(() => iinCheckDigit(input)).toThrow(RangeError);
    },
  );
});

describe('validateIin', () => {
  it('reads the README example 061211600012 as a girl born 11 December 2006', () => {
    expect(validateIin('061211600012')).toEqual({ valid: true, birthDate: '2006-12-11', sex: 'F' });
  });

  it.each([
    [HAND_CHECKED.male1885, '1885-01-01', 'M'],
    [HAND_CHECKED.female1978, '1978-04-15', 'F'],
    [HAND_CHECKED.male2010, '2010-03-05', 'M'],
    ['900101300811', '1990-01-01', 'M'], // check digit from the second weights
  ])('accepts %s: born %s, sex %s', (iin, birthDate, sex) => {
    expect(validateIin(iin)).toEqual({ valid: true, birthDate, sex });
  });

  it.each([
    ['1', '1800s', 'M'],
    ['2', '1800s', 'F'],
    ['3', '1900s', 'M'],
    ['4', '1900s', 'F'],
    ['5', '2000s', 'M'],
    ['6', '2000s', 'F'],
  ])('decodes century digit %s as born in the %s, sex %s', (digit, centuryName, sex) => {
    const century = centuryName.slice(0, 2);
    const result = validateIin(withCheckDigit(`050719${digit}0123`));
    expect(result).toEqual({ valid: true, birthDate: `${century}05-07-19`, sex });
  });

  it('accepts 29 February 2000, a leap day', () => {
    expect(validateIin(HAND_CHECKED.leapDay2000)).toEqual({
      valid: true,
      birthDate: '2000-02-29',
      sex: 'M',
    });
  });

  it('rejects 29 February 1900, which did not exist', () => {
    expect(validateIin(HAND_CHECKED.leapDay1900)).toEqual({ valid: false, error: 'birth_date' });
  });

  it.each(['990230', '991301', '990001', '990100'])(
    'rejects the impossible birth date %s',
    (yymmdd) => {
      expect(validateIin(withCheckDigit(`${yymmdd}30001`))).toEqual({
        valid: false,
        error: 'birth_date',
      });
    },
  );

  it.each(['0', '7', '8', '9'])('rejects century digit %s', (digit) => {
    expect(validateIin(`061211${digit}00012`)).toEqual({ valid: false, error: 'century' });
  });

  it('rejects a mistyped check digit', () => {
    expect(validateIin('061211600013')).toEqual({ valid: false, error: 'check_digit' });
  });

  it('rejects a mistyped serial digit', () => {
    expect(validateIin('061211600112')).toEqual({ valid: false, error: 'check_digit' });
  });

  it('rejects a number whose check digit would be 10 on both passes', () => {
    for (let last = 0; last <= 9; last++) {
      expect(validateIin(`90010130080${last}`)).toEqual({ valid: false, error: 'check_digit' });
    }
  });

  it.each([
    '',
    '06121160001',
    '0612116000120',
    '06121160001O',
    ' 061211600012',
    '061211 600012',
    '０６１２１１６０００１２',
  ])('rejects %p, which is not 12 ASCII digits', (input) => {
    expect(validateIin(input)).toEqual({ valid: false, error: 'format' });
  });

  describe('with a known birth date and sex', () => {
    it('accepts an IIN that agrees with both', () => {
      expect(validateIin('061211600012', { birthDate: '2006-12-11', sex: 'F' }).valid).toBe(true);
    });

    it('rejects another birth date', () => {
      expect(validateIin('061211600012', { birthDate: '2006-11-12' })).toEqual({
        valid: false,
        error: 'birth_date_mismatch',
      });
    });

    it('rejects another sex', () => {
      expect(validateIin('061211600012', { sex: 'M' })).toEqual({
        valid: false,
        error: 'sex_mismatch',
      });
    });

    it('reports a bad check digit before a mismatch', () => {
      expect(validateIin('061211600013', { sex: 'M' })).toEqual({
        valid: false,
        error: 'check_digit',
      });
    });
  });
});

describe('IIN error messages', () => {
  it('has a catalogue code for every error', () => {
    for (const error of IIN_ERRORS) expect(Object.keys(MESSAGES)).toContain(`iin.${error}`);
  });
});
