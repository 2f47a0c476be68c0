import {
  ACTIONS,
  can,
  canOnRegion,
  grantFor,
  PERMISSIONS,
  readsPersonalData,
  type Resource,
  RESOURCES,
} from './permissions';
import { EXPORT_RESOURCES } from './export-columns';
import { type Role, ROLES } from './roles';

// The table written out again, independently of PERMISSIONS, so that a change to
// who may do what has to be made on purpose in both places.
const NONE = '';
const READ = 'list show';
const READ_EXPORT = 'list show export';
const MANAGE = 'list show create edit export';
const REFERENCE_DATA = {
  caseworker: READ,
  regional_official: READ,
  admin: MANAGE,
  auditor: READ_EXPORT,
  provider_staff: NONE,
};

const SETTLEMENT_WORK = {
  caseworker: READ,
  regional_official: MANAGE,
  admin: MANAGE,
  auditor: READ_EXPORT,
  provider_staff: NONE,
};
const CASE_WORK = {
  caseworker: MANAGE,
  regional_official: READ,
  admin: MANAGE,
  auditor: READ_EXPORT,
  provider_staff: NONE,
};

const EXPECTED: Record<Resource, Record<Role, string>> = {
  dashboard: { caseworker: 'show', regional_official: 'show', admin: 'show', auditor: 'show', provider_staff: NONE },
  users: { caseworker: NONE, regional_official: NONE, admin: MANAGE, auditor: READ_EXPORT, provider_staff: NONE },
  regions: { ...REFERENCE_DATA, provider_staff: READ },
  'mci-rates': REFERENCE_DATA,
  holidays: REFERENCE_DATA,
  deadlines: REFERENCE_DATA,
  'audit-events': {
    caseworker: NONE,
    regional_official: NONE,
    admin: 'list show export verify',
    auditor: 'list show export verify',
    provider_staff: NONE,
  },
  'audit-checkpoints': {
    caseworker: NONE,
    regional_official: NONE,
    admin: 'list create',
    auditor: 'list',
    provider_staff: NONE,
  },
  'document-types': REFERENCE_DATA,
  'legal-grounds': REFERENCE_DATA,
  persons: CASE_WORK,
  applications: CASE_WORK,
  documents: CASE_WORK,
  quotas: {
    caseworker: READ,
    regional_official: 'list show edit',
    admin: MANAGE,
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  'inclusion-requests': {
    caseworker: 'list show create',
    regional_official: MANAGE,
    admin: MANAGE,
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  settlements: SETTLEMENT_WORK,
  placement: SETTLEMENT_WORK,
  'labour-demand': SETTLEMENT_WORK,
  'region-capacities': SETTLEMENT_WORK,
  'placement-weights': REFERENCE_DATA,
  'retention-rules': REFERENCE_DATA,
  'benefit-rules': REFERENCE_DATA,
  erasures: { caseworker: NONE, regional_official: NONE, admin: 'list create', auditor: NONE, provider_staff: NONE },
  'transfer-requests': {
    caseworker: READ,
    regional_official: 'list show edit',
    admin: 'list show edit',
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  'support-payments': {
    caseworker: READ,
    regional_official: MANAGE,
    admin: MANAGE,
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  'payment-batches': SETTLEMENT_WORK,
  'support-recoveries': SETTLEMENT_WORK,
  jobs: { caseworker: NONE, regional_official: NONE, admin: 'list show create', auditor: READ, provider_staff: NONE },
  'mfa-policies': REFERENCE_DATA,
  'service-types': { ...REFERENCE_DATA, provider_staff: READ },
  'service-providers': SETTLEMENT_WORK,
  'adaptation-plans': {
    caseworker: MANAGE,
    regional_official: MANAGE,
    admin: MANAGE,
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  referrals: {
    caseworker: MANAGE,
    regional_official: MANAGE,
    admin: MANAGE,
    auditor: READ_EXPORT,
    provider_staff: 'list show edit',
  },
  'follow-ups': {
    caseworker: 'list show edit export',
    regional_official: 'list show edit export',
    admin: 'list show edit export',
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  'legal-status-steps': {
    caseworker: 'list show create edit export',
    regional_official: 'list show create edit export',
    admin: 'list show create edit export',
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  notifications: {
    caseworker: 'list edit',
    regional_official: 'list edit',
    admin: 'list edit',
    auditor: 'list edit',
    provider_staff: 'list edit',
  },
  'applicant-messages': {
    caseworker: 'list show edit',
    regional_official: READ,
    admin: 'list show edit',
    auditor: READ,
    provider_staff: NONE,
  },
  'arrivals-history': {
    caseworker: READ,
    regional_official: READ,
    admin: 'list show create export',
    auditor: READ_EXPORT,
    provider_staff: NONE,
  },
  forecasts: {
    caseworker: READ,
    regional_official: READ,
    admin: READ,
    auditor: READ,
    provider_staff: NONE,
  },
  monitoring: {
    caseworker: READ,
    regional_official: READ,
    admin: READ,
    auditor: READ,
    provider_staff: NONE,
  },
  imports: {
    caseworker: 'list show create',
    regional_official: 'list show create',
    admin: 'list show create',
    auditor: READ,
    provider_staff: NONE,
  },
  'statistics-releases': {
    caseworker: NONE,
    regional_official: NONE,
    admin: 'list show create',
    auditor: READ,
    provider_staff: NONE,
  },
};

const everyCase = ROLES.flatMap((role) =>
  RESOURCES.flatMap((resource) =>
    ACTIONS.map((action) => ({
      role,
      resource,
      action,
      allowed: EXPECTED[resource][role].split(' ').includes(action),
    })),
  ),
);

describe('can', () => {
  it.each(everyCase)('$role may $action $resource: $allowed', ({ role, resource, action, allowed }) => {
    expect(can(role, resource, action)).toBe(allowed);
  });

  it('covers every resource of the table', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...RESOURCES].sort());
  });

  it.each(ROLES)('refuses %s on a resource that is not in the table', (role) => {
    for (const action of ACTIONS) expect(can(role, 'pensions', action)).toBe(false);
  });
});

describe('grantFor', () => {
  it('limits the dashboard of caseworkers and regional officials to their own region', () => {
    expect(grantFor('caseworker', 'dashboard', 'show')?.scope).toBe('own_region');
    expect(grantFor('regional_official', 'dashboard', 'show')?.scope).toBe('own_region');
  });

  it('limits case work of caseworkers and regional officials to their own region, and nothing else', () => {
    const regionScoped = everyCase
      .filter(({ allowed }) => allowed)
      .filter(({ role, resource, action }) => grantFor(role, resource, action)?.scope === 'own_region')
      .map(({ role, resource }) => `${role}:${resource}`);
    expect([...new Set(regionScoped)].sort()).toEqual(
      [
        'caseworker:dashboard',
        'regional_official:dashboard',
        // setting their own region's quota; reading quotas stays nationwide (quotas service)
        'regional_official:quotas',
        ...[
          'persons',
          'applications',
          'documents',
          'inclusion-requests',
          'settlements',
          'placement',
          'labour-demand',
          'region-capacities',
          'transfer-requests',
          'support-payments',
          'payment-batches',
          'support-recoveries',
          'service-providers',
          'adaptation-plans',
          'referrals',
          'follow-ups',
          'legal-status-steps',
          'applicant-messages',
          // a region's history and forecasts, plus the national ones (forecasts service)
          'arrivals-history',
          'forecasts',
          'monitoring',
          // a run is its creator's region's; each kind checks its own resource too
          'imports',
        ].flatMap((r) => [`caseworker:${r}`, `regional_official:${r}`]),
      ].sort(),
    );
  });

  it('limits provider staff to the referrals sent to their provider', () => {
    const providerScoped = everyCase
      .filter(({ allowed }) => allowed)
      .filter(({ role, resource, action }) => grantFor(role, resource, action)?.scope === 'own_provider')
      .map(({ role, resource }) => `${role}:${resource}`);
    expect([...new Set(providerScoped)]).toEqual(['provider_staff:referrals']);
  });

  it('limits notifications of every role to the user themself', () => {
    const userScoped = everyCase
      .filter(({ allowed }) => allowed)
      .filter(({ role, resource, action }) => grantFor(role, resource, action)?.scope === 'own_user')
      .map(({ role, resource }) => `${role}:${resource}`);
    expect([...new Set(userScoped)].sort()).toEqual(ROLES.map((role) => `${role}:notifications`).sort());
  });

  it('is null when refused, and for an unknown resource', () => {
    expect(grantFor('caseworker', 'users', 'list')).toBeNull();
    expect(grantFor('admin', 'pensions', 'list')).toBeNull();
  });
});

describe('canOnRegion', () => {
  const ALMATY = 2;
  const ASTANA = 1;

  it.each<[Role, number | null, number | null, boolean]>([
    ['caseworker', ALMATY, ALMATY, true],
    ['caseworker', ALMATY, ASTANA, false],
    ['caseworker', ALMATY, null, false],
    ['caseworker', null, null, false],
    ['regional_official', ASTANA, ASTANA, true],
    ['regional_official', ASTANA, ALMATY, false],
    ['admin', null, ALMATY, true],
    ['auditor', null, ASTANA, true],
  ])('lets %s of region %p see the dashboard of region %p: %p', (role, userRegion, rowRegion, allowed) => {
    expect(canOnRegion(role, userRegion, 'dashboard', 'show', rowRegion)).toBe(allowed);
  });

  it('allows a nationwide grant on a row of any region', () => {
    expect(canOnRegion('caseworker', ALMATY, 'regions', 'show', ASTANA)).toBe(true);
  });

  it('refuses an action the role lacks, even in its own region', () => {
    expect(canOnRegion('caseworker', ALMATY, 'dashboard', 'edit', ALMATY)).toBe(false);
    expect(canOnRegion('caseworker', ALMATY, 'users', 'list', ALMATY)).toBe(false);
  });

  it('refuses an unknown resource', () => {
    expect(canOnRegion('admin', null, 'pensions', 'list', ALMATY)).toBe(false);
  });

  it('counts every staff role as reading personal data today, so each must use a second factor by default', () => {
    expect(ROLES.filter(readsPersonalData)).toEqual([...ROLES]);
  });
});

describe('exports', () => {
  // The `export` grant gates a list's export (a role may read a list page by page yet not
  // take it whole); the rows exported are the list's, under the list's scope.
  it.each(EXPORT_RESOURCES)('lets only roles that list %s export it, over the same rows', (resource) => {
    for (const role of ROLES) {
      if (!can(role, resource, 'export')) continue;
      expect(can(role, resource, 'list')).toBe(true);
      expect(grantFor(role, resource, 'export')?.scope).toBe(grantFor(role, resource, 'list')?.scope);
    }
  });
});
