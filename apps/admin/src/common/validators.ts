import { maxValue, minLength, minValue, number, regex, required, type Validator } from 'react-admin';

/** Passwords: the API's minimum, checked before the round trip. */
export const PASSWORD_MIN_LENGTH = 12;
export const validatePassword = [required(), minLength(PASSWORD_MIN_LENGTH, 'app.validation.password_length')];

/** The repeat field must equal the field named `source`. */
export const sameAs =
  (source: string): Validator =>
  (value, allValues) =>
    value === allValues?.[source] ? undefined : 'app.validation.password_mismatch';

/** The API's range for reference-data years. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2200;

/** The API's username rule, checked before the round trip. */
export const validateUsername = [required(), regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'app.validation.username')];

export const validateKatoCode = [required(), regex(/^\d{2}$/, 'app.validation.kato_code')];

export const integer: Validator = (value) =>
  value == null || value === '' || Number.isInteger(Number(value)) ? undefined : 'app.validation.integer';

export const validateYear = [
  required(),
  number(),
  integer,
  minValue(MIN_YEAR, 'app.validation.year'),
  maxValue(MAX_YEAR, 'app.validation.year'),
];

/** `validTo` may be empty (open-ended) but never before `validFrom`. */
export const notBeforeValidFrom: Validator = (value, allValues) =>
  value && allValues?.validFrom && String(value) < String(allValues.validFrom)
    ? 'app.validation.valid_to_before_from'
    : undefined;

/** The API's rule for reference-data keys and codes: lower-case letters, digits and underscores. */
export const validateKey = [required(), regex(/^[a-z][a-z0-9_]{1,62}$/, 'app.validation.reference_key')];
