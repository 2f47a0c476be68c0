import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Action, can, type Resource, type Role } from '@qonys/domain';
import request from 'supertest';
import { TINY_PDF } from '../fixtures/tiny-files';
import { bearer, jwtPayload, regionIdByCode, scalar, signJwt } from '../support/api-helpers';
import { E2E_JWT_SECRET, type RunningApi, startApi } from '../support/api-process';
import { type DEMO_USERNAMES, login, type Session } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';

/**
 * Every endpoint × every caller, in one table. A route's expectation comes from the
 * shared permission table (`can`), named per row as (resource, action); the OpenAPI
 * document must list exactly the rows here, so a new endpoint fails this file until
 * it is added.
 */

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Access =
  /** No login needed. */
  | { kind: 'public' }
  /** Any logged-in user, whatever the role (their own account, their own session). */
  | { kind: 'any-role' }
  /** The permission-table entry the route needs. */
  | { kind: 'permission'; resource: Resource; action: Action };

type DemoUsername = (typeof DEMO_USERNAMES)[number];

interface Caller {
  username: DemoUsername;
  role: Role;
  /** KATO code of the caller's region; null for nationwide roles. */
  regionCode: string | null;
}

const CALLERS: readonly Caller[] = [
  { username: 'admin', role: 'admin', regionCode: null },
  { username: 'auditor', role: 'auditor', regionCode: null },
  { username: 'caseworker.pavlodar', role: 'caseworker', regionCode: '55' },
  { username: 'official.pavlodar', role: 'regional_official', regionCode: '55' },
  { username: 'caseworker.abai', role: 'caseworker', regionCode: '10' },
  { username: 'official.abai', role: 'regional_official', regionCode: '10' },
  { username: 'provider.pavlodar', role: 'provider_staff', regionCode: '55' },
];

/** Ids of existing rows the requests point at, found once the API is up. */
interface Fixtures {
  userId: number;
  regionIds: Record<string, number>;
  mciRateId: number;
  holidayId: number;
  deadlineId: number;
  mfaPolicyId: number;
  auditEventId: string;
  /** A person registered in each region, by KATO code. */
  personIds: Record<string, number>;
  /** A draft case in each region, by KATO code, and its applicant. */
  applicationIds: Record<string, number>;
  applicantIds: Record<string, number>;
  documentTypeId: number;
  legalGroundId: number;
  retentionRuleId: number;
  benefitRuleId: number;
  /** A document on each region's draft case, by KATO code. */
  documentIds: Record<string, number>;
  /** An approved case with its certificate in each region, by KATO code. */
  approvedCaseIds: Record<string, number>;
  certificateNumber: string;
  /** The 2026 kandas quota of each region, by KATO code. */
  quotaIds: Record<string, number>;
  /** A submitted inclusion request of an approved case in each region (case and request in that region). */
  inclusionRequestIds: Record<string, number>;
  /** A planned settlement of an included family in each region (case and settlement in that region). */
  settlementIds: Record<string, number>;
  /** Placement reference data of each region, by KATO code. */
  labourDemandIds: Record<string, number>;
  regionCapacityIds: Record<string, number>;
  /** A proposed placement batch, with a proposal for each region's fixture inclusion request. */
  placementBatchId: number;
  proposalIds: Record<string, number>;
  /** Open transfer requests: of each region's settlement fixture to West Kazakhstan, and of a batch line from there into each region. */
  outgoingTransferIds: Record<string, number>;
  incomingTransferIds: Record<string, number>;
  serviceTypeId: number;
  /** Each region's demo adaptation centre (provider.pavlodar works at Pavlodar's). */
  providerIds: Record<string, number>;
  /** An adaptation plan of each region's approved case, with a referral of its item to the region's centre. */
  planIds: Record<string, number>;
  referralIds: Record<string, number>;
  /** An open outcome follow-up of each region's settlement fixture. */
  followUpIds: Record<string, number>;
  /** A sent message to the applicant of each region's approved case. */
  applicantMessageIds: Record<string, number>;
  legalStepIds: Record<string, number>;
  recoveryIds: Record<string, number>;
  /** A draft support payment of each region's approved case, in its open batch; and a closed batch of each region. */
  supportPaymentIds: Record<string, number>;
  openPaymentBatchIds: Record<string, number>;
  closedPaymentBatchIds: Record<string, number>;
}

interface RequestSpec {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: object;
  /** A multipart upload: the file sent in the part named `file`. */
  file?: { content: Buffer; name: string };
}

/**
 * Region scoping of a route's rows, for the callers whose grant is `own_region`.
 * - `rows`: a record of the caller's own region is reachable, one of another region
 *   answers 404 (as if it did not exist) — for region-scoped resources (cases, quotas…).
 * - `response`: the answer itself is scoped; `check` asserts it for the caller.
 */
type RegionScoping =
  | {
      kind: 'rows';
      own: (f: Fixtures, caller: Caller) => RequestSpec;
      other: (f: Fixtures, caller: Caller) => RequestSpec;
    }
  | { kind: 'response'; check: (body: unknown, caller: Caller, f: Fixtures) => void };

interface Row {
  method: Method;
  /** As in the OpenAPI document: `/api/users/{id}`. */
  path: string;
  access: Access;
  /**
   * The request sent; writes send a body that fails validation, so nothing changes.
   * `caller` is null for anonymous and forged-token requests.
   */
  request?: (f: Fixtures, caller: Caller | null) => RequestSpec;
  /** Statuses that show the caller was let through: 2xx, or a validation/conflict answer — never 401/403. */
  allowed: number[];
  region?: RegionScoping;
}

const INVALID = { body: {} };
const perm = (resource: Resource, action: Action): Access => ({ kind: 'permission', resource, action });

/** The fixture person of the caller's region (Pavlodar's for nationwide callers), and the other region's. */
const ownPerson = (f: Fixtures, caller: Caller | null) => f.personIds[caller?.regionCode ?? '55'];
const otherPerson = (f: Fixtures, caller: Caller) => f.personIds[caller.regionCode === '10' ? '55' : '10'];
/** The fixture case of the caller's region (Pavlodar's for nationwide callers), its applicant, and the other region's case. */
const ownCase = (f: Fixtures, caller: Caller | null) => f.applicationIds[caller?.regionCode ?? '55'];
const ownApplicant = (f: Fixtures, caller: Caller | null) => f.applicantIds[caller?.regionCode ?? '55'];
const otherCase = (f: Fixtures, caller: Caller) => f.applicationIds[caller.regionCode === '10' ? '55' : '10'];
/** The same for the fixture documents (on those cases) and the approved cases with a certificate. */
const ownDocument = (f: Fixtures, caller: Caller | null) => f.documentIds[caller?.regionCode ?? '55'];
const otherDocument = (f: Fixtures, caller: Caller) => f.documentIds[caller.regionCode === '10' ? '55' : '10'];
const ownApproved = (f: Fixtures, caller: Caller | null) => f.approvedCaseIds[caller?.regionCode ?? '55'];
const otherApproved = (f: Fixtures, caller: Caller) => f.approvedCaseIds[caller.regionCode === '10' ? '55' : '10'];
/** Every row of a list answer belongs to the caller's region (nationwide callers: both fixture regions appear). */
const regionScopedList =
  (minimumRegions: number) =>
  (body: unknown, caller: Caller, f: Fixtures): void => {
    const regionIds = new Set((body as { regionId: number }[]).map((row) => row.regionId));
    if (caller.regionCode === null) expect(regionIds.size).toBeGreaterThanOrEqual(minimumRegions);
    else expect([...regionIds]).toEqual([f.regionIds[caller.regionCode]]);
  };
/** The same for the quota, inclusion and settlement fixtures. */
const ownOf = (map: Record<string, number>, caller: Caller | null) => map[caller?.regionCode ?? '55'];
const otherOf = (map: Record<string, number>, caller: Caller) => map[caller.regionCode === '10' ? '55' : '10'];
/** Quota figures are not personal data: every caller sees both fixture regions. */
const nationwideList = (body: unknown, _caller: Caller, f: Fixtures): void => {
  const regionIds = new Set((body as { regionId: number }[]).map((row) => row.regionId));
  expect([...regionIds]).toEqual(expect.arrayContaining([f.regionIds['55'], f.regionIds['10']]));
};
/**
 * A settlement-work row whose write is reachable (a valid body at a version that does
 * not exist: 409, nothing changes) in the caller's region, and 404 in the other.
 */
