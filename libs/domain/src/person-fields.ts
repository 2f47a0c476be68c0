/**
 * The fields staff may set on a person, in display order: what the API's person
 * form accepts and what the admin sends. (regionId only from nationwide roles.)
 */
export const PERSON_WRITABLE_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'surnameLatin',
  'givenNameLatin',
  'patronymicLatin',
  'otherSpellings',
  'birthDate',
  'sex',
  'iin',
  'ethnicity',
  'citizenship',
  'countryOfOrigin',
  'idDocumentType',
  'idDocumentNumber',
  'idDocumentIssuer',
  'idDocumentExpiry',
  'educationLevel',
  'profession',
  'languages',
  'phone',
  'email',
  'addressAbroad',
  'addressKz',
  'regionId',
] as const;
