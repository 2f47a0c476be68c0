import request from 'supertest';
import { addPeriod, todayInKazakhstan } from '@qonys/domain';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';
import { finished, pollRun } from '../support/job-runs';

type Quota = { id: number; reserved: number; balance: number };

/** The status clocks (docs/status-clocks.md): lapsed statuses end on their own; expiring ones are queued. */
describe('status clocks', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  const today = todayInKazakhstan();
  const yesterday = addPeriod(today, -1, 'calendar_days');

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'caseworker.pavlodar', 'official.pavlodar']) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
  });
  const quota = async (): Promise<Quota> => {
    const filter = encodeURIComponent(JSON.stringify({ year: 2026, regionId: pavlodarId, category: 'kandas' }));
    return (await as('admin').get(`/api/quotas?filter=${filter}`).expect(200)).body[0] as Quota;
  };
  const status = (id: number) => scalar<string>(api.databaseUrl, 'SELECT status FROM application WHERE id = $1', [id]);
  const setValidTo = (id: number, validTo: string) =>
    withDb(api.databaseUrl, (db) =>
      db.query('UPDATE application SET status_valid_to = $2 WHERE id = $1', [id, validTo]),
    );
  const runExpiry = async () => {
    const created = await as('admin').post('/api/jobs/status-expiry/runs', {}).expect(201);
    const run = await pollRun(api.url, s.admin, created.body.id as string, finished);
    expect(run).toMatchObject({ state: 'completed', error: null });
    return run.result as { expired: number; applicationIds: number[] };
  };

  /** An approved Pavlodar family of `size`, included in the 2026 quota (places reserved, settlement planned). */
  async function includedFamily(size: number): Promise<number> {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: Array.from({ length: size }, (_, n) => ({ surname: 'Мерзімов', givenName: `Бала${n}` })),
    });
    const created = await as('caseworker.pavlodar')
      .post('/api/inclusion-requests', {
        applicationId: family.id,
        year: 2026,
        preferredRegionIds: [pavlodarId],
        consent: true,
      })
      .expect(201);
    await as('official.pavlodar')
      .post(`/api/inclusion-requests/${created.body.id}/decision`, {
        decision: 'include',
        version: created.body.version,
      })
      .expect(200);
    return family.id;
  }

  it('ends a status whose last day has passed: case expired, places released, timeline and audit say so, once', async () => {
    const included = await includedFamily(3);
    const lapsed = (await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId })).id;
    const lastDayToday = (await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId })).id;
    await setValidTo(included, yesterday);
    await setValidTo(lapsed, '2025-01-31');
    await setValidTo(lastDayToday, today);
    const before = await quota();

    const result = await runExpiry();
    expect(result.applicationIds).toEqual(expect.arrayContaining([included, lapsed]));
    expect(result.applicationIds).not.toContain(lastDayToday);
    expect(await status(included)).toBe('expired');
    expect(await status(lapsed)).toBe('expired');
    expect(await status(lastDayToday)).toBe('approved');

    // The three reserved places go back to the quota, and the planned settlement is cancelled.
    const after = await quota();
    expect(after.reserved).toBe(before.reserved - 3);
    expect(after.balance).toBe(before.balance + 3);
    expect(
      await scalar<string>(api.databaseUrl, 'SELECT status FROM settlement WHERE application_id = $1', [included]),
    ).toBe('cancelled');
    expect(
      await scalar<number>(
        api.databaseUrl,
        'SELECT count(*)::int FROM application_member WHERE application_id = $1 AND active',
        [included],
      ),
    ).toBe(0);

    // The timeline tells the reader, in their language, that the status lapsed on its own.
    const timeline = await as('caseworker.pavlodar').get(`/api/applications/${included}/timeline`).expect(200);
    const expiry = (timeline.body as { transition: string }[]).find((event) => event.transition === 'expire');
    expect(expiry).toMatchObject({
      actorId: null,
      data: { message: { code: 'timeline.status_lapsed', params: { date: yesterday } } },
    });
    // The audit log has the system's transition, with no staff actor.
    const audited = await withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{ actor_id: number | null; changes: Record<string, { after: unknown }> }>(
            `SELECT actor_id, changes FROM audit_event
            WHERE entity_type = 'application' AND entity_id = $1 AND action = 'application.transition'`,
            [String(included)],
          )
        ).rows,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor_id: null, changes: { status: { after: 'expired' } } });

    // A second run finds nothing left to do and changes nothing.
    const again = await runExpiry();
    expect(again.applicationIds).not.toContain(included);
    expect(again.applicationIds).not.toContain(lapsed);
    expect((await quota()).reserved).toBe(after.reserved);
  });

  it('is run by an admin only', async () => {
    await as('caseworker.pavlodar').post('/api/jobs/status-expiry/runs', {}).expect(403);
    const jobs = await as('admin').get('/api/jobs').expect(200);
    expect(jobs.body).toContainEqual(expect.objectContaining({ name: 'status-expiry', schedule: '10 19 * * *' }));
  });

  it('queues the statuses whose extension window is open, and only those', async () => {
    const expiring = (await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId })).id;
    const farOff = (await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId })).id;
    await setValidTo(expiring, addPeriod(today, 2, 'months'));
    await setValidTo(farOff, addPeriod(today, 3, 'years'));
    const filter = encodeURIComponent(JSON.stringify({ queue: 'status_expiring' }));
    const page = await as('caseworker.pavlodar').get(`/api/applications?filter=${filter}&range=[0,99]`).expect(200);
    const listed = (page.body as { id: number; status: string }[]).map((row) => row.id);
    expect(listed).toContain(expiring);
    expect(listed).not.toContain(farOff);
    expect((page.body as { status: string }[]).every((row) => row.status === 'approved')).toBe(true);
    // Within the window the caseworker may extend it.
    const detail = await as('caseworker.pavlodar').get(`/api/applications/${expiring}`).expect(200);
    await as('caseworker.pavlodar')
      .post(`/api/applications/${expiring}/transitions`, {
        to: 'approved',
        comment: 'Extension asked for',
        version: detail.body.version,
      })
      .expect(200);
  });
});
