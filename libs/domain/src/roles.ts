/** Staff roles; see the table in DESIGN.md. */
export const ROLES = ['caseworker', 'regional_official', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users see every region; all others belong to exactly one region. */
export const NATIONWIDE_ROLES: readonly Role[] = ['admin', 'auditor'];

export const isNationwide = (role: Role): boolean => NATIONWIDE_ROLES.includes(role);
