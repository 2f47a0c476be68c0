import request from 'supertest';
import { bearer, createUser, type CreatedUser, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login, type Session, totp, unusedTotp, wrongTotp } from '../support/auth';

const GENERIC_FAILURE = 'Wrong username or password';

const loginRequest = (api: RunningApi, body: Record<string, unknown>) =>
  request(api.url).post('/api/auth/login').send(body);
const refreshRequest = (api: RunningApi, refreshToken: string) =>
  request(api.url).post('/api/auth/refresh').send({ refreshToken });
const me = (api: RunningApi, accessToken: string) => request(api.url).get('/api/auth/me').set(bearer(accessToken));

async function loginAs(api: RunningApi, user: { username: string; password: string }): Promise<Session> {
  const response = await loginRequest(api, { username: user.username, password: user.password }).expect(200);
  return response.body as Session;
}

describe('auth', () => {
  let api: RunningApi;
  let admin: Session;
  let pavlodarId: number;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const newCaseworker = () => createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });

  describe('login', () => {
    it('returns an access token, a refresh token, a device token and the user, and the access token works', async () => {
      const response = await loginRequest(api, { username: 'caseworker.pavlodar', password: DEMO_PASSWORD }).expect(
        200,
      );
      expect(Object.keys(response.body).sort()).toEqual(['accessToken', 'deviceToken', 'refreshToken', 'user']);
      expect(response.body.accessToken).toEqual(expect.any(String));
      expect(response.body.refreshToken).toEqual(expect.any(String));
      expect(response.body.user).toMatchObject({
        username: 'caseworker.pavlodar',
        role: 'caseworker',
        regionId: pavlodarId,
        mfaEnabled: false,
        mfaRequired: false,
      });
      const who = await me(api, response.body.accessToken).expect(200);
      expect(who.body.username).toBe('caseworker.pavlodar');
    });

    it('accepts the username in any case and with surrounding spaces', async () => {
      const response = await loginRequest(api, { username: '  Caseworker.Abai ', password: DEMO_PASSWORD }).expect(200);
      expect(response.body.user.username).toBe('caseworker.abai');
    });

    it('refuses a wrong password with 401 and the same message as for an unknown username', async () => {
      const user = await newCaseworker();
      const wrong = await loginRequest(api, { username: user.username, password: 'not-the-password-1' }).expect(401);
      const unknown = await loginRequest(api, { username: 'nobody.here', password: 'not-the-password-1' }).expect(401);
      expect(wrong.body.message).toBe(GENERIC_FAILURE);
      expect(unknown.body.message).toBe(GENERIC_FAILURE);
      for (const body of [wrong.body, unknown.body]) {
        expect(body).not.toHaveProperty('accessToken');
        expect(body).not.toHaveProperty('refreshToken');
      }
    });

    it('refuses a login body with an unknown field, keyed by that field', async () => {
      const response = await loginRequest(api, {
        username: 'caseworker.pavlodar',
        password: DEMO_PASSWORD,
        role: 'admin',
      }).expect(400);
      expect(response.body.errors).toHaveProperty('role');
    });

    it('asks an admin for the one-time code: 401 { mfaRequired: true } and no tokens', async () => {
      const response = await loginRequest(api, { username: 'admin', password: DEMO_PASSWORD }).expect(401);
      expect(response.body.mfaRequired).toBe(true);
      expect(response.body).not.toHaveProperty('accessToken');
      expect(response.body).not.toHaveProperty('refreshToken');
      // Already enrolled: the secret is never shown again.
      expect(response.body).not.toHaveProperty('mfaEnrolment');
    });

    it('refuses an admin with a wrong one-time code, and lets them in with the right one', async () => {
      const wrong = await loginRequest(api, { username: 'admin', password: DEMO_PASSWORD, otp: wrongTotp() }).expect(
        401,
      );
      expect(wrong.body).not.toHaveProperty('accessToken');
      const otp = await unusedTotp(`${api.url}|admin`);
      const right = await loginRequest(api, { username: 'admin', password: DEMO_PASSWORD, otp }).expect(200);
      expect(right.body.user.role).toBe('admin');
    });

    it('accepts a one-time code only once', async () => {
      const otp = await unusedTotp(`${api.url}|auditor`);
      await loginRequest(api, { username: 'auditor', password: DEMO_PASSWORD, otp }).expect(200);
      const replay = await loginRequest(api, { username: 'auditor', password: DEMO_PASSWORD, otp }).expect(401);
      expect(replay.body).not.toHaveProperty('accessToken');
    });

    it('does not ask for the one-time code before the password is right', async () => {
      const response = await loginRequest(api, { username: 'auditor', password: 'not-the-password-1' }).expect(401);
      expect(response.body.message).toBe(GENERIC_FAILURE);
      expect(response.body).not.toHaveProperty('mfaRequired');
    });

    it('enrols a new auditor on first login and hands out 10 recovery codes, each usable once', async () => {
      const auditor = await createUser(api.url, admin.accessToken, { role: 'auditor' });

      const first = await loginRequest(api, { username: auditor.username, password: auditor.password }).expect(401);
      expect(first.body.mfaRequired).toBe(true);
      const secret: string = first.body.mfaEnrolment.secret;
      expect(secret).toMatch(/^[A-Z2-7]+=*$/);
      expect(first.body.mfaEnrolment.otpauthUrl).toContain(`secret=${secret}`);
      expect(first.body.mfaEnrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

      const enrolled = await loginRequest(api, {
        username: auditor.username,
        password: auditor.password,
        otp: totp(secret),
      }).expect(200);
      const codes: string[] = enrolled.body.recoveryCodes;
      expect(codes).toHaveLength(10);
      expect(new Set(codes).size).toBe(10);
      expect(enrolled.body.user.mfaEnabled).toBe(true);

      // From now on the secret is not shown again.
      const again = await loginRequest(api, { username: auditor.username, password: auditor.password }).expect(401);
      expect(again.body.mfaRequired).toBe(true);
      expect(again.body).not.toHaveProperty('mfaEnrolment');

      const withCode = await loginRequest(api, {
        username: auditor.username,
        password: auditor.password,
        otp: codes[0],
      }).expect(200);
      expect(withCode.body.accessToken).toEqual(expect.any(String));
      expect(withCode.body).not.toHaveProperty('recoveryCodes');
      await loginRequest(api, { username: auditor.username, password: auditor.password, otp: codes[0] }).expect(401);
      await loginRequest(api, { username: auditor.username, password: auditor.password, otp: codes[1] }).expect(200);
    });
  });

  describe('refresh', () => {
    it('swaps a refresh token for a new pair that works', async () => {
      const session = await login(api.url, 'official.pavlodar');
      const rotated = await refreshRequest(api, session.refreshToken).expect(200);
      expect(rotated.body.refreshToken).not.toBe(session.refreshToken);
      expect(rotated.body.user.username).toBe('official.pavlodar');
      await me(api, rotated.body.accessToken).expect(200);
      await refreshRequest(api, rotated.body.refreshToken).expect(200);
    });

    it('replaying a replaced refresh token after the grace window ends the session, so the newest token fails too', async () => {
      const session = await login(api.url, 'official.abai');
      const rotated = await refreshRequest(api, session.refreshToken).expect(200);
      await withDb(api.databaseUrl, (db) =>
        db.query(`UPDATE auth_session SET rotated_at = now() - interval '1 hour' WHERE id = $1`, [
          session.refreshToken.split('.')[0],
        ]),
      );
      await refreshRequest(api, session.refreshToken).expect(401);
      await refreshRequest(api, rotated.body.refreshToken).expect(401);
      await me(api, rotated.body.accessToken).expect(401);
      const reuse = await withDb(api.databaseUrl, (db) =>
        db.query(`SELECT revoked_reason FROM auth_session WHERE id = $1`, [session.refreshToken.split('.')[0]]),
      );
      expect(reuse.rows[0].revoked_reason).toBe('refresh_token_reuse');
    });

    it('refuses a made-up refresh token', async () => {
      await refreshRequest(api, '00000000-0000-0000-0000-000000000000.bogus-secret').expect(401);
      await refreshRequest(api, 'not-a-token-at-all').expect(401);
    });
  });

  describe('logout', () => {
    it('ends the session at once: its access token and its refresh token stop working', async () => {
      const session = await login(api.url, 'caseworker.abai');
      await me(api, session.accessToken).expect(200);
      await request(api.url).post('/api/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
      await me(api, session.accessToken).expect(401);
      await refreshRequest(api, session.refreshToken).expect(401);
    });

    it("ends only that session: the user's other sessions stay open", async () => {
      const phone = await login(api.url, 'caseworker.abai');
      const desk = await login(api.url, 'caseworker.abai');
      await request(api.url).post('/api/auth/logout').send({ refreshToken: phone.refreshToken }).expect(204);
      await me(api, phone.accessToken).expect(401);
      await me(api, desk.accessToken).expect(200);
    });
  });

  describe('password change', () => {
    let user: CreatedUser;
    beforeAll(async () => {
      user = await newCaseworker();
    });

    it('refuses a wrong current password and a short new one, changing nothing', async () => {
      const session = await loginAs(api, user);
      const wrongCurrent = await request(api.url)
        .post('/api/auth/change-password')
        .set(bearer(session.accessToken))
        .send({ currentPassword: 'not-the-password-1', newPassword: 'a-brand-new-password' })
        .expect(400);
      expect(wrongCurrent.body.errors).toHaveProperty('currentPassword');
      const short = await request(api.url)
        .post('/api/auth/change-password')
        .set(bearer(session.accessToken))
        .send({ currentPassword: user.password, newPassword: 'short-pw' })
        .expect(400);
      expect(short.body.errors).toHaveProperty('newPassword');
      await me(api, session.accessToken).expect(200);
      await loginAs(api, user);
    });

    it('ends the other sessions at once, keeps the current one, and the new password works', async () => {
      const current = await loginAs(api, user);
      const other = await loginAs(api, user);
      const newPassword = 'a-brand-new-password-2026';
      await request(api.url)
        .post('/api/auth/change-password')
        .set(bearer(current.accessToken))
        .send({ currentPassword: user.password, newPassword })
        .expect(204);

      await me(api, other.accessToken).expect(401);
      await refreshRequest(api, other.refreshToken).expect(401);
      await me(api, current.accessToken).expect(200);
      await refreshRequest(api, current.refreshToken).expect(200);

      const old = await loginRequest(api, { username: user.username, password: user.password }).expect(401);
      expect(old.body.message).toBe(GENERIC_FAILURE);
      await loginAs(api, { username: user.username, password: newPassword });
    });
  });

  describe('disabling a user', () => {
    it('cuts off their access token and refresh token at once, and they cannot log in', async () => {
      const user = await newCaseworker();
      const session = await loginAs(api, user);
      await me(api, session.accessToken).expect(200);

      await request(api.url)
        .put(`/api/users/${user.id}`)
        .set(bearer(admin.accessToken))
        .send({
          fullName: 'Test User',
          role: 'caseworker',
          regionId: pavlodarId,
          disabled: true,
          version: user.version,
        })
        .expect(200);

      await me(api, session.accessToken).expect(401);
      await refreshRequest(api, session.refreshToken).expect(401);
      const again = await loginRequest(api, { username: user.username, password: user.password }).expect(401);
      expect(again.body.message).toBe(GENERIC_FAILURE);
      expect(again.body).not.toHaveProperty('accessToken');
    });
  });

  describe('GET /api/auth/me', () => {
    it("returns the caller's own account without secrets", async () => {
      const session = await login(api.url, 'official.pavlodar');
      const response = await me(api, session.accessToken).expect(200);
      expect(response.body).toEqual({
        id: session.user.id,
        username: 'official.pavlodar',
        fullName: expect.any(String),
        role: 'regional_official',
        regionId: pavlodarId,
        mfaEnabled: false,
        mfaRequired: false,
      });
    });

    it('answers 401 without a token', async () => {
      const response = await request(api.url).get('/api/auth/me').expect(401);
      expect(response.body).toMatchObject({ statusCode: 401, requestId: expect.any(String) });
    });
  });

  describe('audit of failures', () => {
    it('records failed logins, naming the account tried and why', async () => {
      const user = await newCaseworker();
      await loginRequest(api, { username: user.username, password: 'not-the-password-1' }).expect(401);
      await loginRequest(api, { username: 'ghost.user', password: 'not-the-password-1' }).expect(401);
      const auditor = await login(api.url, 'auditor');

      const forUser = await request(api.url)
        .get('/api/audit-events')
        .query({ filter: JSON.stringify({ action: 'auth.login_failed', entityId: String(user.id) }) })
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(forUser.body).toHaveLength(1);
      expect(forUser.body[0]).toMatchObject({
        action: 'auth.login_failed',
        entityType: 'user',
        actorId: user.id,
        actorUsername: user.username,
        changes: { reason: { before: null, after: 'wrong_password' } },
      });

      const ghost = await withDb(api.databaseUrl, (db) =>
        db.query(
          `SELECT changes FROM audit_event WHERE action = 'auth.login_failed' AND actor_username = 'ghost.user'`,
        ),
      );
      expect(ghost.rows).toEqual([{ changes: { reason: { before: null, after: 'unknown_user' } } }]);
    });

    it('records refused requests as access.denied, with who asked and for what', async () => {
      const caseworker = await login(api.url, 'caseworker.pavlodar');
      await request(api.url)
        .get('/api/users')
        .set(bearer(caseworker.accessToken))
        .set('x-request-id', 'refused-users-1')
        .expect(403);
      const rows = await withDb(api.databaseUrl, (db) =>
        db.query(
          `SELECT action, actor_username, actor_role, entity_type, changes FROM audit_event WHERE request_id = 'refused-users-1'`,
        ),
      );
      expect(rows.rows).toEqual([
        {
          action: 'access.denied',
          actor_username: 'caseworker.pavlodar',
          actor_role: 'caseworker',
          entity_type: 'users',
          changes: { request: { before: null, after: 'GET /api/users' } },
        },
      ]);
    });
  });
});

