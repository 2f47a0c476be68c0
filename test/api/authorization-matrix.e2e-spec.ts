import { type Action, can, type Resource, type Role } from '@qonys/domain';
import request from 'supertest';
import { bearer, jwtPayload, regionIdByCode, scalar, signJwt } from '../support/api-helpers';
import { E2E_JWT_SECRET, type RunningApi, startApi } from '../support/api-process';
import { type DEMO_USERNAMES, login, type Session } from '../support/auth';

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
];

/** Ids of existing rows the requests point at, found once the API is up. */
interface Fixtures {
  userId: number;
  regionIds: Record<string, number>;
  mciRateId: number;
  holidayId: number;
  deadlineId: number;
  auditEventId: string;
}

interface RequestSpec {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: object;
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
  /** The request sent; writes send a body that fails validation, so nothing changes. */
  request?: (f: Fixtures) => RequestSpec;
  /** Statuses that show the caller was let through: 2xx, or a validation/conflict answer — never 401/403. */
  allowed: number[];
  region?: RegionScoping;
}

const INVALID = { body: {} };
const perm = (resource: Resource, action: Action): Access => ({ kind: 'permission', resource, action });

/** The reference-data resources share one controller shape. */
const referenceRows = (
  path: 'regions' | 'mci-rates' | 'holidays' | 'deadlines',
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
  // 200 with a pending secret for those without two-factor login, 409 for those who have it.
  { method: 'POST', path: '/api/auth/mfa/setup', access: { kind: 'any-role' }, allowed: [200, 409] },
  {
    method: 'POST',
    path: '/api/auth/mfa/enable',
    access: { kind: 'any-role' },
    request: () => ({ body: { otp: 'abc' } }),
    allowed: [400, 409],
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
  return req;
}

const label = (row: Row) => `${row.method} ${row.path}`;

describe('authorization matrix', () => {
  let api: RunningApi;
  const sessions = new Map<string, Session>();
  let fixtures: Fixtures;

  beforeAll(async () => {
    api = await startApi();
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
      auditEventId: await scalar(api.databaseUrl, 'SELECT min(id)::text FROM audit_event'),
    };
  });
  afterAll(() => api?.stop());

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
    const response = await send(api, row, row.request?.(fixtures) ?? {}, token);
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
          statuses[kind] = (await send(api, row, row.request?.(fixtures) ?? {}, token)).status;
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
