import type { Role } from './roles';

/**
 * The one permission table: role × resource × action, plus the region condition.
 * The API's PermissionGuard and the admin's authProvider.canAccess both read it,
 * so the UI never offers what the server refuses.
 */
export const RESOURCES = [
  'dashboard',
  'users',
  'regions',
  'mci-rates',
  'holidays',
  'deadlines',
  'audit-events',
  'audit-checkpoints',
  'document-types',
  'legal-grounds',
  'persons',
  'applications',
  'documents',
  'quotas',
  'inclusion-requests',
  'settlements',
  'placement',
  'labour-demand',
  'region-capacities',
  'placement-weights',
  'retention-rules',
  'benefit-rules',
  'erasures',
  'transfer-requests',
  'support-payments',
  'service-types',
  'service-providers',
  'adaptation-plans',
  'referrals',
  'follow-ups',
  'legal-status-steps',
  'support-recoveries',
  'payment-batches',
  'jobs',
  'mfa-policies',
  'notifications',
  'applicant-messages',
  'arrivals-history',
  'forecasts',
  'statistics-releases',
  'monitoring',
  'imports',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** The react-admin action vocabulary, plus `verify` for the audit chain. */
export const ACTIONS = ['list', 'show', 'create', 'edit', 'delete', 'export', 'verify'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * `all`: every row; `own_region`: only rows of the user's own region; `own_provider`:
 * only rows sent to the service provider the user works at (and so inside its region);
 * `own_user`: only rows addressed to the user themself (their notifications).
 */
export type Scope = 'all' | 'own_region' | 'own_provider' | 'own_user';

export interface Grant {
  readonly actions: readonly Action[];
  readonly scope: Scope;
}

const READ: readonly Action[] = ['list', 'show'];
const READ_EXPORT: readonly Action[] = ['list', 'show', 'export'];
const MANAGE: readonly Action[] = ['list', 'show', 'create', 'edit', 'export'];

/** Reference data: every staff member reads it, only admins change it. */
const referenceData: Partial<Record<Role, Grant>> = {
  caseworker: { actions: READ, scope: 'all' },
  regional_official: { actions: READ, scope: 'all' },
  admin: { actions: MANAGE, scope: 'all' },
  auditor: { actions: READ_EXPORT, scope: 'all' },
};

/**
 * Case work: caseworkers run the cases of their own region; regional officials read
 * their region's (they settle approved families, they do not decide status).
 */
const caseWork: Partial<Record<Role, Grant>> = {
  caseworker: { actions: MANAGE, scope: 'own_region' },
  regional_official: { actions: READ, scope: 'own_region' },
  admin: { actions: MANAGE, scope: 'all' },
  auditor: { actions: READ_EXPORT, scope: 'all' },
};

/**
 * Settlement work: regional officials run their own region's quota, inclusion
 * decisions, placements and settlement; caseworkers file and follow their region's.
 */
const settlementWork = (caseworker: readonly Action[]): Partial<Record<Role, Grant>> => ({
  caseworker: { actions: caseworker, scope: 'own_region' },
  regional_official: { actions: MANAGE, scope: 'own_region' },
  admin: { actions: MANAGE, scope: 'all' },
  auditor: { actions: READ_EXPORT, scope: 'all' },
});

export const PERMISSIONS: Readonly<Record<Resource, Partial<Record<Role, Grant>>>> = {
  dashboard: {
    caseworker: { actions: ['show'], scope: 'own_region' },
    regional_official: { actions: ['show'], scope: 'own_region' },
    admin: { actions: ['show'], scope: 'all' },
    auditor: { actions: ['show'], scope: 'all' },
  },
  users: {
    admin: { actions: MANAGE, scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  // A provider's staff see their provider's region too (their account page names it).
  regions: { ...referenceData, provider_staff: { actions: READ, scope: 'all' } },
  'mci-rates': referenceData,
  holidays: referenceData,
  deadlines: referenceData,
  'audit-events': {
    admin: { actions: ['list', 'show', 'export', 'verify'], scope: 'all' },
    auditor: { actions: ['list', 'show', 'export', 'verify'], scope: 'all' },
  },
  // Signed anchors of the audit chain (docs/audit-chain.md): the admin may take one out of schedule.
  'audit-checkpoints': {
    admin: { actions: ['list', 'create'], scope: 'all' },
    auditor: { actions: ['list'], scope: 'all' },
  },
  'document-types': referenceData,
  'legal-grounds': referenceData,
  persons: caseWork,
  applications: caseWork,
  documents: caseWork,
  // Quota figures are not personal data: every staff member may read every region's.
  // A regional official also sets their own region's quota (capacity changes on the
  // ledger): `own_region` scopes that write; the quotas service keeps reads nationwide.
  quotas: {
    caseworker: { actions: READ, scope: 'all' },
    regional_official: { actions: ['list', 'show', 'edit'], scope: 'own_region' },
    admin: { actions: MANAGE, scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  'inclusion-requests': settlementWork(['list', 'show', 'create']),
  settlements: settlementWork(READ),
  placement: settlementWork(READ),
  'labour-demand': settlementWork(READ),
  'region-capacities': settlementWork(READ),
  'placement-weights': referenceData,
  'retention-rules': referenceData,
  'benefit-rules': referenceData,
  // Erasing a person, and the retention run's list of who is due: admins only.
  erasures: { admin: { actions: ['list', 'create'], scope: 'all' } },
  // A regional official sees the requests from or to their region; only the receiving
  // region's official accepts or declines, only the sending side withdraws (docs/transfers.md).
  'transfer-requests': {
    caseworker: { actions: READ, scope: 'own_region' },
    regional_official: { actions: ['list', 'show', 'edit'], scope: 'own_region' },
    admin: { actions: ['list', 'show', 'edit'], scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  // State support: the region's officials prepare and approve payments (never their own:
  // four-eyes, docs/support-payments.md) and take the bank register; caseworkers see their region's.
  'support-payments': settlementWork(READ),
  'payment-batches': settlementWork(READ),
  // Support to be returned under the residence obligation: the region's officials close the tasks.
  'support-recoveries': settlementWork(READ),
  // Background jobs: administrators run them; auditors read what ran, when and how it ended.
  jobs: {
    admin: { actions: ['list', 'show', 'create'], scope: 'all' },
    auditor: { actions: READ, scope: 'all' },
  },
  'mfa-policies': referenceData,
  // Integration services after arrival (docs/integration-services.md). Service types are
  // reference data that providers' staff read too; providers are kept by their region.
  'service-types': { ...referenceData, provider_staff: { actions: READ, scope: 'all' } },
  'service-providers': settlementWork(READ),
  'adaptation-plans': {
    caseworker: { actions: MANAGE, scope: 'own_region' },
    regional_official: { actions: MANAGE, scope: 'own_region' },
    admin: { actions: MANAGE, scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  // A provider's staff see only the referrals sent to their provider, and answer them.
  referrals: {
    caseworker: { actions: MANAGE, scope: 'own_region' },
    regional_official: { actions: MANAGE, scope: 'own_region' },
    admin: { actions: MANAGE, scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
    provider_staff: { actions: ['list', 'show', 'edit'], scope: 'own_provider' },
  },
  // Outcome follow-ups after arrival: the staff of the region the family lives in record them.
  'follow-ups': {
    caseworker: { actions: ['list', 'show', 'edit', 'export'], scope: 'own_region' },
    regional_official: { actions: ['list', 'show', 'edit', 'export'], scope: 'own_region' },
    admin: { actions: ['list', 'show', 'edit', 'export'], scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  // Permanent residence and citizenship (docs/legal-status.md): the case's region records them.
  'legal-status-steps': {
    caseworker: { actions: ['list', 'show', 'create', 'edit', 'export'], scope: 'own_region' },
    regional_official: { actions: ['list', 'show', 'create', 'edit', 'export'], scope: 'own_region' },
    admin: { actions: ['list', 'show', 'create', 'edit', 'export'], scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  // Each staff member reads and marks read their own notifications only (docs/notifications.md).
  notifications: {
    caseworker: { actions: ['list', 'edit'], scope: 'own_user' },
    regional_official: { actions: ['list', 'edit'], scope: 'own_user' },
    admin: { actions: ['list', 'edit'], scope: 'own_user' },
    auditor: { actions: ['list', 'edit'], scope: 'own_user' },
    provider_staff: { actions: ['list', 'edit'], scope: 'own_user' },
  },
  // The outbox of messages to families (docs/applicant-messages.md): the case's region reads
  // it; a caseworker (or an admin) sends a failed one again.
  'applicant-messages': {
    caseworker: { actions: ['list', 'show', 'edit'], scope: 'own_region' },
    regional_official: { actions: READ, scope: 'own_region' },
    admin: { actions: ['list', 'show', 'edit'], scope: 'all' },
    auditor: { actions: READ, scope: 'all' },
  },
  // Published arrivals history (docs/monitoring-history.md): not personal data. A region's
  // staff read their region's rows and the national ones; administrators import.
  'arrivals-history': {
    caseworker: { actions: READ, scope: 'own_region' },
    regional_official: { actions: READ, scope: 'own_region' },
    admin: { actions: ['list', 'show', 'create', 'export'], scope: 'all' },
    auditor: { actions: READ_EXPORT, scope: 'all' },
  },
  // Arrival forecasts: a region's staff see their region's and the national one.
  // `list` opens the forecasts screen, `show` reads a series.
  forecasts: {
    caseworker: { actions: READ, scope: 'own_region' },
    regional_official: { actions: READ, scope: 'own_region' },
    admin: { actions: READ, scope: 'all' },
    auditor: { actions: READ, scope: 'all' },
  },
  // The monitoring dashboard's aggregate figures (docs/monitoring.md): a region's staff see
  // their region's, national roles every region's. Counts only, no person is named.
  monitoring: {
    caseworker: { actions: READ, scope: 'own_region' },
    regional_official: { actions: READ, scope: 'own_region' },
    admin: { actions: READ, scope: 'all' },
    auditor: { actions: READ, scope: 'all' },
  },
  // Bulk imports (docs/imports.md): a run is its creator's region's; what a file may write is
  // checked again by its kind's own resource (a caseworker imports persons, not labour demand).
  imports: {
    caseworker: { actions: ['list', 'show', 'create'], scope: 'own_region' },
    regional_official: { actions: ['list', 'show', 'create'], scope: 'own_region' },
    admin: { actions: ['list', 'show', 'create'], scope: 'all' },
    auditor: { actions: READ, scope: 'all' },
  },
  // Open statistics releases (docs/open-statistics.md): admins publish one; auditors read what was published.
  'statistics-releases': {
    admin: { actions: ['list', 'show', 'create'], scope: 'all' },
    auditor: { actions: READ, scope: 'all' },
  },
};

/** Resources whose rows name persons: reading any of them is reading personal data. */
export const PERSONAL_DATA_RESOURCES: readonly Resource[] = [
  'persons',
  'applications',
  'documents',
  'inclusion-requests',
  'settlements',
  'placement',
  'transfer-requests',
  'adaptation-plans',
  'referrals',
  'follow-ups',
  'legal-status-steps',
  'support-recoveries',
  'support-payments',
  'applicant-messages',
];

/**
 * Whether a role may read personal data. Such roles must log in with a second factor
 * unless the two-factor policy (reference data `mfa-policies`) says otherwise; it is the
 * default when no policy row applies (docs/accounts.md).
 */
export const readsPersonalData = (role: Role): boolean =>
  PERSONAL_DATA_RESOURCES.some((resource) => can(role, resource, 'show') || can(role, resource, 'list'));

const isResource = (value: string): value is Resource => (RESOURCES as readonly string[]).includes(value);

/** The grant a role holds for an action on a resource, or null when refused. */
export function grantFor(role: Role, resource: string, action: Action): Grant | null {
  if (!isResource(resource)) return null;
  const grant = PERMISSIONS[resource][role];
  return grant && grant.actions.includes(action) ? grant : null;
}

export function can(role: Role, resource: string, action: Action): boolean {
  return grantFor(role, resource, action) !== null;
}

/**
 * Whether a user may act on a row of the given region. Nationwide grants see
 * every row; region-scoped grants only rows whose region is the user's own.
 */
export function canOnRegion(
  role: Role,
  userRegionId: number | null,
  resource: string,
  action: Action,
  rowRegionId: number | null,
): boolean {
  const grant = grantFor(role, resource, action);
  if (!grant) return false;
  return grant.scope === 'all' || (userRegionId !== null && userRegionId === rowRegionId);
}
