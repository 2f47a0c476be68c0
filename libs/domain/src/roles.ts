/** Staff roles; see the table in DESIGN.md. */
/** `provider_staff` works at one service provider and sees only the referrals sent to it (docs/integration-services.md). */
export const ROLES = ['caseworker', 'regional_official', 'admin', 'auditor', 'provider_staff'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users see every region; all others belong to exactly one region. */
export const NATIONWIDE_ROLES: readonly Role[] = ['admin', 'auditor'];

export const isNationwide = (role: Role): boolean => NATIONWIDE_ROLES.includes(role);

/** Roles whose users belong to one service provider (and so to its region). */
export const needsProvider = (role: Role): boolean => role === 'provider_staff';