const settlementWorkRow = (
  method: Method,
  path: string,
  access: Access,
  ids: (f: Fixtures) => Record<string, number>,
  body: object | undefined,
  allowed: number[],
): Row => ({
  method,
  path,
  access,
  request: (f, caller) => ({ params: { id: ownOf(ids(f), caller) }, body }),
  allowed,
  region: {
    kind: 'rows',
    own: (f, caller) => ({ params: { id: ownOf(ids(f), caller) }, body }),
    other: (f, caller) => ({ params: { id: otherOf(ids(f), caller) }, body }),
  },
});
/** A valid edit of a region's demo centre at a version that does not exist, keeping its service in use. */
const providerEdit = (f: Fixtures, caller: Caller | null) => ({
  regionId: f.regionIds[caller?.regionCode ?? '55'],
  kind: 'adaptation_centre',
  name: 'Matrix',
  services: [{ serviceTypeId: f.serviceTypeId, placesPerMonth: 5 }],
  version: 999,
});
/** A bank result file for a closed batch: 409 when reachable, nothing changes. */
const BANK_RESULT = {
  content: Buffer.from('payment_id,status,bank_reference,failure_reason\n1,paid,MATRIX,\n'),
  name: 'result.csv',
};
/** A valid person edit based on a version that does not exist: 409 when reachable, nothing changes. */
const STALE_PERSON_EDIT = { surname: 'Тестов', givenName: 'Тест', birthDate: '1980-01-01', sex: 'M', version: 999 };

/** The reference-data resources share one controller shape. */
const referenceRows = (
  path:
    | 'regions'
    | 'mci-rates'
    | 'holidays'
    | 'deadlines'
    | 'document-types'
    | 'legal-grounds'
    | 'mfa-policies'
    | 'retention-rules'
    | 'benefit-rules'
    | 'service-types',
  id: (f: Fixtures) => number,
): Row[] => [
  { method: 'GET', path: `/api/${path}`, access: perm(path, 'list'), allowed: [200] },
  { method: 'POST', path: `/api/${path}`, access: perm(path, 'create'), request: () => INVALID, allowed: [400] },
  {
    method: 'GET',
    path: `/api/${path}/{id}`,
    access: perm(path, 'show'),
    request: (f) => ({ params: { id: id(f) } }),
    allowed: [200],
  },
  {
    method: 'PUT',
    path: `/api/${path}/{id}`,
    access: perm(path, 'edit'),
    request: (f) => ({ params: { id: id(f) }, body: {} }),
    allowed: [400],
  },
];