// Every attempt here comes from one address: its own block (accounts.e2e-spec) is kept out of the way.
describe('auth lockout (LOGIN_LOCK_THRESHOLD=3, LOGIN_LOCK_MINUTES=1)', () => {
  let api: RunningApi;
  let admin: Session;
  let pavlodarId: number;

  beforeAll(async () => {
    api = await startApi({ LOGIN_LOCK_THRESHOLD: '3', LOGIN_LOCK_MINUTES: '1', LOGIN_ADDRESS_FREE_FAILURES: '1000' });
    admin = await login(api.url, 'admin');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const newCaseworker = () => createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
  const attempt = (username: string, password: string) => loginRequest(api, { username, password });

  async function lockOut(user: CreatedUser): Promise<string> {
    await attempt(user.username, 'not-the-password-1').expect(401);
    await attempt(user.username, 'not-the-password-2').expect(401);
    const locked = await attempt(user.username, 'not-the-password-3').expect(423);
    return locked.body.lockedUntil as string;
  }

  it('locks the account after 3 wrong passwords: 423 with lockedUntil, then even the right password is refused', async () => {
    const user = await newCaseworker();
    const before = Date.now();
    const lockedUntil = await lockOut(user);
    const until = Date.parse(lockedUntil);
    expect(until).toBeGreaterThan(before);
    expect(until).toBeLessThanOrEqual(Date.now() + 2 * 60_000);

    const right = await attempt(user.username, user.password).expect(423);
    expect(right.body.lockedUntil).toBe(lockedUntil);
    expect(right.body).not.toHaveProperty('accessToken');
  });

  it('starts counting again after a successful login', async () => {
    const user = await newCaseworker();
    await attempt(user.username, 'not-the-password-1').expect(401);
    await attempt(user.username, 'not-the-password-2').expect(401);
    await attempt(user.username, user.password).expect(200);
    await attempt(user.username, 'not-the-password-3').expect(401);
    await attempt(user.username, 'not-the-password-4').expect(401);
    await attempt(user.username, user.password).expect(200);
  });

  it("is lifted by an admin's password reset", async () => {
    const user = await newCaseworker();
    await lockOut(user);
    const newPassword = 'reset-by-the-admin-2026';
    await request(api.url)
      .post(`/api/users/${user.id}/reset-password`)
      .set(bearer(admin.accessToken))
      .send({ password: newPassword })
      .expect(200);
    await attempt(user.username, newPassword).expect(200);
  });

  it('is lifted by itself once its time has passed', async () => {
    const user = await newCaseworker();
    await lockOut(user);
    await withDb(api.databaseUrl, (db) =>
      db.query(`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE key = $1`, [
        `account:${user.username}`,
      ]),
    );
    await attempt(user.username, user.password).expect(200);
  });

  it('records the lock in the audit log', async () => {
    const user = await newCaseworker();
    await lockOut(user);
    await attempt(user.username, user.password).expect(423);
    const reasons = await withDb(api.databaseUrl, (db) =>
      db.query(
        `SELECT changes->'reason'->>'after' AS reason FROM audit_event
          WHERE action = 'auth.login_failed' AND entity_id = $1 ORDER BY id`,
        [String(user.id)],
      ),
    );
    expect(reasons.rows.map((r: { reason: string }) => r.reason)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password; locked',
      'locked',
    ]);
  });
});

describe('auth rate limit (LOGIN_RATE_LIMIT_PER_MINUTE=5)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => api?.stop());

  it('answers the 6th login from the same address within a minute with 429, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      await loginRequest(api, { username: 'caseworker.pavlodar', password: DEMO_PASSWORD }).expect(200);
    }
    const limited = await loginRequest(api, { username: 'caseworker.pavlodar', password: DEMO_PASSWORD }).expect(429);
    expect(limited.body).toMatchObject({ statusCode: 429, requestId: expect.any(String) });
    expect(limited.body).not.toHaveProperty('accessToken');
  });
});
