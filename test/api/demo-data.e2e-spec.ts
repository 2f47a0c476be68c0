import { APPLICATION_STATUSES } from '@qonys/domain';
import request from 'supertest';
import { bearer, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

const FAMILIES = 300;

/**
 * The generated demo (docs/demo-data.md) as `npm start` loads it, here on a real
 * PostgreSQL database: one start with DEMO_FAMILIES, then what a user would see.
 */
describe('demo families', () => {
  let api: RunningApi;
  let admin: Session;
  let caseworker: Session;

  beforeAll(async () => {
    api = await startApi({ DEMO_FAMILIES: String(FAMILIES), DEMO_SEED: '7', DEMO_TODAY: '2026-11-20' });
    admin = await login(api.url, 'admin');
    caseworker = await login(api.url, 'caseworker.pavlodar');
  });
  afterAll(() => api?.stop());

  const get = (path: string, session = admin) => request(api.url).get(path).set(bearer(session.accessToken));
  const total = (contentRange: string) => Number(contentRange.split('/')[1]);

  // But naturalised: the demo records no citizenship steps yet (docs/demo-data.md).
  it('holds every status of the case workflow, each in the applications list', async () => {
    expect(await scalar(api.databaseUrl, 'SELECT count(*)::int FROM application')).toBe(FAMILIES);
    for (const status of APPLICATION_STATUSES.filter((s) => s !== 'naturalised')) {
      const response = await get(`/api/applications?filter=${JSON.stringify({ status })}&range=[0,9]`).expect(200);
      expect({ status, total: total(response.headers['content-range']) }).toEqual({
        status,
        total: expect.any(Number),
      });
      expect(total(response.headers['content-range'])).toBeGreaterThan(0);
    }
  });

  it('never over-allocates a quota, and its counters equal its reservations and ledger', async () => {
    const quotas = await withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{
            id: number;
            capacity: number;
            reserved: number;
            settled: number;
            r: number;
            s: number;
            lr: number;
            ls: number;
          }>(
            `SELECT q.id, q.capacity, q.reserved, q.settled,
                  (SELECT coalesce(sum(persons), 0)::int FROM reservation WHERE quota_id = q.id AND status = 'reserved') AS r,
                  (SELECT coalesce(sum(persons), 0)::int FROM reservation WHERE quota_id = q.id AND status = 'settled') AS s,
                  (SELECT coalesce(sum(reserved_delta), 0)::int FROM quota_ledger_entry WHERE quota_id = q.id) AS lr,
                  (SELECT coalesce(sum(settled_delta), 0)::int FROM quota_ledger_entry WHERE quota_id = q.id) AS ls
             FROM quota q`,
          )
        ).rows,
    );
    expect(quotas.reduce((n, q) => n + q.reserved + q.settled, 0)).toBeGreaterThan(0);
    for (const q of quotas) {
      expect(q.reserved + q.settled).toBeLessThanOrEqual(q.capacity);
      expect([q.reserved, q.settled]).toEqual([q.r, q.s]);
      expect([q.reserved, q.settled]).toEqual([q.lr, q.ls]);
    }
    const board = await get('/api/quotas?range=[0,99]').expect(200);
    expect(board.body.length).toBeGreaterThan(0);
  });

  it('continues the audit chain so that it verifies, with the case work on record', async () => {
    const verified = await get('/api/audit-events/verify').expect(200);
    expect(verified.body).toMatchObject({ valid: true, firstBrokenId: null });
    expect(verified.body.checked).toBeGreaterThan(FAMILIES * 5);
    const transitions = await get(
      `/api/audit-events?filter=${JSON.stringify({ action: 'application.transition' })}&range=[0,0]`,
    ).expect(200);
    expect(total(transitions.headers['content-range'])).toBeGreaterThan(FAMILIES);
  });

  it('answers the lists a user opens: cases of their region, persons, inclusion, settlements, dashboard', async () => {
    const mine = await get('/api/applications?range=[0,24]', caseworker).expect(200);
    expect(total(mine.headers['content-range'])).toBeGreaterThan(0);
    const pavlodar = await scalar<number>(api.databaseUrl, "SELECT id FROM region WHERE code = '55'");
    expect(mine.body.every((a: { regionId: number }) => a.regionId === pavlodar)).toBe(true);
    for (const path of ['/api/persons', '/api/inclusion-requests', '/api/settlements']) {
      const response = await get(`${path}?range=[0,24]`).expect(200);
      expect({ path, rows: response.body.length > 0 }).toEqual({ path, rows: true });
    }
    const withCase = await get(`/api/applications/${mine.body[0].id}`, caseworker).expect(200);
    expect(withCase.body.members.length).toBeGreaterThan(0);
    await get('/api/dashboard').expect(200);
  });

  it('loads the families once: a restart on the same database adds none', async () => {
    const before = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM application');
    const again = await startApi({ DEMO_FAMILIES: String(FAMILIES), DEMO_SEED: '7' }, api.databaseUrl);
    try {
      expect(await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM application')).toBe(before);
    } finally {
      await again.stop();
    }
  });
});
