import request from 'supertest';
import {
  bearer,
  createUser,
  type CreatedUser,
  regionIdByCode,
  scalar,
  uniqueUsername,
  withDb,
} from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET, login, type Session } from '../support/auth';

const GOOD_PASSWORD = 'a-long-enough-password';

describe('users', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let pavlodarId: number;
  let abaiId: number;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    auditor = await login(api.url, 'auditor');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
  });
  afterAll(() => api?.stop());

  const asAdmin = {
    get: (path: string) => request(api.url).get(path).set(bearer(admin.accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(admin.accessToken)).send(body),
    put: (path: string, body: object) => request(api.url).put(path).set(bearer(admin.accessToken)).send(body),
  };
  const newUser = (body: Record<string, unknown>) =>
    asAdmin.post('/api/users', {
      username: uniqueUsername('new'),
      fullName: 'Жанар Әлиева',
      password: GOOD_PASSWORD,
      ...body,
    });
  const editable = (u: {
    fullName: string;
    role: string;
    regionId: number | null;
    version: number;
    disabled?: boolean;
  }) => ({
    fullName: u.fullName,
    role: u.role,
    regionId: u.regionId,
    disabled: u.disabled ?? false,
    version: u.version,
  });
  /** Counts that must not move when a request is refused. */
  const writeCounts = () =>
    withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query(
        `SELECT (SELECT count(*) FROM app_user)::int AS users, (SELECT count(*) FROM audit_event)::int AS audit,
                (SELECT sum(version) FROM app_user)::int AS versions`,
      );
      return rows[0] as { users: number; audit: number; versions: number };
    });

  describe('create', () => {
    it('lets an admin create a caseworker in a region, who can then log in', async () => {
      const username = uniqueUsername('caseworker');
      const response = await newUser({
        username,
        role: 'caseworker',
        regionId: pavlodarId,
        email: 'zhanar@example.kz',
      }).expect(201);
      expect(response.body).toMatchObject({
        id: expect.any(Number),
        username,
        fullName: 'Жанар Әлиева',
        email: 'zhanar@example.kz',
        role: 'caseworker',
        regionId: pavlodarId,
        disabled: false,
        mfaEnabled: false,
        version: 1,
      });
      const shown = await asAdmin.get(`/api/users/${response.body.id}`).expect(200);
      expect(shown.body).toMatchObject({ username, role: 'caseworker', regionId: pavlodarId });
      await login(api.url, username, GOOD_PASSWORD);
    });

    it.each(['caseworker', 'regional_official'])('refuses a %s without a region: 400 errors.regionId', async (role) => {
      const response = await newUser({ role }).expect(400);
      expect(response.body.errors).toHaveProperty('regionId');
    });

    it('refuses a region that does not exist: 400 errors.regionId', async () => {
      const response = await newUser({ role: 'caseworker', regionId: 999_999 }).expect(400);
      expect(response.body.errors).toHaveProperty('regionId');
    });

    it.each(['admin', 'auditor'])('refuses an %s with a region: 400 errors.regionId', async (role) => {
      const response = await newUser({ role, regionId: pavlodarId }).expect(400);
      expect(response.body.errors).toHaveProperty('regionId');
    });

    it('refuses a taken username: 409 errors.username', async () => {
      const response = await newUser({
        username: 'caseworker.pavlodar',
        role: 'caseworker',
        regionId: pavlodarId,
      }).expect(409);
      expect(response.body.errors).toHaveProperty('username');
    });

    it('refuses a password shorter than 12 characters: 400 errors.password', async () => {
      const response = await newUser({ role: 'caseworker', regionId: pavlodarId, password: 'elevenchars' }).expect(400);
      expect(response.body.errors).toHaveProperty('password');
    });

    it('refuses an unknown role: 400 errors.role', async () => {
      const response = await newUser({ role: 'superuser' }).expect(400);
      expect(response.body.errors).toHaveProperty('role');
    });

    it.each([
      ['isAdmin', true],
      ['id', 4242],
      ['version', 7],
      ['mfaEnabled', true],
      ['disabled', false],
      ['passwordHash', '$argon2id$v=19$forged'],
    ])('refuses the field %s, which the caller may not set: 400 keyed by it', async (field, value) => {
      const response = await newUser({ role: 'caseworker', regionId: pavlodarId, [field]: value }).expect(400);
      expect(response.body.errors).toHaveProperty(field);
    });
  });

  describe('edit', () => {
    let user: CreatedUser;
    beforeEach(async () => {
      user = await createUser(api.url, admin.accessToken, {
        role: 'caseworker',
        regionId: pavlodarId,
        fullName: 'Ерлан Сәтбаев',
      });
    });

    it("lets an admin change a user's name, role and region; the version goes up", async () => {
      const response = await asAdmin
        .put(`/api/users/${user.id}`, {
          ...editable({ ...user, fullName: 'Ерлан Сәтбаев' }),
          role: 'regional_official',
          regionId: abaiId,
          fullName: 'Ерлан Сәтбайұлы',
        })
        .expect(200);
      expect(response.body).toMatchObject({
        fullName: 'Ерлан Сәтбайұлы',
        role: 'regional_official',
        regionId: abaiId,
        version: 2,
      });
    });

    it.each([
      ['username', 'renamed.user'],
      ['id', 1],
      ['mfaEnabled', true],
      ['passwordHash', 'x'],
      ['failedLoginCount', 0],
      ['lockedUntil', null],
      ['createdAt', '2020-01-01T00:00:00Z'],
    ])('refuses the field %s on PUT: 400 keyed by it, and the user is unchanged', async (field, value) => {
      const body = { ...editable({ ...user, fullName: 'Changed Name' }), [field]: value };
      const response = await asAdmin.put(`/api/users/${user.id}`, body).expect(400);
      expect(response.body.errors).toHaveProperty(field);
      const after = await asAdmin.get(`/api/users/${user.id}`).expect(200);
      expect(after.body).toMatchObject({ username: user.username, fullName: 'Ерлан Сәтбаев', version: 1 });
    });

    it('refuses a PUT without the version it was based on: 400 errors.version', async () => {
      const { version: _ignored, ...withoutVersion } = editable({ ...user, fullName: 'Ерлан Сәтбаев' });
      const response = await asAdmin.put(`/api/users/${user.id}`, withoutVersion).expect(400);
      expect(response.body.errors).toHaveProperty('version');
    });

    it('refuses a stale version with 409 and keeps the newer record', async () => {
      await asAdmin.put(`/api/users/${user.id}`, editable({ ...user, fullName: 'First Editor' })).expect(200);
      const stale = await asAdmin
        .put(`/api/users/${user.id}`, editable({ ...user, fullName: 'Second Editor' }))
        .expect(409);
      expect(stale.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      const after = await asAdmin.get(`/api/users/${user.id}`).expect(200);
      expect(after.body).toMatchObject({ fullName: 'First Editor', version: 2 });
    });

    it('answers 404 for a user that does not exist', async () => {
      await asAdmin.get('/api/users/999999').expect(404);
      await asAdmin.put('/api/users/999999', editable({ ...user, fullName: 'Nobody' })).expect(404);
    });

    it('refuses to make a caseworker an admin while keeping their region: 400 errors.regionId', async () => {
      const response = await asAdmin
        .put(`/api/users/${user.id}`, { ...editable({ ...user, fullName: 'X' }), role: 'admin' })
        .expect(400);
      expect(response.body.errors).toHaveProperty('regionId');
    });
  });

  describe('own account', () => {
    it('refuses to let anyone change their own role: 403, the account unchanged, the refusal logged', async () => {
      const self = await asAdmin.get(`/api/users/${admin.user.id}`).expect(200);
      const response = await request(api.url)
        .put(`/api/users/${admin.user.id}`)
        .set(bearer(admin.accessToken))
        .set('x-request-id', 'own-role-change-1')
        .send({ ...editable(self.body), role: 'auditor' })
        .expect(403);
      expect(response.body.statusCode).toBe(403);
      const after = await asAdmin.get(`/api/users/${admin.user.id}`).expect(200);
      expect(after.body).toMatchObject({ role: 'admin', version: self.body.version });
      const logged = await scalar<string>(
        api.databaseUrl,
        `SELECT action FROM audit_event WHERE request_id = 'own-role-change-1'`,
      );
      expect(logged).toBe('access.denied');
    });

    it('refuses to let an admin disable their own account: 400 errors.disabled', async () => {
      const self = await asAdmin.get(`/api/users/${admin.user.id}`).expect(200);
      const response = await asAdmin
        .put(`/api/users/${admin.user.id}`, { ...editable(self.body), disabled: true })
        .expect(400);
      expect(response.body.errors).toHaveProperty('disabled');
    });
  });

  describe('reset password', () => {
    it('sets a new password the user can log in with; the old one stops working', async () => {
      const user = await createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: abaiId });
      await asAdmin.post(`/api/users/${user.id}/reset-password`, { password: 'set-by-the-admin-2026' }).expect(200);
      await login(api.url, user.username, 'set-by-the-admin-2026');
      await expect(login(api.url, user.username, user.password)).rejects.toThrow(/401/);
    });

    it('refuses a short password: 400 errors.password', async () => {
      const response = await asAdmin
        .post(`/api/users/${admin.user.id}/reset-password`, { password: 'short' })
        .expect(400);
      expect(response.body.errors).toHaveProperty('password');
    });
  });

  describe('list', () => {
    const marker = `lst${Date.now().toString(36)}`;
    const made: CreatedUser[] = [];
    const list = (query: Record<string, unknown>) =>
      asAdmin
        .get('/api/users')
        .query(
          Object.fromEntries(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
        );

    beforeAll(async () => {
      // Three users found by one search term: two caseworkers of Pavlodar, one official of Abai (disabled).
      made.push(
        await createUser(api.url, admin.accessToken, {
          username: `${marker}.a`,
          role: 'caseworker',
          regionId: pavlodarId,
        }),
      );
      made.push(
        await createUser(api.url, admin.accessToken, {
          username: `${marker}.b`,
          role: 'caseworker',
          regionId: pavlodarId,
        }),
      );
      const c = await createUser(api.url, admin.accessToken, {
        username: `${marker}.c`,
        role: 'regional_official',
        regionId: abaiId,
      });
      await asAdmin
        .put(`/api/users/${c.id}`, {
          fullName: 'Test User',
          role: c.role,
          regionId: abaiId,
          disabled: true,
          version: c.version,
        })
        .expect(200);
      made.push(c);
    });

    it('pages, sorts and reports the total in Content-Range', async () => {
      const first = await list({ filter: { q: marker }, sort: ['username', 'ASC'], range: [0, 1] }).expect(200);
      expect(first.headers['content-range']).toBe('users 0-1/3');
      expect(first.body.map((u: { username: string }) => u.username)).toEqual([`${marker}.a`, `${marker}.b`]);

      const rest = await list({ filter: { q: marker }, sort: ['username', 'ASC'], range: [2, 3] }).expect(200);
      expect(rest.headers['content-range']).toBe('users 2-2/3');
      expect(rest.body.map((u: { username: string }) => u.username)).toEqual([`${marker}.c`]);

      const desc = await list({ filter: { q: marker }, sort: ['username', 'DESC'], range: [0, 9] }).expect(200);
      expect(desc.body.map((u: { username: string }) => u.username)).toEqual([
        `${marker}.c`,
        `${marker}.b`,
        `${marker}.a`,
      ]);
    });

    it('counts every user in the total, not just the page', async () => {
      const total = await scalar(api.databaseUrl, 'SELECT count(*)::int FROM app_user');
      const response = await list({ range: [0, 1] }).expect(200);
      expect(response.headers['content-range']).toBe(`users 0-1/${total}`);
      expect(response.body).toHaveLength(2);
    });

    // Region ids are known only once the API runs, hence the functions.
    it.each<[string, () => Record<string, unknown>, string[]]>([
      ['role', () => ({ role: 'regional_official' }), ['c']],
      ['regionId', () => ({ regionId: abaiId }), ['c']],
      ['disabled', () => ({ disabled: true }), ['c']],
      ['disabled false', () => ({ disabled: false }), ['a', 'b']],
      ['role and regionId together', () => ({ role: 'caseworker', regionId: pavlodarId }), ['a', 'b']],
    ])('filters by %s', async (_name, extra, expected) => {
      const response = await list({ filter: { q: marker, ...extra() }, sort: ['username', 'ASC'] }).expect(200);
      expect(response.body.map((u: { username: string }) => u.username)).toEqual(expected.map((s) => `${marker}.${s}`));
      expect(response.headers['content-range']).toBe(`users 0-${expected.length - 1}/${expected.length}`);
    });

    it('searches names and usernames case-insensitively with q', async () => {
      const response = await list({ filter: { q: 'CASEWORKER.PAV' } }).expect(200);
      expect(response.body.map((u: { username: string }) => u.username)).toContain('caseworker.pavlodar');
      expect(response.body.map((u: { username: string }) => u.username)).not.toContain('caseworker.abai');
    });

    it.each([
      ['a field that cannot be sorted on', { sort: ['passwordHash', 'ASC'] }, 'sort'],
      ['a bad sort order', { sort: ['username', 'UP'] }, 'sort'],
      ['sort that is not JSON', { sort: 'username' }, 'sort'],
      ['a range that ends before it starts', { range: [5, 2] }, 'range'],
      ['a range of more than 500 rows', { range: [0, 1000] }, 'range'],
      ['a negative range', { range: [-1, 5] }, 'range'],
      ['an unknown filter', { filter: { password: 'x' } }, 'filter.password'],
      ['a bad role filter', { filter: { role: 'king' } }, 'filter.role'],
      ['a bad regionId filter', { filter: { regionId: 'abc' } }, 'filter.regionId'],
      ['a bad disabled filter', { filter: { disabled: 'maybe' } }, 'filter.disabled'],
    ])('refuses %s: 400 keyed by it', async (_name, query, key) => {
      const response = await list(query).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([key]);
    });
  });

  describe('auditor', () => {
    it('may list and show users', async () => {
      await request(api.url).get('/api/users').set(bearer(auditor.accessToken)).expect(200);
      await request(api.url).get(`/api/users/${admin.user.id}`).set(bearer(auditor.accessToken)).expect(200);
    });

    it('may not create, edit or reset a password (403), and nothing changes', async () => {
      const before = await writeCounts();
      const target = await request(api.url)
        .get(`/api/users/${admin.user.id}`)
        .set(bearer(auditor.accessToken))
        .expect(200);
      await request(api.url)
        .post('/api/users')
        .set(bearer(auditor.accessToken))
        .send({ username: uniqueUsername('by-auditor'), fullName: 'X', password: GOOD_PASSWORD, role: 'auditor' })
        .expect(403);
      await request(api.url)
        .put(`/api/users/${admin.user.id}`)
        .set(bearer(auditor.accessToken))
        .send({ ...editable(target.body), fullName: 'Renamed by auditor' })
        .expect(403);
      await request(api.url)
        .post(`/api/users/${admin.user.id}/reset-password`)
        .set(bearer(auditor.accessToken))
        .send({ password: GOOD_PASSWORD })
        .expect(403);
      const after = await writeCounts();
      expect({ users: after.users, versions: after.versions }).toEqual({
        users: before.users,
        versions: before.versions,
      });
      // Only the three refusals were written to the audit log.
      expect(after.audit - before.audit).toBe(3);
    });
  });

  it('writes nothing at all for a refused 400 or 409', async () => {
    const target = await createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
    const before = await writeCounts();
    await newUser({ role: 'caseworker' }).expect(400);
    await newUser({ role: 'caseworker', regionId: pavlodarId, password: 'short' }).expect(400);
    await newUser({ role: 'caseworker', regionId: pavlodarId, isAdmin: true }).expect(400);
    await newUser({ username: 'admin', role: 'auditor' }).expect(409);
    await asAdmin
      .put(`/api/users/${target.id}`, { ...editable({ ...target, fullName: 'X' }), username: 'x' })
      .expect(400);
    await asAdmin.put(`/api/users/${target.id}`, editable({ ...target, fullName: 'X', version: 99 })).expect(409);
    await asAdmin
      .put(`/api/users/${target.id}`, { ...editable({ ...target, fullName: 'X' }), regionId: 999_999 })
      .expect(400);
    await asAdmin.post(`/api/users/${target.id}/reset-password`, { password: 'short' }).expect(400);
    await asAdmin.get('/api/users').query({ sort: '["nope","ASC"]' }).expect(400);
    expect(await writeCounts()).toEqual(before);
  });

  it('never returns a password hash or a two-factor secret', async () => {
    const created = await newUser({ role: 'caseworker', regionId: pavlodarId }).expect(201);
    const responses = [
      created,
      await asAdmin.get('/api/users').query({ range: '[0,99]' }).expect(200),
      await asAdmin.get(`/api/users/${admin.user.id}`).expect(200),
      await asAdmin
        .put(`/api/users/${created.body.id}`, editable({ ...created.body, fullName: 'Renamed' }))
        .expect(200),
      await asAdmin.post(`/api/users/${created.body.id}/reset-password`, { password: GOOD_PASSWORD }).expect(200),
      await asAdmin.get('/api/auth/me').expect(200),
      await request(api.url)
        .post('/api/auth/login')
        .send({ username: 'caseworker.pavlodar', password: DEMO_PASSWORD })
        .expect(200),
    ];
    for (const response of responses) {
      const text = JSON.stringify(response.body);
      expect(text).not.toMatch(/passwordHash|password_hash|mfaSecret|mfa_secret|\$argon2/);
      expect(text).not.toContain(DEMO_TOTP_SECRET);
    }
  });
});
