import { nameSearchKey, normaliseKazakhText, transliterateKazakhToLatin } from '@qonys/domain';

/**
 * The derived values a person row keeps for finding the same person again — the
 * name search key and the identity-document key — and how a search box's text is
 * read. Pure: shared by the service, the list filter and the benchmark loader.
 */

export interface PersonNames {
  surname: string;
  givenName: string;
  patronymic: string | null;
  surnameLatin: string;
  givenNameLatin: string;
  patronymicLatin: string | null;
  otherSpellings: readonly string[];
}

/** A name in the 2021 Kazakh Latin alphabet, from its (cleaned) Cyrillic form. */
export const latinName = (cyrillic: string): string => transliterateKazakhToLatin(normaliseKazakhText(cyrillic));

const fullName = (...parts: (string | null)[]): string => parts.filter(Boolean).join(' ');

/**
 * nameSearchKey of every spelling — the Cyrillic full name, the Latin one and each
 * other spelling — without repeats, joined by spaces: what the trigram index holds.
 */
export function personSearchKey(names: PersonNames): string {
  const spellings = [
    fullName(names.surname, names.givenName, names.patronymic),
    fullName(names.surnameLatin, names.givenNameLatin, names.patronymicLatin),
    ...names.otherSpellings,
  ];
  const keys = spellings.map(nameSearchKey).filter((key) => key.length > 0);
  return [...new Set(keys)].join(' ');
}

/**
 * Cyrillic capitals that look like Latin ones: a document number typed on a Russian
 * keyboard ('А1234567' with a Cyrillic А) is the same number.
 */
// prettier-ignore
const CYRILLIC_LOOK_ALIKES: Readonly<Record<string, string>> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X', І: 'I',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(CYRILLIC_LOOK_ALIKES).join('')}]`, 'g');

/** An identity document number upper-cased, without spaces, dashes or dots; null when nothing is left. */
export function documentKey(number: string | null | undefined): string | null {
  if (!number) return null;
  const key = normaliseKazakhText(number)
    .toUpperCase()
    .replace(LOOK_ALIKE, (letter) => CYRILLIC_LOOK_ALIKES[letter])
    .replace(/[\s\-‐‑–—./]/g, '');
  return key.length > 0 ? key : null;
}

/** What the `q` of the person list asks for. */
export type PersonQuery =
  /** 12 digits: an IIN (or a document number that happens to be 12 digits). */
  | { kind: 'iin'; value: string }
  /** A case number KND-YYYY-NNNNNN: the members of that case. */
  | { kind: 'case'; value: string }
  /** Anything else with a digit: an identity document number, as its key. */
  | { kind: 'document'; value: string }
  /** Letters only: a name in any script and spelling, as its search key. */
  | { kind: 'name'; value: string };

const CASE_NUMBER = /^KND-\d{4}-\d{6}$/i;

/** Reads the search box's text; null when it holds nothing to search for. */
export function parsePersonQuery(text: string): PersonQuery | null {
  const q = normaliseKazakhText(text);
  if (CASE_NUMBER.test(q)) return { kind: 'case', value: q.toUpperCase() };
  const digits = q.replace(/[\s-]/g, '');
  if (/^\d{12}$/.test(digits)) return { kind: 'iin', value: digits };
  if (/\d/.test(q)) {
    const key = documentKey(q);
    return key ? { kind: 'document', value: key } : null;
  }
  const key = nameSearchKey(q);
  return key.length > 0 ? { kind: 'name', value: key } : null;
}
