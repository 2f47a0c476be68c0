import { randomInt } from 'node:crypto';

/** Digits and capitals without the look-alikes 0/O, 1/I/L and U/V. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
const RANDOM_LENGTH = 8;

/**
 * A certificate number such as `QK-2026-7F3K9QX2`: public (printed, in the QR code),
 * so not guessable from another one — 8 characters from a crypto source, ~39 bits
 * (the demo data passes its seeded source instead).
 */
export function newCertificateNumber(year: number, draw: (below: number) => number = randomInt): string {
  let random = '';
  for (let i = 0; i < RANDOM_LENGTH; i++) random += ALPHABET[draw(ALPHABET.length)];
  return `QK-${year}-${random}`;
}

/** 'Нұрлан', 'Сейітов' → 'Н. С.': all the verification page may show of the holder. */
export function holderInitials(givenName: string, surname: string): string {
  const initial = (name: string) => Array.from(name.trim())[0]?.toUpperCase() ?? '';
  return [initial(givenName), initial(surname)]
    .filter(Boolean)
    .map((letter) => `${letter}.`)
    .join(' ');
}
