import { holderInitials, newCertificateNumber } from './certificate-number';

describe('newCertificateNumber', () => {
  it('is QK-<year>- and 8 characters without look-alikes (0 O 1 I L U V)', () => {
    for (let i = 0; i < 200; i++) expect(newCertificateNumber(2026)).toMatch(/^QK-2026-[2-9A-HJKMNP-TW-Z]{8}$/);
  });

  it('does not repeat', () => {
    const numbers = new Set(Array.from({ length: 1000 }, () => newCertificateNumber(2026)));
    expect(numbers.size).toBe(1000);
  });
});

describe('holderInitials', () => {
  it('gives the given name and surname initials, as on the verification page', () => {
    expect(holderInitials('Нұрлан', 'Сейітов')).toBe('Н. С.');
    expect(holderInitials('әлихан', 'Бөкейханов')).toBe('Ә. Б.');
    expect(holderInitials(' Aigerim ', 'Nurlanova')).toBe('A. N.');
  });
});
