/**
 * Is a screen's text in the language it is shown in? Precise rather than clever, so a
 * finding is a real defect: a word counts against a screen only when it cannot be of
 * that language, and words that are people's data (names, usernames, texts users
 * typed) are never held against it.
 *
 * - Kazakh and Russian screens: no Latin words (English left untranslated, an English
 *   server message), except abbreviations in capitals and ALLOWED_LATIN.
 * - Russian screen: no word with a Kazakh-only letter (ә ғ қ ң ө ұ ү һ і).
 * - Kazakh screen: no word the Russian messages use and the Kazakh ones never do
 *   (Kazakh writes with every Russian letter, so letters alone cannot tell).
 * - English screen: no Cyrillic word.
 */
export type Lang = 'kk' | 'ru' | 'en';

/** Latin words a Kazakh or Russian screen may show: the product's name, file and code names. */
export const ALLOWED_LATIN = new Set(['qonys', 'pdf', 'csv', 'xlsx', 'jpg', 'jpeg', 'png', 'egov', 'email', 'e-mail']);

/**
 * Kazakh proper names spelled like a word only the Russian messages use: the city of
 * Семей (Semey, a regional centre) is Russian «семей», "of families".
 */
export const KAZAKH_NAMES_LIKE_RUSSIAN = new Set(['семей']);

const KAZAKH_ONLY = /[әғқңөұүһі]/i;
const LATIN = /[a-z]/i;
const CYRILLIC = /[\u0400-\u04ff]/;

/** The words of a text, lower-cased: runs of letters (hyphens and dots split them). */
export const wordsOf = (text: string): string[] => (text.match(/\p{L}+/gu) ?? []).map((word) => word.toLowerCase());

/** An abbreviation or code in capitals (IIN, KZ, TOTP): not prose in any language. */
const isAbbreviation = (word: string) => word.length <= 6 && word === word.toUpperCase() && word !== word.toLowerCase();

export interface LanguageRules {
  /** Lower-cased words of people's data on this screen: never a finding. */
  dataWords: ReadonlySet<string>;
  /** Lower-cased words of the Russian messages that the Kazakh messages never use. */
  russianOnly: ReadonlySet<string>;
}

/** Words of `text` that are not of `lang`, each once, in order of appearance. */
export function foreignWords(text: string, lang: Lang, rules: LanguageRules): string[] {
  const found = new Set<string>();
  // Hashes and UUIDs (whose groups may be all letters), then any run with a digit —
  // numbers, codes, hashes (KZ-2026-000123, 3fa9c0…) — are in no language.
  const prose = text
    .replace(/\b[0-9a-f]{4,}(?:-[0-9a-f]{4,})+\b|\b[0-9a-f]{16,}\b/gi, ' ')
    .replace(/[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*/gu, ' ');
  for (const raw of prose.match(/\p{L}+/gu) ?? []) {
    const word = raw.toLowerCase();
    if (rules.dataWords.has(word) || found.has(word)) continue;
    const foreign =
      lang === 'en'
        ? CYRILLIC.test(word)
        : (LATIN.test(word) && word.length > 1 && !isAbbreviation(raw) && !ALLOWED_LATIN.has(word)) ||
          (lang === 'ru' && KAZAKH_ONLY.test(word)) ||
          (lang === 'kk' && rules.russianOnly.has(word) && !KAZAKH_NAMES_LIKE_RUSSIAN.has(word));
    if (foreign) found.add(word);
  }
  return [...found];
}

/** Every string in a translation-message tree. */
const stringsOf = (messages: unknown): string[] =>
  typeof messages === 'string'
    ? [messages]
    : typeof messages === 'object' && messages !== null
      ? Object.values(messages).flatMap(stringsOf)
      : [];

/** The words of the Russian messages that never occur in the Kazakh ones (placeholders left out). */
export function russianOnlyWords(ru: unknown, kk: unknown): Set<string> {
  const strip = (text: string) => text.replace(/%\{[^}]*\}/g, ' ');
  const kazakh = new Set(stringsOf(kk).flatMap((text) => wordsOf(strip(text))));
  return new Set(
    stringsOf(ru)
      .flatMap((text) => wordsOf(strip(text)))
      .filter((word) => CYRILLIC.test(word) && !kazakh.has(word)),
  );
}