const MATRIX: Row[] = [
  // Public
  { method: 'GET', path: '/api/health', access: { kind: 'public' }, allowed: [200] },
  { method: 'GET', path: '/api/health/ready', access: { kind: 'public' }, allowed: [200] },
  { method: 'POST', path: '/api/auth/login', access: { kind: 'public' }, request: () => INVALID, allowed: [400] },
  { method: 'POST', path: '/api/auth/refresh', access: { kind: 'public' }, request: () => INVALID, allowed: [400] },
  {
    method: 'POST',
    path: '/api/auth/logout',
    access: { kind: 'public' },
    // Logging out a session that does not exist changes nothing.
    request: () => ({ body: { refreshToken: '00000000-0000-0000-0000-000000000000.no-such-session' } }),
    allowed: [204],
  },

  // Any logged-in user: their own account and session
  { method: 'GET', path: '/api/auth/me', access: { kind: 'any-role' }, allowed: [200] },
  {
    method: 'POST',
    path: '/api/auth/change-password',
    access: { kind: 'any-role' },
    request: () => ({ body: { currentPassword: 'not-the-current-password', newPassword: 'some-new-password-2026' } }),
    allowed: [400],
  },
  // Changes to one's own second factor need the password: a wrong one is a 400 for everyone.
  {
    method: 'POST',
    path: '/api/auth/mfa/setup',
    access: { kind: 'any-role' },
    request: () => ({ body: { password: 'not-the-current-password' } }),
    allowed: [400],
  },
  {
    method: 'POST',
    path: '/api/auth/mfa/enable',
    access: { kind: 'any-role' },
    request: () => ({ body: { password: 'not-the-current-password', otp: 'abc' } }),
    allowed: [400],
  },
  {
    method: 'POST',
    path: '/api/auth/mfa/disable',
    access: { kind: 'any-role' },
    request: () => ({ body: { password: 'not-the-current-password' } }),
    allowed: [400],
  },

  // Dashboard
  {
    method: 'GET',
    path: '/api/dashboard',
    access: perm('dashboard', 'show'),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller) => {
        const dashboard = body as { region: { code: string } | null; users: unknown; auditEvents: unknown };
        if (caller.regionCode === null) expect(dashboard.region).toBeNull();
        else expect(dashboard.region).toMatchObject({ code: caller.regionCode });
        // Each block only for the roles that may read its source.
        expect(dashboard.users !== null).toBe(can(caller.role, 'users', 'list'));
        expect(dashboard.auditEvents !== null).toBe(can(caller.role, 'audit-events', 'list'));
      },
    },
  },

  // Monitoring: a region's staff get their own region's figures even when asking for another's.
  {
    method: 'GET',
    path: '/api/monitoring/dashboard',
    access: perm('monitoring', 'show'),
    request: (f) => ({ query: { regionId: String(f.regionIds['10']) } }),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller, f) => {
        const board = body as { regionId: number | null };
        expect(board.regionId).toBe(caller.regionCode === null ? f.regionIds['10'] : f.regionIds[caller.regionCode]);
      },
    },
  },

  // Users
  { method: 'GET', path: '/api/users', access: perm('users', 'list'), allowed: [200] },
  { method: 'POST', path: '/api/users', access: perm('users', 'create'), request: () => INVALID, allowed: [400] },
  {
    method: 'GET',
    path: '/api/users/{id}',
    access: perm('users', 'show'),
    request: (f) => ({ params: { id: f.userId } }),
    allowed: [200],
  },
  {
    method: 'PUT',
    path: '/api/users/{id}',
    access: perm('users', 'edit'),
    request: (f) => ({ params: { id: f.userId }, body: {} }),
    allowed: [400],
  },
  {
    method: 'POST',
    path: '/api/users/{id}/reset-password',
    access: perm('users', 'edit'),
    request: (f) => ({ params: { id: f.userId }, body: {} }),
    allowed: [400],
  },

  // Reference data and the calendar that reads it
  ...referenceRows('regions', (f) => f.regionIds['55']),
  ...referenceRows('mci-rates', (f) => f.mciRateId),
  ...referenceRows('holidays', (f) => f.holidayId),
  ...referenceRows('deadlines', (f) => f.deadlineId),
  ...referenceRows('document-types', (f) => f.documentTypeId),
  ...referenceRows('legal-grounds', (f) => f.legalGroundId),
  ...referenceRows('mfa-policies', (f) => f.mfaPolicyId),
  ...referenceRows('retention-rules', (f) => f.retentionRuleId),
  ...referenceRows('benefit-rules', (f) => f.benefitRuleId),
  ...referenceRows('service-types', (f) => f.serviceTypeId),
  {
    method: 'GET',
    path: '/api/calendar/add-working-days',
    access: perm('holidays', 'list'),
    request: () => ({ query: { from: '2026-03-20', days: '1' } }),
    allowed: [200],
  },

  // Audit log
  { method: 'GET', path: '/api/audit-events', access: perm('audit-events', 'list'), allowed: [200] },
  { method: 'GET', path: '/api/audit-events/verify', access: perm('audit-events', 'verify'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/audit-events/{id}',
    access: perm('audit-events', 'show'),
    request: (f) => ({ params: { id: f.auditEventId } }),
    allowed: [200],
  },
  { method: 'GET', path: '/api/audit-events/checkpoints', access: perm('audit-checkpoints', 'list'), allowed: [200] },
  {
    method: 'POST',
    path: '/api/audit-events/checkpoints',
    access: perm('audit-checkpoints', 'create'),
    allowed: [201],
  },

  // Persons: regional staff reach only their region's; another region's answer 404
  {
    method: 'GET',
    path: '/api/persons',
    access: perm('persons', 'list'),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller, f) => {
        const regionIds = (body as { regionId: number }[]).map((p) => p.regionId);
        if (caller.regionCode === null)
          expect(regionIds).toEqual(expect.arrayContaining([f.regionIds['55'], f.regionIds['10']]));
        else expect([...new Set(regionIds)]).toEqual([f.regionIds[caller.regionCode]]);
      },
    },
  },
  // Exports (docs/exports.md): the list's own grant and scope; an export's run and file are its requester's alone.
  { method: 'GET', path: '/api/persons/export', access: perm('persons', 'export'), allowed: [200] },
  { method: 'GET', path: '/api/applications/export', access: perm('applications', 'export'), allowed: [200] },
  { method: 'GET', path: '/api/settlements/export', access: perm('settlements', 'export'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/exports/{id}',
    access: { kind: 'any-role' },
    request: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
    allowed: [404],
  },
  {
    method: 'GET',
    path: '/api/exports/{id}/file',
    access: { kind: 'any-role' },
    request: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
    allowed: [404],
  },
  { method: 'POST', path: '/api/persons', access: perm('persons', 'create'), request: () => INVALID, allowed: [400] },
  {
    method: 'GET',
    path: '/api/persons/{id}',
    access: perm('persons', 'show'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownPerson(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherPerson(f, caller) } }),
    },
  },
  {
    method: 'PUT',
    path: '/api/persons/{id}',
    access: perm('persons', 'edit'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) }, body: {} }),
    allowed: [400, 409],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownPerson(f, caller) }, body: STALE_PERSON_EDIT }),
      other: (f, caller) => ({ params: { id: otherPerson(f, caller) }, body: STALE_PERSON_EDIT }),
    },
  },
  {
    method: 'GET',
    path: '/api/persons/{id}/access-log',
    access: perm('audit-events', 'list'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) } }),
    allowed: [200],
  },
  {
    method: 'POST',
    path: '/api/persons/{id}/erasure',
    access: perm('erasures', 'create'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) }, body: {} }),
    allowed: [400],
  },
  // Retention: the dry run (a real run is the job `retention`)
  { method: 'GET', path: '/api/retention/due', access: perm('erasures', 'list'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/persons/{id}/duplicates',
    access: perm('persons', 'show'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownPerson(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherPerson(f, caller) } }),
    },
  },
  {
    method: 'POST',
    path: '/api/persons/{id}/distinct',
    access: perm('persons', 'edit'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) }, body: {} }),
    allowed: [400],
    region: {
      kind: 'rows',
      // A person is never distinct from themselves (400); another region's person is not found.
      own: (f, caller) => ({ params: { id: ownPerson(f, caller) }, body: { otherPersonId: ownPerson(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherPerson(f, caller) }, body: { otherPersonId: ownPerson(f, caller) } }),
    },
  },
  {
    method: 'POST',
    path: '/api/persons/{id}/merge',
    access: perm('persons', 'edit'),
    request: (f, caller) => ({ params: { id: ownPerson(f, caller) }, body: {} }),
    allowed: [400],
    region: {
      kind: 'rows',
      own: (f, caller) => ({
        params: { id: ownPerson(f, caller) },
        body: { intoPersonId: ownPerson(f, caller), version: 1 },
      }),
      other: (f, caller) => ({
        params: { id: otherPerson(f, caller) },
        body: { intoPersonId: ownPerson(f, caller), version: 1 },
      }),
    },
  },

  // Applications: regional staff reach only their region's cases; another region's answer 404.
  // Writes that pass validation are made harmless: a stale version (409), an applicant who may not leave (409).
  {
    method: 'GET',
    path: '/api/applications',
    access: perm('applications', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'GET',
    path: '/api/applications/assignees',
    access: perm('applications', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/applications',
    access: perm('applications', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  {
    method: 'POST',
    path: '/api/applications/assign',
    access: perm('applications', 'edit'),
    request: () => INVALID,
    allowed: [200, 400],
    region: {
      kind: 'rows',
      // The fixture cases have no assignee: "assign to nobody" changes nothing (updated: 0).
      own: (f, caller) => ({ body: { ids: [ownCase(f, caller)], assignedToId: null } }),
      other: (f, caller) => ({ body: { ids: [otherCase(f, caller)], assignedToId: null } }),
    },
  },
  {
    method: 'GET',
    path: '/api/applications/{id}',
    access: perm('applications', 'show'),
    request: (f, caller) => ({ params: { id: ownCase(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownCase(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherCase(f, caller) } }),
    },
  },
  {
    method: 'PUT',
    path: '/api/applications/{id}',
    access: perm('applications', 'edit'),
    request: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: {} }),
    allowed: [400, 409],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: { channel: 'egov', version: 999 } }),
      other: (f, caller) => ({ params: { id: otherCase(f, caller) }, body: { channel: 'egov', version: 999 } }),
    },
  },
  {
    method: 'POST',
    path: '/api/applications/{id}/transitions',
    access: perm('applications', 'edit'),
    request: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: {} }),
    allowed: [400, 409],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: { to: 'submitted', version: 999 } }),
      other: (f, caller) => ({ params: { id: otherCase(f, caller) }, body: { to: 'submitted', version: 999 } }),
    },
  },
  {
    method: 'POST',
    path: '/api/applications/{id}/members',
    access: perm('applications', 'edit'),
    request: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: {} }),
    allowed: [400],
    region: {
      kind: 'rows',
      // A second applicant is refused (400) once the case is found.
      own: (f, caller) => ({
        params: { id: ownCase(f, caller) },
        body: { personId: ownApplicant(f, caller), relation: 'applicant' },
      }),
      other: (f, caller) => ({
        params: { id: otherCase(f, caller) },
        body: { personId: ownApplicant(f, caller), relation: 'applicant' },
      }),
    },
  },
  {
    method: 'DELETE',
    path: '/api/applications/{id}/members/{personId}',
    access: perm('applications', 'edit'),
    // The applicant may not leave the case: 409, nothing changes.
    request: (f, caller) => ({ params: { id: ownCase(f, caller), personId: ownApplicant(f, caller) } }),
    allowed: [409],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownCase(f, caller), personId: ownApplicant(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherCase(f, caller), personId: ownApplicant(f, caller) } }),
    },
  },
  {
    method: 'GET',
    path: '/api/applications/{id}/timeline',
    access: perm('applications', 'show'),
    request: (f, caller) => ({ params: { id: ownCase(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownCase(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherCase(f, caller) } }),
    },
  },
  {
    method: 'POST',
    path: '/api/applications/{id}/notes',
    access: perm('applications', 'edit'),
    request: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: {} }),
    allowed: [400],
    region: {
      kind: 'rows',
      // A valid note on another region's case is not found (nothing written); on the own case an empty one is refused.
      own: (f, caller) => ({ params: { id: ownCase(f, caller) }, body: { comment: '' } }),
      other: (f, caller) => ({ params: { id: otherCase(f, caller) }, body: { comment: 'Матрица' } }),
    },
  },

  // Documents: scoped by the region of their case; another region's answer 404. (Uploads are
  // multipart, which this table does not send: their region scoping is in documents.e2e-spec.)
  {
    method: 'GET',
    path: '/api/documents',
    access: perm('documents', 'list'),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller, f) => {
        const cases = new Set((body as { applicationId: number }[]).map((d) => d.applicationId));
        if (caller.regionCode === null)
          expect([...cases]).toEqual(expect.arrayContaining([f.applicationIds['55'], f.applicationIds['10']]));
        else expect([...cases]).toEqual([f.applicationIds[caller.regionCode]]);
      },
    },
  },
  {
    method: 'GET',
    path: '/api/documents/checklist',
    access: perm('documents', 'list'),
    request: (f, caller) => ({ query: { applicationId: String(ownCase(f, caller)) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ query: { applicationId: String(ownCase(f, caller)) } }),
      other: (f, caller) => ({ query: { applicationId: String(otherCase(f, caller)) } }),
    },
  },
  // A JSON body is not an upload: 400, nothing stored.
  {
    method: 'POST',
    path: '/api/documents',
    access: perm('documents', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  {
    method: 'GET',
    path: '/api/documents/{id}',
    access: perm('documents', 'show'),
    request: (f, caller) => ({ params: { id: ownDocument(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownDocument(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherDocument(f, caller) } }),
    },
  },
  {
    method: 'GET',
    path: '/api/documents/{id}/content',
    access: perm('documents', 'show'),
    request: (f, caller) => ({ params: { id: ownDocument(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownDocument(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherDocument(f, caller) } }),
    },
  },
  {
    method: 'POST',
    path: '/api/documents/{id}/review',
    access: perm('documents', 'edit'),
    request: (f, caller) => ({ params: { id: ownDocument(f, caller) }, body: {} }),
    allowed: [400, 409],
    region: {
      kind: 'rows',
      // A review based on a version that does not exist: 409 when reachable, nothing changes.
      own: (f, caller) => ({ params: { id: ownDocument(f, caller) }, body: { status: 'verified', version: 999 } }),
      other: (f, caller) => ({ params: { id: otherDocument(f, caller) }, body: { status: 'verified', version: 999 } }),
    },
  },

  // Decisions on paper: read like the case (applications: show)
  {
    method: 'GET',
    path: '/api/applications/{id}/certificate.pdf',
    access: perm('applications', 'show'),
    request: (f, caller) => ({ params: { id: ownApproved(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownApproved(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherApproved(f, caller) } }),
    },
  },
  {
    method: 'GET',
    path: '/api/applications/{id}/decision-letter.pdf',
    access: perm('applications', 'show'),
    request: (f, caller) => ({ params: { id: ownApproved(f, caller) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownApproved(f, caller) } }),
      other: (f, caller) => ({ params: { id: otherApproved(f, caller) } }),
    },
  },

  // Regional quotas: every role reads every region's; admins create; capacity changes by admins and own-region officials
  {
    method: 'GET',
    path: '/api/quotas',
    access: perm('quotas', 'list'),
    request: () => ({ query: { filter: JSON.stringify({ year: 2026, category: 'kandas' }) } }),
    allowed: [200],
    region: { kind: 'response', check: nationwideList },
  },
  { method: 'POST', path: '/api/quotas', access: perm('quotas', 'create'), request: () => INVALID, allowed: [400] },
  {
    method: 'GET',
    path: '/api/quotas/{id}',
    access: perm('quotas', 'show'),
    // Another region's quota too: figures are nationwide.
    request: (f, caller) => ({ params: { id: caller ? otherOf(f.quotaIds, caller) : f.quotaIds['55'] } }),
    allowed: [200],
  },
  {
    method: 'GET',
    path: '/api/quotas/{id}/ledger',
    access: perm('quotas', 'show'),
    request: (f, caller) => ({ params: { id: caller ? otherOf(f.quotaIds, caller) : f.quotaIds['55'] } }),
    allowed: [200],
  },
  settlementWorkRow(
    'POST',
    '/api/quotas/{id}/ledger',
    perm('quotas', 'edit'),
    (f) => f.quotaIds,
    { entryDate: '2026-08-24', capacityDelta: 1, legalAct: 'Matrix', reason: 'Matrix', version: 999 },
    [409],
  ),

  // Inclusion in the quota: requests follow their region (officials) or their case's region (caseworkers)
  {
    method: 'GET',
    path: '/api/inclusion-requests',
    access: perm('inclusion-requests', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/inclusion-requests',
    access: perm('inclusion-requests', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow(
    'GET',
    '/api/inclusion-requests/{id}',
    perm('inclusion-requests', 'show'),
    (f) => f.inclusionRequestIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'POST',
    '/api/inclusion-requests/{id}/decision',
    perm('inclusion-requests', 'edit'),
    (f) => f.inclusionRequestIds,
    { decision: 'refuse', reason: 'Matrix', version: 999 },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/inclusion-requests/{id}/withdraw',
    perm('inclusion-requests', 'edit'),
    (f) => f.inclusionRequestIds,
    { reason: 'Matrix', version: 999 },
    [409],
  ),

  // Settlement of included families
  {
    method: 'GET',
    path: '/api/settlements',
    access: perm('settlements', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/settlements',
    access: perm('settlements', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow(
    'GET',
    '/api/settlements/{id}',
    perm('settlements', 'show'),
    (f) => f.settlementIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'PUT',
    '/api/settlements/{id}',
    perm('settlements', 'edit'),
    (f) => f.settlementIds,
    { version: 999 },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/settlements/{id}/arrival',
    perm('settlements', 'edit'),
    (f) => f.settlementIds,
    { actualArrival: '2026-01-15', version: 999 },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/settlements/{id}/departure',
    perm('settlements', 'edit'),
    (f) => f.settlementIds,
    { departedOn: '2026-01-15', version: 999 },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/settlements/{id}/move',
    perm('settlements', 'edit'),
    (f) => f.settlementIds,
    { regionId: 1, reason: 'Matrix', version: 999 },
    [409],
  ),

  // State support: a calculation follows the case's region (an approved case not settled in a quota: 400)
  {
    method: 'GET',
    path: '/api/support-payments/calculate',
    access: perm('support-payments', 'show'),
    request: (f, caller) => ({
      query: { applicationId: String(ownApproved(f, caller)), type: 'relocation', date: '2026-06-01' },
    }),
    allowed: [200, 400],
    region: {
      kind: 'rows',
      own: (f, caller) => ({
        query: { applicationId: String(ownApproved(f, caller)), type: 'relocation', date: '2026-06-01' },
      }),
      other: (f, caller) => ({
        query: { applicationId: String(otherApproved(f, caller)), type: 'relocation', date: '2026-06-01' },
      }),
    },
  },

  // Support payments follow the case's region; a write at a version that does not exist is a 409, nothing changes.
  {
    method: 'GET',
    path: '/api/support-payments',
    access: perm('support-payments', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/support-payments',
    access: perm('support-payments', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow(
    'GET',
    '/api/support-payments/{id}',
    perm('support-payments', 'show'),
    (f) => f.supportPaymentIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'POST',
    '/api/support-payments/{id}/approve',
    perm('support-payments', 'edit'),
    (f) => f.supportPaymentIds,
    { version: 999 },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/support-payments/{id}/cancel',
    perm('support-payments', 'edit'),
    (f) => f.supportPaymentIds,
    { version: 999, reason: 'prepared_in_error' },
    [409],
  ),
  // Payment batches: the writes go to a closed batch (409, nothing changes).
  {
    method: 'GET',
    path: '/api/payment-batches',
    access: perm('payment-batches', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  settlementWorkRow(
    'GET',
    '/api/payment-batches/{id}',
    perm('payment-batches', 'show'),
    (f) => f.openPaymentBatchIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'GET',
    '/api/payment-batches/{id}/register',
    perm('payment-batches', 'edit'),
    (f) => f.closedPaymentBatchIds,
    undefined,
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/payment-batches/{id}/close',
    perm('payment-batches', 'edit'),
    (f) => f.closedPaymentBatchIds,
    { version: 999 },
    [409],
  ),
  {
    method: 'POST',
    path: '/api/payment-batches/{id}/bank-result',
    access: perm('payment-batches', 'edit'),
    request: (f, caller) => ({ params: { id: ownOf(f.closedPaymentBatchIds, caller) }, file: BANK_RESULT }),
    allowed: [409],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownOf(f.closedPaymentBatchIds, caller) }, file: BANK_RESULT }),
      other: (f, caller) => ({ params: { id: otherOf(f.closedPaymentBatchIds, caller) }, file: BANK_RESULT }),
    },
  },

  // Placement: recommendations follow the case's region; proposals their final region
  {
    method: 'GET',
    path: '/api/placement/recommendations',
    access: perm('placement', 'show'),
    request: (f, caller) => ({ query: { applicationId: String(ownApproved(f, caller)) } }),
    allowed: [200],
    region: {
      kind: 'rows',
      own: (f, caller) => ({ query: { applicationId: String(ownApproved(f, caller)) } }),
      other: (f, caller) => ({ query: { applicationId: String(otherApproved(f, caller)) } }),
    },
  },
  { method: 'GET', path: '/api/placement/weights', access: perm('placement-weights', 'list'), allowed: [200] },
  {
    method: 'PUT',
    path: '/api/placement/weights',
    access: perm('placement-weights', 'edit'),
    request: () => INVALID,
    allowed: [400],
  },
  {
    method: 'POST',
    path: '/api/placement/batches',
    access: perm('placement', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  { method: 'GET', path: '/api/placement/batches', access: perm('placement', 'list'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/placement/batches/{id}',
    access: perm('placement', 'show'),
    request: (f) => ({ params: { id: f.placementBatchId } }),
    allowed: [200],
  },
  {
    method: 'GET',
    path: '/api/placement/batches/{id}/proposals',
    access: perm('placement', 'list'),
    request: (f) => ({ params: { id: f.placementBatchId } }),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller, f) => {
        const regionIds = new Set((body as { finalRegionId: number }[]).map((row) => row.finalRegionId));
        if (caller.regionCode === null) expect(regionIds.size).toBeGreaterThanOrEqual(2);
        else expect([...regionIds]).toEqual([f.regionIds[caller.regionCode]]);
      },
    },
  },
  {
    method: 'POST',
    path: '/api/placement/batches/{id}/proposals/{proposalId}/override',
    access: perm('placement', 'edit'),
    // A region without a quota: 400 when reachable, nothing changes.
    request: (f, caller) => ({
      params: { id: f.placementBatchId, proposalId: ownOf(f.proposalIds, caller) },
      body: { regionId: 999999, reason: 'Matrix' },
    }),
    allowed: [400],
    region: {
      kind: 'rows',
      own: (f, caller) => ({
        params: { id: f.placementBatchId, proposalId: ownOf(f.proposalIds, caller) },
        body: { regionId: 999999, reason: 'Matrix' },
      }),
      other: (f, caller) => ({
        params: { id: f.placementBatchId, proposalId: otherOf(f.proposalIds, caller) },
        body: { regionId: 999999, reason: 'Matrix' },
      }),
    },
  },
  {
    method: 'POST',
    path: '/api/placement/batches/{id}/accept',
    access: perm('placement', 'edit'),
    request: (f) => ({ params: { id: f.placementBatchId }, body: { regionId: 'all' } }),
    allowed: [400],
  },

  // Transfer requests: officials see those from or to their region, caseworkers their region's cases';
  // the receiving region accepts or declines, the sending region withdraws (docs/transfers.md)
  {
    method: 'GET',
    path: '/api/transfer-requests',
    access: perm('transfer-requests', 'list'),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller, f) => {
        const rows = body as { fromRegionId: number; toRegionId: number }[];
        if (caller.regionCode === null) expect(rows.length).toBeGreaterThanOrEqual(4);
        else {
          const own = f.regionIds[caller.regionCode];
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.filter((row) => row.fromRegionId !== own && row.toRegionId !== own)).toEqual([]);
        }
      },
    },
  },
  settlementWorkRow(
    'GET',
    '/api/transfer-requests/{id}',
    perm('transfer-requests', 'show'),
    (f) => f.outgoingTransferIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'POST',
    '/api/transfer-requests/{id}/accept',
    perm('transfer-requests', 'edit'),
    (f) => f.incomingTransferIds,
    { version: 999 },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/transfer-requests/{id}/decline',
    perm('transfer-requests', 'edit'),
    (f) => f.incomingTransferIds,
    { version: 999, reason: 'Matrix' },
    [409],
  ),
  settlementWorkRow(
    'POST',
    '/api/transfer-requests/{id}/withdraw',
    perm('transfer-requests', 'edit'),
    (f) => f.outgoingTransferIds,
    { version: 999 },
    [409],
  ),
  // Integration services (docs/integration-services.md): a region's providers, plans and referrals;
  // a provider's staff only the referrals sent to their provider.
  {
    method: 'GET',
    path: '/api/service-providers',
    access: perm('service-providers', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/service-providers',
    access: perm('service-providers', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow(
    'GET',
    '/api/service-providers/{id}',
    perm('service-providers', 'show'),
    (f) => f.providerIds,
    undefined,
    [200],
  ),
  {
    ...settlementWorkRow(
      'PUT',
      '/api/service-providers/{id}',
      perm('service-providers', 'edit'),
      (f) => f.providerIds,
      undefined,
      [409],
    ),
    // A valid edit at a version that does not exist, keeping the service in use: 409, nothing changes.
    request: (f, caller) => ({ params: { id: ownOf(f.providerIds, caller) }, body: providerEdit(f, caller) }),
    region: {
      kind: 'rows',
      own: (f, caller) => ({ params: { id: ownOf(f.providerIds, caller) }, body: providerEdit(f, caller) }),
      other: (f, caller) => ({ params: { id: otherOf(f.providerIds, caller) }, body: providerEdit(f, caller) }),
    },
  },
  {
    method: 'GET',
    path: '/api/adaptation-plans',
    access: perm('adaptation-plans', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/adaptation-plans',
    access: perm('adaptation-plans', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow(
    'GET',
    '/api/adaptation-plans/{id}',
    perm('adaptation-plans', 'show'),
    (f) => f.planIds,
    undefined,
    [200],
  ),
  // A service type that does not exist: 400 when the plan is reachable, nothing added.
  settlementWorkRow(
    'POST',
    '/api/adaptation-plans/{id}/items',
    perm('adaptation-plans', 'edit'),
    (f) => f.planIds,
    { serviceTypeId: 999999 },
    [400],
  ),
  {
    method: 'GET',
    path: '/api/referrals',
    access: perm('referrals', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/referrals',
    access: perm('referrals', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow('GET', '/api/referrals/{id}', perm('referrals', 'show'), (f) => f.referralIds, undefined, [200]),
  settlementWorkRow(
    'POST',
    '/api/referrals/{id}/transitions',
    perm('referrals', 'edit'),
    (f) => f.referralIds,
    { action: 'accept', version: 999 },
    [409],
  ),

  {
    method: 'GET',
    path: '/api/follow-ups',
    access: perm('follow-ups', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  settlementWorkRow('GET', '/api/follow-ups/{id}', perm('follow-ups', 'show'), (f) => f.followUpIds, undefined, [200]),
  // A valid answer at a version that does not exist: 409 when reachable, nothing recorded.
  settlementWorkRow(
    'POST',
    '/api/follow-ups/{id}/record',
    perm('follow-ups', 'edit'),
    (f) => f.followUpIds,
    { employment: 'employed', languageLevel: 'a1', schooling: 'all', housing: 'rented', version: 999 },
    [409],
  ),

  // Support to be returned under the residence obligation: a close at a version that does not exist is a 409.
  {
    method: 'GET',
    path: '/api/support-recoveries',
    access: perm('support-recoveries', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  settlementWorkRow(
    'GET',
    '/api/support-recoveries/{id}',
    perm('support-recoveries', 'show'),
    (f) => f.recoveryIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'POST',
    '/api/support-recoveries/{id}/resolve',
    perm('support-recoveries', 'edit'),
    (f) => f.recoveryIds,
    { outcome: 'waived', version: 999 },
    [409],
  ),

  // Residence and citizenship: the case's region records them; a decision at a version that does not exist is a 409.
  {
    method: 'GET',
    path: '/api/legal-status-steps',
    access: perm('legal-status-steps', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  {
    method: 'POST',
    path: '/api/legal-status-steps',
    access: perm('legal-status-steps', 'create'),
    request: () => INVALID,
    allowed: [400],
  },
  settlementWorkRow(
    'GET',
    '/api/legal-status-steps/{id}',
    perm('legal-status-steps', 'show'),
    (f) => f.legalStepIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'POST',
    '/api/legal-status-steps/{id}/decision',
    perm('legal-status-steps', 'edit'),
    (f) => f.legalStepIds,
    { decision: 'refused', decidedOn: '2026-11-01', version: 999 },
    [409],
  ),
  // Staff notifications: every role, each their own only (another's id is a 404, docs/notifications.md).
  { method: 'GET', path: '/api/notifications', access: perm('notifications', 'list'), allowed: [200] },
  { method: 'GET', path: '/api/notifications/counts', access: perm('notifications', 'list'), allowed: [200] },
  {
    method: 'POST',
    path: '/api/notifications/{id}/read',
    access: perm('notifications', 'edit'),
    request: () => ({ params: { id: '999999' } }),
    allowed: [404],
  },
  { method: 'POST', path: '/api/notifications/read-all', access: perm('notifications', 'edit'), allowed: [200] },

  // Messages to applicants: the case's region reads them; a sent one cannot be sent again (409).
  {
    method: 'GET',
    path: '/api/applicant-messages',
    access: perm('applicant-messages', 'list'),
    allowed: [200],
    region: { kind: 'response', check: regionScopedList(2) },
  },
  settlementWorkRow(
    'GET',
    '/api/applicant-messages/{id}',
    perm('applicant-messages', 'show'),
    (f) => f.applicantMessageIds,
    undefined,
    [200],
  ),
  settlementWorkRow(
    'POST',
    '/api/applicant-messages/{id}/retry',
    perm('applicant-messages', 'edit'),
    (f) => f.applicantMessageIds,
    undefined,
    [409],
  ),

  // Arrivals history and forecasts (docs/monitoring-history.md): a region's staff see their
  // region's rows and the national ones; only administrators import.
  {
    method: 'GET',
    path: '/api/monitoring/arrivals-history',
    access: perm('arrivals-history', 'list'),
    allowed: [200],
    region: {
      kind: 'response',
      check: (body, caller, f) => {
        const regionIds = new Set((body as { regionId: number | null }[]).map((row) => row.regionId));
        expect(regionIds.has(null)).toBe(true);
        if (caller.regionCode !== null)
          expect([...regionIds].filter((id) => id !== null)).toEqual(
            expect.not.arrayContaining([otherOf(f.regionIds, caller)]),
          );
      },
    },
  },
  {
    method: 'POST',
    path: '/api/monitoring/arrivals-history/import',
    access: perm('arrivals-history', 'create'),
    // Not multipart: 400 when reachable, nothing imported.
    allowed: [400],
  },
  {
    method: 'GET',
    path: '/api/monitoring/forecasts',
    access: perm('forecasts', 'show'),
    request: () => ({ query: { regionCode: 'national', from: '2026-01' } }),
    allowed: [200],
  },

  // Bulk imports (docs/imports.md): a run is its creator's region's; what a file writes is checked by its kind.
  {
    method: 'POST',
    path: '/api/imports',
    access: perm('imports', 'create'),
    // Not multipart: 400 when reachable, nothing queued.
    allowed: [400],
  },
  { method: 'GET', path: '/api/imports', access: perm('imports', 'list'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/imports/{id}',
    access: perm('imports', 'show'),
    request: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
    allowed: [404],
  },
  {
    method: 'GET',
    path: '/api/imports/{id}/errors.csv',
    access: perm('imports', 'show'),
    request: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
    allowed: [404],
  },
  {
    method: 'GET',
    path: '/api/imports/templates/{kind}',
    access: perm('imports', 'create'),
    request: () => ({ params: { kind: 'persons' } }),
    allowed: [200],
  },

  // Background jobs: administrators run them, auditors read their runs.
  { method: 'GET', path: '/api/jobs', access: perm('jobs', 'list'), allowed: [200] },
  { method: 'GET', path: '/api/jobs/runs', access: perm('jobs', 'list'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/jobs/runs/{id}',
    access: perm('jobs', 'show'),
    request: () => ({ params: { id: '00000000-0000-4000-8000-000000000000' } }),
    allowed: [404],
  },
  {
    method: 'POST',
    path: '/api/jobs/{name}/runs',
    access: perm('jobs', 'create'),
    // A bad year: 400 when reachable, nothing queued.
    request: () => ({ params: { name: 'placement-batch' }, body: { params: { year: 'matrix' } } }),
    allowed: [400],
  },

  // Placement reference data: regional officials keep their own region's
  ...(['labour-demand', 'region-capacities'] as const).flatMap((path): Row[] => {
    const ids = (f: Fixtures) => (path === 'labour-demand' ? f.labourDemandIds : f.regionCapacityIds);
    const validEdit = (f: Fixtures, caller: Caller | null) => {
      const regionId = f.regionIds[caller?.regionCode ?? '55'];
      return path === 'labour-demand'
        ? { year: 2026, regionId, occupation: 'Matrix', vacancies: 1, source: 'Matrix', version: 999 }
        : { year: 2026, regionId, housingUnits: 1, adaptationCentrePlaces: 1, source: 'Matrix', version: 999 };
    };
    return [
      {
        method: 'GET',
        path: `/api/${path}`,
        access: perm(path, 'list'),
        allowed: [200],
        region: { kind: 'response', check: regionScopedList(2) },
      },
      { method: 'POST', path: `/api/${path}`, access: perm(path, 'create'), request: () => INVALID, allowed: [400] },
      {
        method: 'GET',
        path: `/api/${path}/{id}`,
        access: perm(path, 'show'),
        request: (f, caller) => ({ params: { id: ownOf(ids(f), caller) } }),
        allowed: [200],
        region: {
          kind: 'rows',
          own: (f, caller) => ({ params: { id: ownOf(ids(f), caller) } }),
          other: (f, caller) => ({ params: { id: otherOf(ids(f), caller) } }),
        },
      },
      {
        method: 'PUT',
        path: `/api/${path}/{id}`,
        access: perm(path, 'edit'),
        // A valid edit at a version that does not exist: 409 when reachable, nothing changes.
        request: (f, caller) => ({ params: { id: ownOf(ids(f), caller) }, body: validEdit(f, caller) }),
        allowed: [409],
        region: {
          kind: 'rows',
          own: (f, caller) => ({ params: { id: ownOf(ids(f), caller) }, body: validEdit(f, caller) }),
          other: (f, caller) => ({ params: { id: otherOf(ids(f), caller) }, body: validEdit(f, caller) }),
        },
      },
    ];
  }),
  // No file: 400 when reachable.
  {
    method: 'POST',
    path: '/api/labour-demand/import',
    access: perm('labour-demand', 'create'),
    request: () => ({ body: {} }),
    allowed: [400],
  },

  // The public certificate check: no login, JSON and the page the QR code opens
  {
    method: 'GET',
    path: '/api/public/certificates/{number}',
    access: { kind: 'public' },
    request: (f) => ({ params: { number: f.certificateNumber } }),
    allowed: [200],
  },
  // Open statistics releases: admins publish (a note that is not text: 400, nothing queued), auditors read
  { method: 'GET', path: '/api/statistics-releases', access: perm('statistics-releases', 'list'), allowed: [200] },
  {
    method: 'GET',
    path: '/api/statistics-releases/{number}',
    access: perm('statistics-releases', 'show'),
    request: () => ({ params: { number: 999999 } }),
    allowed: [404],
  },
  {
    method: 'POST',
    path: '/api/statistics-releases',
    access: perm('statistics-releases', 'create'),
    request: () => ({ body: { note: 5 } }),
    allowed: [400],
  },
  // The open statistics for anyone: the list, a file (404 before the first release), the page
  { method: 'GET', path: '/api/public/statistics', access: { kind: 'public' }, allowed: [200] },
  {
    method: 'GET',
    path: '/api/public/statistics/{file}',
    access: { kind: 'public' },
    request: () => ({ params: { file: 'status-granted.csv' } }),
    allowed: [200, 404],
  },
  { method: 'GET', path: '/statistics', access: { kind: 'public' }, allowed: [200] },
  // The latest signed audit checkpoint, for the open statistics page (404 until the first one)
  { method: 'GET', path: '/api/public/audit-checkpoint', access: { kind: 'public' }, allowed: [200, 404] },
  {
    method: 'GET',
    path: '/verify/{number}',
    access: { kind: 'public' },
    request: (f) => ({ params: { number: f.certificateNumber } }),
    allowed: [200],
  },
];

type Expectation = 'allowed' | 'refused (403)' | 'unauthenticated (401)';

function expectationFor(row: Row, caller: Caller | null): Expectation {
  if (row.access.kind === 'public') return 'allowed';
  if (caller === null) return 'unauthenticated (401)';
  if (row.access.kind === 'any-role') return 'allowed';
  return can(caller.role, row.access.resource, row.access.action) ? 'allowed' : 'refused (403)';
}

const fillPath = (template: string, params: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(String(params[name]));
  });

function send(api: RunningApi, row: Row, spec: RequestSpec, token: string | null) {
  const path = fillPath(row.path, spec.params);
  let req = request(api.url)[row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
  if (token) req = req.set(bearer(token));
  if (spec.query) req = req.query(spec.query);
  if (spec.body !== undefined) req = req.send(spec.body);
  if (spec.file) req = req.attach('file', spec.file.content, spec.file.name);
  return req;
}

const label = (row: Row) => `${row.method} ${row.path}`;

describe('authorization matrix', () => {
  let api: RunningApi;
  let dataDir: string;
  const sessions = new Map<string, Session>();
  let fixtures: Fixtures;

  beforeAll(async () => {
    // Documents uploaded below go to a folder of this run, not ./data.
    dataDir = mkdtempSync(join(tmpdir(), 'qonys-matrix-'));
    api = await startApi({ DATA_DIR: dataDir });
    for (const caller of CALLERS) sessions.set(caller.username, await login(api.url, caller.username));
    const regionIds: Record<string, number> = {};
    for (const code of ['55', '10']) regionIds[code] = await regionIdByCode(api.databaseUrl, code);
    fixtures = {
      userId: sessions.get('caseworker.abai')!.user.id,
      regionIds,
      mciRateId: await scalar(api.databaseUrl, 'SELECT id FROM mci_rate WHERE year = 2026'),
      holidayId: await scalar(
        api.databaseUrl,
        `SELECT id FROM holiday WHERE kind = 'fixed' AND month = 3 AND day = 21`,
      ),
      deadlineId: await scalar(api.databaseUrl, `SELECT id FROM deadline_setting WHERE key = 'completeness_check'`),
      mfaPolicyId: await scalar(api.databaseUrl, `SELECT id FROM mfa_policy WHERE role = 'caseworker'`),
      auditEventId: await scalar(api.databaseUrl, 'SELECT min(id)::text FROM audit_event'),
      personIds: {},
      applicationIds: {},
      applicantIds: {},
      documentTypeId: await scalar(api.databaseUrl, `SELECT id FROM document_type WHERE key = 'application_form'`),
      legalGroundId: await scalar(api.databaseUrl, `SELECT id FROM legal_ground WHERE code = 'false_information'`),
      retentionRuleId: await scalar(api.databaseUrl, 'SELECT min(id) FROM retention_rule'),
      benefitRuleId: await scalar(api.databaseUrl, 'SELECT min(id) FROM benefit_rule'),
      documentIds: {},
      approvedCaseIds: {},
      certificateNumber: '',
      quotaIds: {},
      inclusionRequestIds: {},
      settlementIds: {},
      labourDemandIds: {},
      regionCapacityIds: {},
      placementBatchId: 0,
      proposalIds: {},
      outgoingTransferIds: {},
      incomingTransferIds: {},
      serviceTypeId: await scalar(
        api.databaseUrl,
        `SELECT id FROM service_type WHERE code = 'information_consultation'`,
      ),
      providerIds: {},
      planIds: {},
      referralIds: {},
      followUpIds: {},
      applicantMessageIds: {},
      legalStepIds: {},
      recoveryIds: {},
      supportPaymentIds: {},
      openPaymentBatchIds: {},
      closedPaymentBatchIds: {},
    };
    for (const code of ['55', '10']) {
      fixtures.personIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
         VALUES ('Матрицаев', 'Тест', 'Matritsaev', 'Test', '1980-01-01', 'M', $1, 'matritsaev test') RETURNING id`,
        [regionIds[code]],
      );
    }
    // A draft case per region, with its own applicant (the persons rows above stay free of cases).
    for (const code of ['55', '10']) {
      fixtures.applicantIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
         VALUES ('Өтінішов', 'Тест', 'Otinishov', 'Test', '1980-01-01', 'M', $1, 'otinishov test') RETURNING id`,
        [regionIds[code]],
      );
      fixtures.applicationIds[code] = await scalar(
        api.databaseUrl,
        `WITH a AS (INSERT INTO application (channel, region_id, applicant_id) VALUES ('egov', $1, $2) RETURNING id),
              m AS (INSERT INTO application_member (application_id, person_id, relation) SELECT id, $2, 'applicant' FROM a)
         SELECT id FROM a`,
        [regionIds[code], fixtures.applicantIds[code]],
      );
    }
    // A document on each draft case (uploaded, so its file exists), and an approved case with its certificate.
    for (const code of ['55', '10']) {
      const uploaded = await request(api.url)
        .post('/api/documents')
        .set(bearer(sessions.get('admin')!.accessToken))
        .field('applicationId', String(fixtures.applicationIds[code]))
        .field('documentTypeId', String(fixtures.documentTypeId))
        .attach('file', TINY_PDF, 'matrix.pdf');
      if (uploaded.status !== 201)
        throw new Error(`upload fixture document: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
      fixtures.documentIds[code] = uploaded.body.id;
      const approved = await insertApprovedCase(api.databaseUrl, { regionId: regionIds[code] });
      fixtures.approvedCaseIds[code] = approved.id;
      fixtures.certificateNumber = approved.certificateNumber;
    }
    // Quota work per region: a submitted inclusion request, and an included family with its planned settlement.
    const admin = sessions.get('admin')!.accessToken;
    for (const code of ['55', '10']) {
      fixtures.quotaIds[code] = await scalar(
        api.databaseUrl,
        `SELECT id FROM quota WHERE year = 2026 AND category = 'kandas' AND region_id = $1`,
        [regionIds[code]],
      );
      const inclusion = async () => {
        const family = await insertApprovedCase(api.databaseUrl, { regionId: regionIds[code] });
        const created = await request(api.url)
          .post('/api/inclusion-requests')
          .set(bearer(admin))
          .send({ applicationId: family.id, year: 2026, preferredRegionIds: [regionIds[code]], consent: true });
        if (created.status !== 201)
          throw new Error(`inclusion fixture: ${created.status} ${JSON.stringify(created.body)}`);
        return created.body as { id: number; version: number; applicationId: number };
      };
      fixtures.inclusionRequestIds[code] = (await inclusion()).id;
      const included = await inclusion();
      const decided = await request(api.url)
        .post(`/api/inclusion-requests/${included.id}/decision`)
        .set(bearer(admin))
        .send({ decision: 'include', version: included.version });
      if (decided.status !== 200) throw new Error(`include fixture: ${decided.status} ${JSON.stringify(decided.body)}`);
      fixtures.settlementIds[code] = await scalar(
        api.databaseUrl,
        'SELECT id FROM settlement WHERE application_id = $1',
        [included.applicationId],
      );
    }
  });
  // Placement fixtures (after the quota work above): reference rows and a proposed batch.
  beforeAll(async () => {
    fixtures.placementBatchId = await scalar(
      api.databaseUrl,
      `INSERT INTO placement_batch (year, category, status, progress, families) VALUES (2026, 'kandas', 'proposed', 100, 2) RETURNING id`,
    );
    for (const code of ['55', '10']) {
      const regionId = fixtures.regionIds[code];
      fixtures.labourDemandIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO labour_demand (year, region_id, occupation, occupation_key, vacancies, source) VALUES (2026, $1, 'Matrix', 'matrix', 1, 'Matrix') RETURNING id`,
        [regionId],
      );
      fixtures.regionCapacityIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO region_capacity (year, region_id, housing_units, adaptation_centre_places, source) VALUES (2026, $1, 1, 1, 'Matrix') RETURNING id`,
        [regionId],
      );
      fixtures.proposalIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO placement_proposal (batch_id, inclusion_request_id, proposed_region_id, score) VALUES ($1, $2, $3, 1) RETURNING id`,
        [fixtures.placementBatchId, fixtures.inclusionRequestIds[code], regionId],
      );
    }
  });
  // Transfer requests between each fixture region and a third one (after the settlement and batch fixtures).
  beforeAll(async () => {
    const west = await regionIdByCode(api.databaseUrl, '27');
    const insertTransfer = (kind: 'settlement' | 'proposal', subjectId: number, from: number, to: number) =>
      scalar<number>(
        api.databaseUrl,
        `INSERT INTO transfer_request (kind, application_id, settlement_id, placement_proposal_id, from_region_id, to_region_id,
                                       reason_code, reason, requested_by)
         SELECT $1, application_id, $2, $3, $4, $5, 'other', 'Matrix', $6
           FROM (SELECT application_id FROM settlement WHERE id = $2
                 UNION ALL SELECT ir.application_id FROM placement_proposal p JOIN inclusion_request ir ON ir.id = p.inclusion_request_id WHERE p.id = $3) subject
         RETURNING id`,
        [
          kind,
          kind === 'settlement' ? subjectId : null,
          kind === 'proposal' ? subjectId : null,
          from,
          to,
          sessions.get('admin')!.user.id,
        ],
      );
    for (const code of ['55', '10']) {
      const regionId = fixtures.regionIds[code];
      fixtures.outgoingTransferIds[code] = await insertTransfer(
        'settlement',
        fixtures.settlementIds[code],
        regionId,
        west,
      );
      fixtures.incomingTransferIds[code] = await insertTransfer('proposal', fixtures.proposalIds[code], west, regionId);
    }
  });
  // An adaptation plan per region, its item referred to the region's demo centre.
  beforeAll(async () => {
    for (const code of ['55', '10']) {
      const regionId = fixtures.regionIds[code];
      fixtures.providerIds[code] = await scalar(
        api.databaseUrl,
        `SELECT id FROM service_provider WHERE region_id = $1 AND kind = 'adaptation_centre' ORDER BY id LIMIT 1`,
        [regionId],
      );
      fixtures.planIds[code] = await scalar(
        api.databaseUrl,
        'INSERT INTO adaptation_plan (application_id, region_id) VALUES ($1, $2) RETURNING id',
        [fixtures.approvedCaseIds[code], regionId],
      );
      fixtures.referralIds[code] = await scalar(
        api.databaseUrl,
        `WITH item AS (
           INSERT INTO adaptation_plan_item (plan_id, service_type_id) VALUES ($1, $2) RETURNING id)
         INSERT INTO referral (plan_item_id, application_id, region_id, provider_id, provider_service_id, period,
                               consent_to_share, due_date)
         SELECT item.id, $3, $4, $5, ps.id, date_trunc('month', now())::date, true, now()::date + 7
           FROM item, provider_service ps WHERE ps.provider_id = $5 AND ps.service_type_id = $2
         RETURNING id`,
        [
          fixtures.planIds[code],
          fixtures.serviceTypeId,
          fixtures.approvedCaseIds[code],
          regionId,
          fixtures.providerIds[code],
        ],
      );
      fixtures.followUpIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO outcome_follow_up (settlement_id, application_id, region_id, round, due_date)
         SELECT id, application_id, region_id, 1, now()::date FROM settlement WHERE id = $1 RETURNING id`,
        [fixtures.settlementIds[code]],
      );
      fixtures.applicantMessageIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO applicant_message (application_id, person_id, kind, event_key, channel, recipient, language, params,
                                        subject, body, state, sent_at)
         SELECT id, applicant_id, 'status_granted', 'matrix', 'email', 'matrix@example.kz', 'kk', '{}', 'Matrix', 'Matrix',
                'sent', now()
           FROM application WHERE id = $1 RETURNING id`,
        [fixtures.approvedCaseIds[code]],
      );
      fixtures.legalStepIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO legal_status_step (application_id, person_id, kind, applied_on, authority)
         SELECT id, applicant_id, 'permanent_residence', '2026-10-01', 'Matrix' FROM application WHERE id = $1
         RETURNING id`,
        [fixtures.approvedCaseIds[code]],
      );
    }
  });
  // Support payments: a draft on each region's approved case in its open June batch, and a closed May batch.
  beforeAll(async () => {
    const rule = await scalar<number>(api.databaseUrl, `SELECT id FROM benefit_rule WHERE kind = 'employer'`);
    for (const code of ['55', '10']) {
      const regionId = fixtures.regionIds[code];
      fixtures.openPaymentBatchIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO payment_batch (region_id, month, count, amount_kzt) VALUES ($1, '2026-06-01', 1, 1730000) RETURNING id`,
        [regionId],
      );
      fixtures.closedPaymentBatchIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO payment_batch (region_id, month, state, closed_at) VALUES ($1, '2026-05-01', 'closed', now()) RETURNING id`,
        [regionId],
      );
      fixtures.supportPaymentIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO support_payment (application_id, region_id, batch_id, kind, event_date, rule_id, unconfirmed, mci_value,
                                      persons, amount_mci, amount_kzt, prepared_by)
         VALUES ($1, $2, $3, 'employer', '2026-06-01', $4, false, 4325, 1, 400, 1730000, $5) RETURNING id`,
        [
          fixtures.approvedCaseIds[code],
          regionId,
          fixtures.openPaymentBatchIds[code],
          rule,
          sessions.get('admin')!.user.id,
        ],
      );
      fixtures.recoveryIds[code] = await scalar(
        api.databaseUrl,
        `INSERT INTO support_recovery (application_id, settlement_id, region_id, departed_on, setting_id, years,
                                       payment_ids, amount_kzt)
         SELECT s.application_id, s.id, s.region_id, now()::date, (SELECT min(id) FROM deadline_setting), 5, '{}', 1
           FROM settlement s WHERE s.id = $1 RETURNING id`,
        [fixtures.settlementIds[code]],
      );
    }
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('covers exactly the endpoints of the OpenAPI document', async () => {
    const response = await request(api.url).get('/api/docs-json').expect(200);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const inMatrix = MATRIX.map(label);
    expect(new Set(inMatrix).size).toBe(inMatrix.length);
    expect([...inMatrix].sort()).toEqual([...documented].sort());
  });

  it('names only permission-table entries that some role holds', () => {
    for (const row of MATRIX) {
      if (row.access.kind !== 'permission') continue;
      const { resource, action } = row.access;
      expect({ row: label(row), grantedToSomeone: CALLERS.some((c) => can(c.role, resource, action)) }).toEqual({
        row: label(row),
        grantedToSomeone: true,
      });
    }
  });

  const cases = MATRIX.flatMap((row) =>
    [...CALLERS, null].map((caller) => ({
      name: `${label(row)} as ${caller?.username ?? 'anonymous'} → ${expectationFor(row, caller)}`,
      row,
      caller,
    })),
  );

  it.each(cases)('$name', async ({ row, caller }) => {
    const expectation = expectationFor(row, caller);
    const token = caller ? sessions.get(caller.username)!.accessToken : null;
    const response = await send(api, row, row.request?.(fixtures, caller) ?? {}, token);
    const outcome = { status: response.status, body: response.status >= 400 ? response.body : undefined };
    switch (expectation) {
      case 'allowed':
        expect(row.allowed.every((s) => s !== 401 && s !== 403)).toBe(true);
        expect(row.allowed).toContain(outcome.status);
        if (caller && row.region?.kind === 'response') row.region.check(response.body, caller, fixtures);
        break;
      case 'refused (403)':
        expect(outcome).toMatchObject({ status: 403, body: { statusCode: 403, error: 'Forbidden' } });
        break;
      case 'unauthenticated (401)':
        expect(outcome).toMatchObject({ status: 401, body: { statusCode: 401 } });
        break;
    }
  });

  const regionRows = MATRIX.flatMap((row) =>
    row.region?.kind === 'rows' && row.access.kind === 'permission'
      ? CALLERS.filter(
          (c) =>
            c.regionCode !== null &&
            can(c.role, (row.access as { resource: Resource }).resource, (row.access as { action: Action }).action),
        ).map((caller) => ({
          name: `${label(row)} as ${caller.username}: own region reachable, other region 404`,
          row,
          caller,
        }))
      : [],
  );
  // Region-scoped resources (cases, quotas, …) add `region: { kind: 'rows', … }` to their rows.
  if (regionRows.length > 0) {
    it.each(regionRows)('$name', async ({ row, caller }) => {
      const scoping = row.region as Extract<RegionScoping, { kind: 'rows' }>;
      const token = sessions.get(caller.username)!.accessToken;
      const own = await send(api, row, scoping.own(fixtures, caller), token);
      expect(row.allowed).toContain(own.status);
      const other = await send(api, row, scoping.other(fixtures, caller), token);
      expect(other.status).toBe(404);
    });
  }

  describe('tokens that are not a live session', () => {
    const protectedRows = MATRIX.filter((row) => row.access.kind !== 'public');

    it.each(protectedRows.map((row) => ({ name: label(row), row })))(
      '$name refuses a forged, an expired, an unsigned and a session-less token with 401',
      async ({ row }) => {
        const real = sessions.get('admin')!.accessToken;
        const claims = jwtPayload(real);
        const now = Math.floor(Date.now() / 1000);
        const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${real.split('.')[1]}.`;
        const tokens = {
          forged: signJwt(claims, 'another-secret-that-is-long-enough-0123456789'),
          expired: signJwt({ ...claims, iat: now - 3600, exp: now - 60 }, E2E_JWT_SECRET),
          unsigned,
          sessionless: signJwt(
            { ...claims, sid: '00000000-0000-0000-0000-000000000000', iat: now, exp: now + 600 },
            E2E_JWT_SECRET,
          ),
          garbage: 'not.a.jwt',
        };
        const statuses: Record<string, number> = {};
        for (const [kind, token] of Object.entries(tokens)) {
          statuses[kind] = (await send(api, row, row.request?.(fixtures, null) ?? {}, token)).status;
        }
        expect(statuses).toEqual({ forged: 401, expired: 401, unsigned: 401, sessionless: 401, garbage: 401 });
      },
    );

    it('accepts a self-signed token only when it carries the real secret and a live session (control)', async () => {
      const claims = jwtPayload(sessions.get('admin')!.accessToken);
      const now = Math.floor(Date.now() / 1000);
      const token = signJwt({ ...claims, iat: now, exp: now + 600 }, E2E_JWT_SECRET);
      await request(api.url).get('/api/auth/me').set(bearer(token)).expect(200);
    });
  });

  describe('region scoping', () => {
    it('shows caseworker.pavlodar the Pavlodar region on the dashboard, never Abai', async () => {
      const response = await request(api.url)
        .get('/api/dashboard')
        .set(bearer(sessions.get('caseworker.pavlodar')!.accessToken))
        .expect(200);
      expect(response.body.region).toEqual({
        id: fixtures.regionIds['55'],
        code: '55',
        nameKk: 'Павлодар облысы',
        nameRu: 'Павлодарская область',
        nameEn: 'Pavlodar',
      });
      const text = JSON.stringify(response.body);
      expect(text).not.toContain('Abai');
      expect(text).not.toContain('Абай');
    });

    it('shows caseworker.abai the Abai region on the dashboard, never Pavlodar', async () => {
      const response = await request(api.url)
        .get('/api/dashboard')
        .set(bearer(sessions.get('caseworker.abai')!.accessToken))
        .expect(200);
      expect(response.body.region).toMatchObject({ id: fixtures.regionIds['10'], code: '10', nameEn: 'Abai' });
      expect(JSON.stringify(response.body)).not.toContain('Pavlodar');
    });
  });
});
