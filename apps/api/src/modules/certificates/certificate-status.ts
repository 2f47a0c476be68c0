import type { ApplicationStatus } from '@qonys/domain';

export const CERTIFICATE_STATUSES = ['valid', 'expired', 'revoked', 'ended'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * What the public verification says: revoked when the certificate or its case was
 * revoked; ended when the status ended on citizenship (docs/legal-status.md); expired
 * when its validity ended before `today` (in Kazakhstan) or the case expired; otherwise valid.
 */
export function certificateStatus(
  certificate: { revokedAt: Date | string | null; validTo: string },
  caseStatus: ApplicationStatus,
  today: string,
): CertificateStatus {
  if (certificate.revokedAt !== null || caseStatus === 'revoked') return 'revoked';
  if (caseStatus === 'naturalised') return 'ended';
  if (certificate.validTo < today || caseStatus === 'expired') return 'expired';
  return 'valid';
}

/** Exactly what anyone may learn from a certificate number — no names, no IIN, no region. */
export interface PublicCertificate {
  number: string;
  status: CertificateStatus;
  holderInitials: string;
  validFrom: string;
  validTo: string;
  issuedOn: string;
}
