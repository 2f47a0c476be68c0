import request from 'supertest';
import { bearer, createUser, type CreatedUser, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login, type Session, totp, unusedTotp } from '../support/auth';

/**
 * Accounts under attack and the second factor (docs/accounts.md): failures counted per
 * username, per address and per device; unknown usernames answered like real ones;
 * refresh tokens that survive two tabs and end a copied session; second-factor changes
 * that need the password; the two-factor policy per role.
 */

const WRONG = 'not-the-password-1';

const from = (address: string) => ({ 'x-forwarded-for': address });

/** The same statement under another address, so the tests' own failures never block each other. */
let nextAddress = 10;
const freshAddress = () => `198.51.100.${nextAddress++}`;

describe('login under attack (LOGIN_LOCK_THRESHOLD=3, LOGIN_ADDRESS_FREE_FAILURES=5)', () => {
  let api: RunningApi;
  let admin: Session;
  let pavlodarId: number;

  beforeAll(async () => {
    api = await startApi({ TRUST_PROXY: 'true', LOGIN_LOCK_THRESHOLD: '3', LOGIN_ADDRESS_FREE_FAILURES: '5' });
    admin = await login(api.url, 'admin');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const newCaseworker = () => createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
  const attempt = (address: string, body: Record<string, unknown>) =>
    request(api.url).post('/api/auth/login').set(from(address)).send(body);

  it('lets the owner in from their own device while an attacker has locked the account, and blocks the attacker', async () => {
    const owner = await newCaseworker();
    const first = await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(200);
    const deviceToken: string = first.body.deviceToken;

    const attacker = freshAddress();
    for (let i = 0; i < 2; i++) await attempt(attacker, { username: owner.username, password: WRONG }).expect(401);
    await attempt(attacker, { username: owner.username, password: WRONG }).expect(423);
    // Past its 5 free failures the address is blocked, before any password is checked.
    await attempt(attacker, { username: owner.username, password: WRONG }).expect(423);
    await attempt(attacker, { username: owner.username, password: WRONG }).expect(423);
    await attempt(attacker, { username: owner.username, password: WRONG }).expect(423);
    const blocked = await attempt(attacker, { username: owner.username, password: owner.password }).expect(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(blocked.body).toMatchObject({ code: 'auth.too_many_attempts', params: { seconds: retryAfter } });
    expect(blocked.body).not.toHaveProperty('accessToken');
    // The block is the attacker's address alone: another account from there is refused too.
    await attempt(attacker, { username: 'caseworker.pavlodar', password: DEMO_PASSWORD }).expect(429);

    // The owner, from another address, with the device token of their earlier login.
    const owned = await attempt(freshAddress(), {
      username: owner.username,
      password: owner.password,
      deviceToken,
    }).expect(200);
    expect(owned.body.user.username).toBe(owner.username);
    // A device the account never signed in from stays locked out, with the right password too.
    await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(423);
    // Nor does another user's device token open it.
    const other = await attempt(freshAddress(), { username: 'caseworker.abai', password: DEMO_PASSWORD }).expect(200);
    await attempt(freshAddress(), {
      username: owner.username,
      password: owner.password,
      deviceToken: other.body.deviceToken,
    }).expect(423);
  });

  it('locks a device token that goes on failing, without locking the account for its other devices', async () => {
    const owner = await newCaseworker();
    const phone = (await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(200))
      .body.deviceToken as string;
    const desk = (await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(200))
      .body.deviceToken as string;
    const address = freshAddress();
    for (let i = 0; i < 2; i++) {
      await attempt(address, { username: owner.username, password: WRONG, deviceToken: phone }).expect(401);
    }
    await attempt(address, { username: owner.username, password: WRONG, deviceToken: phone }).expect(423);
    await attempt(freshAddress(), { username: owner.username, password: owner.password, deviceToken: desk }).expect(
      200,
    );
    await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(200);
  });

  it('counts wrong passwords given again before a sensitive change, so a stolen session cannot guess freely', async () => {
    const owner = await newCaseworker();
    const session = (await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(200))
      .body;
    const again = (path: string, body: Record<string, unknown>) =>
      request(api.url).post(`/api/auth/${path}`).set(bearer(session.accessToken)).send(body);
    await again('mfa/setup', { password: WRONG }).expect(400);
    await again('change-password', { currentPassword: WRONG, newPassword: 'a-brand-new-password-1' }).expect(400);
    await again('mfa/setup', { password: WRONG }).expect(423);
    // Locked: the right password is refused too, here and at login from a new device.
    await again('mfa/setup', { password: owner.password }).expect(423);
    await attempt(freshAddress(), { username: owner.username, password: owner.password }).expect(423);
    const reasons = await withDb(api.databaseUrl, (db) =>
      db.query(
        `SELECT changes->'reason'->>'after' AS reason FROM audit_event
          WHERE action = 'auth.login_failed' AND entity_id = $1 ORDER BY id`,
        [String(owner.id)],
      ),
    );
    expect(reasons.rows.map((r: { reason: string }) => r.reason)).toEqual([
      'wrong_password_again',
      'wrong_password_again',
      'wrong_password_again; locked',
      'locked',
    ]);
  });

  it('answers an unknown username exactly as a real one: the same status, code and body, locked alike', async () => {
    const real = await newCaseworker();
    const shape = (body: Record<string, unknown>) => ({
      keys: Object.keys(body).sort(),
      statusCode: body.statusCode,
      code: body.code,
      // The lock's end differs by the milliseconds between the two requests.
      params: Object.keys(body.params as object),
    });
    const realAddress = freshAddress();
    const ghostAddress = freshAddress();
    for (const expected of [401, 401, 423, 423]) {
      const a = await attempt(realAddress, { username: real.username, password: WRONG }).expect(expected);
      const b = await attempt(ghostAddress, { username: `ghost.${real.username}`, password: WRONG }).expect(expected);
      expect(shape(b.body)).toEqual(shape(a.body));
    }
  });

  it('checks an unknown username against a dummy hash: it costs what a real one does over a locked one', async () => {
    const time = async (username: string, status: number): Promise<number> => {
      const started = process.hrtime.bigint();
      await attempt(freshAddress(), { username, password: WRONG }).expect(status);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    // A locked username is refused before any password check: the baseline without argon2.
    const locked = `locked.${Date.now()}`;
    for (const status of [401, 401, 423]) await time(locked, status);
    const rounds = 15;
    const reals = await Promise.all(Array.from({ length: rounds }, () => newCaseworker()));
    const times = { real: [] as number[], unknown: [] as number[], locked: [] as number[] };
    // Interleaved, each real try on a fresh account (no lock builds up), so load hits all three alike.
    for (let i = 0; i < rounds; i++) {
      times.real.push(await time(reals[i].username, 401));
      times.unknown.push(await time(`nobody.${i}.${locked}`, 401));
      times.locked.push(await time(locked, 423));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const [real, unknown, baseline] = [median(times.real), median(times.unknown), median(times.locked)];
    process.stdout.write(
      `login timing, median of ${rounds}: real ${real.toFixed(1)} ms, unknown ${unknown.toFixed(1)} ms, locked ${baseline.toFixed(1)} ms\n`,
    );
    // Without the dummy check an unknown username costs what a locked one does (ratio near 0).
    // A ratio of medians, not milliseconds: a loaded machine slows all three alike.
    const ratio = (unknown - baseline) / (real - baseline);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });
});

describe('refresh tokens', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.stop());

  const refresh = (refreshToken: string) => request(api.url).post('/api/auth/refresh').send({ refreshToken });
  const me = (accessToken: string) => request(api.url).get('/api/auth/me').set(bearer(accessToken));
  const sessionOf = (token: string) => token.split('.')[0];

  it('lets two tabs refresh with the same token at once: both get the same new refresh token, and the session lives on', async () => {
    const session = await login(api.url, 'caseworker.pavlodar');
    const answers = await Promise.all([
      refresh(session.refreshToken),
      refresh(session.refreshToken),
      refresh(session.refreshToken),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const refreshTokens = new Set(answers.map((a) => a.body.refreshToken as string));
    expect(refreshTokens.size).toBe(1);
    for (const answer of answers) await me(answer.body.accessToken).expect(200);
    await refresh([...refreshTokens][0]).expect(200);
    const revoked = await scalar<string | null>(
      api.databaseUrl,
      `SELECT revoked_reason FROM auth_session WHERE id = $1`,
      [sessionOf(session.refreshToken)],
    );
    expect(revoked).toBeNull();
  });

  it('ends the session when a refresh token two rotations old comes back, and audits it', async () => {
    const session = await login(api.url, 'official.pavlodar');
    const second = await refresh(session.refreshToken).expect(200);
    const third = await refresh(second.body.refreshToken).expect(200);
    await refresh(session.refreshToken).expect(401);
    await refresh(third.body.refreshToken).expect(401);
    await me(third.body.accessToken).expect(401);
    const rows = await withDb(api.databaseUrl, (db) =>
      db.query(
        `SELECT s.revoked_reason, (SELECT count(*)::int FROM audit_event e
                                   WHERE e.action = 'auth.refresh_token_reused' AND e.changes->'session'->>'after' = s.id::text) AS audited
           FROM auth_session s WHERE s.id = $1`,
        [sessionOf(session.refreshToken)],
      ),
    );
    expect(rows.rows).toEqual([{ revoked_reason: 'refresh_token_reuse', audited: 1 }]);
  });

  it('refuses a made-up token of a real session without ending that session', async () => {
    const session = await login(api.url, 'caseworker.abai');
    await refresh(`${sessionOf(session.refreshToken)}.0.${'A'.repeat(43)}`).expect(401);
    await refresh(`${sessionOf(session.refreshToken)}.7.${'A'.repeat(43)}`).expect(401);
    await refresh(session.refreshToken).expect(200);
  });
});

describe('the second factor and its policy', () => {
  let api: RunningApi;
  let admin: Session;
  let pavlodarId: number;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const post = (path: string, token: string, body: Record<string, unknown>) =>
    request(api.url).post(`/api/auth/${path}`).set(bearer(token)).send(body);
  const loginBody = (body: Record<string, unknown>) => request(api.url).post('/api/auth/login').send(body);
  const auditActions = (userId: number) =>
    withDb(api.databaseUrl, async (db) =>
      (
        await db.query(
          `SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 AND action LIKE 'auth.mfa_%' ORDER BY id`,
          [String(userId)],
        )
      ).rows.map((r: { action: string }) => r.action),
    );

  async function signIn(user: CreatedUser, otp?: string): Promise<Session> {
    return (await loginBody({ username: user.username, password: user.password, ...(otp ? { otp } : {}) }).expect(200))
      .body;
  }

  it('sets up, replaces and turns off the second factor only with the password, auditing each change', async () => {
    const user = await createUser(api.url, admin.accessToken, { role: 'caseworker', regionId: pavlodarId });
    const session = await signIn(user);

    const missing = await post('mfa/setup', session.accessToken, {}).expect(400);
    expect(missing.body.errors).toHaveProperty('password');
    const wrong = await post('mfa/setup', session.accessToken, { password: WRONG }).expect(400);
    expect(wrong.body.errorCodes.password.code).toBe('auth.current_password_wrong');

    const setup = await post('mfa/setup', session.accessToken, { password: user.password }).expect(200);
    const secret: string = setup.body.secret;
    const code = await unusedTotp(`${api.url}|${user.username}`, secret);
    await post('mfa/enable', session.accessToken, { password: WRONG, otp: code }).expect(400);
    const enabled = await post('mfa/enable', session.accessToken, { password: user.password, otp: code }).expect(200);
    expect(enabled.body.recoveryCodes).toHaveLength(10);
    await loginBody({ username: user.username, password: user.password }).expect(401);

    // A replacement: the old authenticator works until the new one is confirmed.
    await post('mfa/setup', session.accessToken, { password: WRONG }).expect(400);
    const replacement = await post('mfa/setup', session.accessToken, { password: user.password }).expect(200);
    const newSecret: string = replacement.body.secret;
    expect(newSecret).not.toBe(secret);
    // Both the secret in use and the one waiting for its first code are stored sealed.
    const stored = await withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{ mfa_secret: string; mfa_pending_secret: string }>(
            'SELECT mfa_secret, mfa_pending_secret FROM app_user WHERE id = $1',
            [user.id],
          )
        ).rows[0],
    );
    expect(stored.mfa_secret).toMatch(/^v1:e2e:/);
    expect(stored.mfa_pending_secret).toMatch(/^v1:e2e:/);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(newSecret);
    await signIn(user, await unusedTotp(`${api.url}|${user.username}`, secret));
    const newCodes = `${api.url}|${user.username}|new`;
    await post('mfa/enable', session.accessToken, {
      password: user.password,
      otp: await unusedTotp(newCodes, newSecret),
    }).expect(200);
    await signIn(user, await unusedTotp(newCodes, newSecret));

    const wrongOff = await post('mfa/disable', session.accessToken, { password: WRONG }).expect(400);
    expect(wrongOff.body.errors).toHaveProperty('password');
    await post('mfa/disable', session.accessToken, { password: user.password }).expect(204);
    await signIn(user);
    await post('mfa/disable', session.accessToken, { password: user.password }).expect(409);

    expect(await auditActions(user.id)).toEqual(['auth.mfa_enrolled', 'auth.mfa_changed', 'auth.mfa_removed']);
  });

  it('lists the policy of every role, relaxed by the demo for the roles without a printed TOTP secret', async () => {
    const policies = await request(api.url).get('/api/mfa-policies').set(bearer(admin.accessToken)).expect(200);
    const required = Object.fromEntries(
      (policies.body as { role: string; mfaRequired: boolean }[]).map((p) => [p.role, p.mfaRequired]),
    );
    expect(required).toEqual({
      admin: true,
      auditor: true,
      caseworker: false,
      regional_official: false,
      provider_staff: false,
    });
  });

  it("makes a role's users enrol at their next login once an admin requires it, and keeps them from turning it off", async () => {
    const user = await createUser(api.url, admin.accessToken, { role: 'regional_official', regionId: pavlodarId });
    const policies = await request(api.url)
      .get('/api/mfa-policies')
      .query({ filter: JSON.stringify({ role: 'regional_official' }) })
      .set(bearer(admin.accessToken))
      .expect(200);
    const policy = policies.body[0] as { id: number; version: number; source: string };
    await request(api.url)
      .put(`/api/mfa-policies/${policy.id}`)
      .set(bearer(admin.accessToken))
      .send({
        role: 'regional_official',
        mfaRequired: true,
        source: 'Security review 2026',
        validFrom: null,
        validTo: null,
        version: policy.version,
      })
      .expect(200);
    const audited = await scalar<number>(
      api.databaseUrl,
      `SELECT count(*)::int FROM audit_event WHERE action = 'mfa_policy.update' AND entity_id = $1 AND actor_username = 'admin'`,
      [String(policy.id)],
    );
    expect(audited).toBe(1);

    const first = await loginBody({ username: user.username, password: user.password }).expect(401);
    expect(first.body.mfaRequired).toBe(true);
    const secret: string = first.body.mfaEnrolment.secret;
    const enrolled = await signIn(user, totp(secret));
    expect(enrolled.user).toMatchObject({ mfaEnabled: true, mfaRequired: true });
    const off = await post('mfa/disable', enrolled.accessToken, { password: user.password }).expect(409);
    expect(off.body.code).toBe('auth.mfa_required_for_role');
    await request(api.url)
      .get('/api/auth/me')
      .set(bearer(enrolled.accessToken))
      .expect(200)
      .expect((r) => {
        expect(r.body.mfaRequired).toBe(true);
      });
  });
});
