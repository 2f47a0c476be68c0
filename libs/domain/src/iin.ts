import { formatIsoDate, isValidCalendarDate } from './iso-date';

/**
 * The Kazakhstan IIN (individual identification number), 12 digits:
 * YYMMDD birth date, a century-and-sex digit, a 4-digit serial and a check digit.
 */

export type Sex = 'M' | 'F';

export const IIN_ERRORS = [
  'format',
  'century',
  'birth_date',
  'check_digit',
  'birth_date_mismatch',
  'sex_mismatch',
] as const;
export type IinError = (typeof IIN_ERRORS)[number];

export type IinValidation =
  { valid: true; birthDate: string; sex: Sex } | { valid: false; error: IinError };

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/**
 * The check digit for the first 11 digits: the weighted sum mod 11, retried with
 * the second weights when it is 10. Null when that is 10 too: such IINs are never issued.
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`Expected 11 digits, got "${first11}"`);
  const digits = [...first11].map(Number);
  for (const weights of [FIRST_WEIGHTS, SECOND_WEIGHTS]) {
    const remainder = digits.reduce((sum, digit, i) => sum + digit * weights[i], 0) % 11;
    if (remainder !== 10) return remainder;
  }
  return null;
}

/** Digit 7: 1–2 born in the 1800s, 3–4 the 1900s, 5–6 the 2000s; odd male, even female. */
function decodeCenturyDigit(digit: number): { firstYear: number; sex: Sex } | null {
  if (digit < 1 || digit > 6) return null;
  return { firstYear: 1800 + 100 * Math.floor((digit - 1) / 2), sex: digit % 2 === 1 ? 'M' : 'F' };
}

const invalid = (error: IinError): IinValidation => ({ valid: false, error });

/**
 * Checks an IIN and reads the birth date and sex from it. When the person's birth
 * date or sex is already known, pass it to catch an IIN that belongs to someone else.
 */
export function validateIin(
  iin: string,
  expected: { birthDate?: string; sex?: Sex } = {},
): IinValidation {
  if (!/^\d{12}$/.test(iin)) return invalid('format');
  const centuryAndSex = decodeCenturyDigit(Number(iin[6]));
  if (!centuryAndSex) return invalid('century');
  const { firstYear, sex } = centuryAndSex;
  const [year, month, day] = [
    firstYear + Number(iin.slice(0, 2)),
    Number(iin.slice(2, 4)),
    Number(iin.slice(4, 6)),
  ];
  if (!isValidCalendarDate(year, month, day)) return invalid('birth_date');
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return invalid('check_digit');
  const birthDate = formatIsoDate({ year, month, day });
  if (expected.birthDate !== undefined && expected.birthDate !== birthDate) {
    return invalid('birth_date_mismatch');
  }
  if (expected.sex !== undefined && expected.sex !== sex) return invalid('sex_mismatch');
  return { valid: true, birthDate, sex };
}
