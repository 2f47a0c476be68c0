import { certificateStatus } from './certificate-status';

describe('certificateStatus', () => {
  const today = '2026-03-20';
  const valid = { revokedAt: null, validTo: '2026-12-31' };

  it('is valid until the end of its last day', () => {
    expect(certificateStatus(valid, 'approved', today)).toBe('valid');
    expect(certificateStatus({ revokedAt: null, validTo: today }, 'approved', today)).toBe('valid');
  });

  it('is expired the day after valid_to, or when the case expired', () => {
    expect(certificateStatus({ revokedAt: null, validTo: '2026-03-19' }, 'approved', today)).toBe('expired');
    expect(certificateStatus(valid, 'expired', today)).toBe('expired');
  });

  it('is revoked when the certificate or the case was revoked, even after its dates', () => {
    expect(
      certificateStatus({ revokedAt: new Date('2026-03-01T00:00:00Z'), validTo: '2026-12-31' }, 'approved', today),
    ).toBe('revoked');
    expect(certificateStatus(valid, 'revoked', today)).toBe('revoked');
    expect(certificateStatus({ revokedAt: '2026-03-01T00:00:00Z', validTo: '2025-01-01' }, 'expired', today)).toBe(
      'revoked',
    );
  });

  it('has ended when every member became a citizen, whatever its dates say', () => {
    expect(certificateStatus(valid, 'naturalised', today)).toBe('ended');
    expect(certificateStatus({ revokedAt: null, validTo: '2025-01-01' }, 'naturalised', today)).toBe('ended');
  });
});
