import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_USERNAMES, login, type Session } from '../support/auth';

/**
 * `npm start` without DATABASE_URL: PGlite under DATA_DIR, migrated and seeded on the
 * first start, kept across a restart. JWT_SECRET is left unset as a newcomer would, so
 * the secret generated beside the data must survive the restart too. LOG_LEVEL is
 * `npm start`'s default (info), where the applied migrations are reported.
 */
describe('embedded database (no DATABASE_URL)', () => {
  const EMBEDDED_ENV = { JWT_SECRET: '', DEMO_DATA: '', LOG_LEVEL: 'info' };
  let dataDir: string;
  let api: RunningApi | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'qonys-embedded-'));
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const listUsernames = async (session: Session) => {
    const response = await request(api!.url)
      .get('/api/users')
      .query({ range: '[0,99]' })
      .set(bearer(session.accessToken))
      .expect(200);
    return {
      total: response.headers['content-range'],
      usernames: (response.body as { username: string }[]).map((u) => u.username),
    };
  };

  const created = { username: 'caseworker.embedded', password: 'kept-across-restarts' };
  let adminSession: Session;

  it('boots on PGlite from an empty data folder, migrates, seeds the demo users and serves a login', async () => {
    expect(readdirSync(dataDir)).toEqual([]);
    api = await startApi(EMBEDDED_ENV, { embeddedDataDir: dataDir });
    expect(api.databaseUrl).toBe('');
    const output = api.output();
    expect(output).toContain(`Database: embedded PostgreSQL (PGlite) in ${dataDir}`);
    expect(output).toMatch(/migrations applied: Foundation1764000000000/);
    expect(output).toMatch(
      /created now: admin, auditor, caseworker\.pavlodar, official\.pavlodar, caseworker\.abai, official\.abai/,
    );
    expect(readdirSync(dataDir).sort()).toEqual(['jwt-secret', 'pgdata']);

    const caseworker = await login(api.url, 'caseworker.pavlodar');
    expect(caseworker.user).toMatchObject({ username: 'caseworker.pavlodar', role: 'caseworker' });
    const regions = await request(api.url).get('/api/regions').set(bearer(caseworker.accessToken)).expect(200);
    expect(regions.headers['content-range']).toBe('regions 0-19/20');
  });

  it('takes a write (an admin creates a user)', async () => {
    adminSession = await login(api!.url, 'admin');
    const pavlodar = await request(api!.url)
      .get('/api/regions')
      .query({ filter: '{"code":"55"}' })
      .set(bearer(adminSession.accessToken))
      .expect(200);
    await request(api!.url)
      .post('/api/users')
      .set(bearer(adminSession.accessToken))
      .send({ ...created, fullName: 'Ендірілген Қызметкер', role: 'caseworker', regionId: pavlodar.body[0].id })
      .expect(201);
    const { usernames } = await listUsernames(adminSession);
    expect(usernames).toContain(created.username);
  });

  it('keeps the data across a restart on the same folder, without seeding the demo users twice', async () => {
    await api!.stop();
    api = undefined;
    api = await startApi(EMBEDDED_ENV, { embeddedDataDir: dataDir });
    const output = api.output();
    expect(output).toContain('(already present)');
    expect(output).not.toMatch(/migrations applied/);
    expect(output).not.toMatch(/created now/);

    // The access token issued before the restart still works: same secret, same session table.
    const { total, usernames } = await listUsernames(adminSession);
    expect(total).toBe(`users 0-${DEMO_USERNAMES.length}/${DEMO_USERNAMES.length + 1}`);
    expect([...usernames].sort()).toEqual([...DEMO_USERNAMES, created.username].sort());

    const session = await login(api.url, created.username, created.password);
    expect(session.user.username).toBe(created.username);
  });

  it('keeps an intact audit chain across the restart', async () => {
    const auditor = await login(api!.url, 'auditor');
    const response = await request(api!.url)
      .get('/api/audit-events/verify')
      .set(bearer(auditor.accessToken))
      .expect(200);
    expect(response.body).toMatchObject({ valid: true, firstBrokenId: null });
    // Six demo users, the created user, and the logins around them.
    expect(response.body.checked).toBeGreaterThanOrEqual(7);
  });
});
