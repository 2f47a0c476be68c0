import type { EducationLevel, IdDocumentType, Sex } from '@qonys/domain';

/** A person as GET /api/persons/:id shows them. */
export interface Person {
  id: number;
  surname: string;
  givenName: string;
  patronymic: string | null;
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
  otherSpellings: string[];
  birthDate: string;
  sex: Sex;
  iin: string | null;
  ethnicity: string;
  citizenship: string | null;
  countryOfOrigin: string | null;
  idDocumentType: IdDocumentType | null;
  idDocumentNumber: string | null;
  idDocumentIssuer: string | null;
  idDocumentExpiry: string | null;
  educationLevel: EducationLevel | null;
  profession: string | null;
  languages: string[];
  phone: string | null;
  email: string | null;
  addressAbroad: string | null;
  addressKz: string | null;
  regionId: number;
  mergedIntoId: number | null;
  /** Set once the personal data was erased (names read '—'). */
  erasedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What staff of another region see of a person found as a possible duplicate: only that they exist. */
export interface ForeignPerson {
  id: number;
  foreignRegion: true;
}

export const DUPLICATE_REASONS = ['same_iin', 'same_document', 'similar_name_same_birth_date'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** GET /api/persons/:id/duplicates, best first. */
export interface DuplicateCandidate {
  person: Person | ForeignPerson;
  /** 0..1: 1 for the same IIN, 0.95 for the same document, name similarity otherwise. */
  score: number;
  reasons: string[];
}

export const isForeignPerson = (person: Person | ForeignPerson): person is ForeignPerson =>
  'foreignRegion' in person && person.foreignRegion === true;

/** "Surname Given Patronymic", as a list or a heading shows a person. */
export const personFullName = (person: {
  surname?: string | null;
  givenName?: string | null;
  patronymic?: string | null;
}): string => [person.surname, person.givenName, person.patronymic].filter(Boolean).join(' ');
