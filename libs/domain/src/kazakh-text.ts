/**
 * Kazakh text as people paste it: cleaning it up, writing it in the Latin alphabet,
 * and a key that finds the same name however it was spelt.
 */

/**
 * Kazakh "pseudo-Unicode" fonts draw Kazakh letters at the code points of look-alike
 * letters of other languages, and text copied from PDFs made with them keeps those
 * code points. None of the replaced letters belongs to the Kazakh alphabet.
 */
const PDF_GLYPH_SUBSTITUTES: Readonly<Record<string, string>> = {
  '\u04DB': '\u04E9', // ӛ (schwa with diaeresis) → ө
  '\u04DA': '\u04E8', // Ӛ → Ө
  '\u04BD': '\u04D9', // ҽ (Abkhaz che) → ә
  '\u04BC': '\u04D8', // Ҽ → Ә
  // ї is a real Ukrainian letter, but in a kandas file a Ukrainian-spelt name is far
  // rarer than a mangled ү, so it is always replaced.
  '\u0457': '\u04AF', // ї → ү
  '\u0407': '\u04AE', // Ї → Ү
};
const PDF_GLYPH_SUBSTITUTE = new RegExp(`[${Object.keys(PDF_GLYPH_SUBSTITUTES).join('')}]`, 'g');

/** Zero-width space, non-joiner, joiner, word joiner, byte-order mark, and the soft hyphen PDFs leave in split words. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Cleans pasted Kazakh text: composes characters (NFC), replaces PDF font substitutes,
 * drops invisible characters, turns every run of spaces, tabs, newlines and Unicode
 * spaces (such as the no-break space) into one space, and trims.
 *
 * Latin look-alikes inside Cyrillic words (a Latin "a" in "Aсель") are left alone:
 * y/у/ү and h/һ are ambiguous, and nameSearchKey already makes most of them harmless.
 */
export function normaliseKazakhText(text: string): string {
  return text
    .normalize('NFC')
    .replace(PDF_GLYPH_SUBSTITUTE, (letter) => PDF_GLYPH_SUBSTITUTES[letter])
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Kazakh Cyrillic → the Latin alphabet presented in January 2021, as [capital, small].
 * Ы is Y y, І is I ı (dotless small), И and Й are both İ i.
 */
// prettier-ignore
const KAZAKH_LATIN_2021: Readonly<Record<string, readonly [string, string]>> = {
  а: ['A', 'a'], ә: ['Ä', 'ä'], б: ['B', 'b'], в: ['V', 'v'], г: ['G', 'g'], ғ: ['Ğ', 'ğ'],
  д: ['D', 'd'], е: ['E', 'e'], ж: ['J', 'j'], з: ['Z', 'z'], и: ['İ', 'i'], й: ['İ', 'i'],
  к: ['K', 'k'], қ: ['Q', 'q'], л: ['L', 'l'], м: ['M', 'm'], н: ['N', 'n'], ң: ['Ñ', 'ñ'],
  о: ['O', 'o'], ө: ['Ö', 'ö'], п: ['P', 'p'], р: ['R', 'r'], с: ['S', 's'], т: ['T', 't'],
  у: ['U', 'u'], ұ: ['Ū', 'ū'], ү: ['Ü', 'ü'], ф: ['F', 'f'], х: ['H', 'h'], һ: ['H', 'h'],
  ш: ['Ş', 'ş'], ы: ['Y', 'y'], і: ['I', 'ı'],
  // Letters of Russian loanwords and names, outside the 2021 alphabet. The iotated
  // vowels are Й + vowel, hence İo, İu, İa; Ч takes the Turkic Ç.
  ё: ['İo', 'io'], ц: ['Ts', 'ts'], ч: ['Ç', 'ç'], щ: ['Şş', 'şş'], ъ: ['', ''], ь: ['', ''],
  э: ['E', 'e'], ю: ['İu', 'iu'], я: ['İa', 'ia'],
};

const isLetter = (char: string | undefined) => char !== undefined && /\p{L}/u.test(char);
const isCapital = (char: string | undefined) => char !== undefined && /\p{Lu}/u.test(char);

/**
 * Whether the capital at `index` stands in an all-capitals word, judged by the next
 * letter, or the previous one at the end of a word: ЦОЙ → TSOİ but Цой → Tsoi.
 */
function inCapitalsWord(chars: readonly string[], index: number): boolean {
  const next = chars[index + 1];
  return isLetter(next) ? isCapital(next) : isCapital(chars[index - 1]);
}

/** Writes Kazakh (and Russian) Cyrillic in the 2021 Kazakh Latin alphabet; anything else passes through. */
export function transliterateKazakhToLatin(text: string): string {
  const chars = [...text.normalize('NFC')];
  return chars
    .map((char, index) => {
      const small = char.toLowerCase();
      const latin = KAZAKH_LATIN_2021[small];
      if (!latin) return char;
      if (char === small) return latin[1];
      return inCapitalsWord(chars, index) ? latin[0].toUpperCase() : latin[0];
    })
    .join('');
}

/**
 * Spelling variants a name key folds together, applied in order to the lower-case
 * Latin form: passports and older systems wrote Ж as zh, Х as kh, Ғ as gh, Щ as shch,
 * Е at the start of a word as ye, and Й, Ы as y.
 */
const VARIANT_SPELLINGS: readonly [RegExp, string][] = [
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/shch|shsh/g, 'sh'],
  [/\bye/g, 'e'],
  [/y/g, 'i'],
];

/**
 * A script- and spelling-insensitive key for finding the same name: "Нұрлан Сейітов",
 * "Nurlan Seitov" and "Нурлан Сеитов" share one. Latin letters are folded to plain
 * lower-case ASCII, common variant spellings merged, doubled letters collapsed,
 * hyphens and apostrophes dropped and other punctuation made a space. Letters of
 * other scripts (Chinese, Arabic, Mongolian) are kept as they are.
 */
export function nameSearchKey(name: string): string {
  const latin = transliterateKazakhToLatin(normaliseKazakhText(name))
    .replace(/İ/g, 'i') // toLowerCase would give i + a combining dot
    .toLowerCase()
    .replace(/ı/g, 'i')
    .replace(/ş/g, 'sh')
    .replace(/ç/g, 'ch')
    .replace(/q/g, 'k')
    .normalize('NFD')
    .replace(/\p{M}/gu, ''); // ä ğ ñ ö ū ü é … → a g n o u u e
  const folded = VARIANT_SPELLINGS.reduce(
    (key, [variant, replacement]) => key.replace(variant, replacement),
    latin,
  );
  return folded
    .replace(/[-‐‑'’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})\1+/gu, '$1')
    .trim();
}
