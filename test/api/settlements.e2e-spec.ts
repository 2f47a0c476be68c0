import request from 'supertest';
import { todayInKazakhstan } from '@qonys/domain';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';

type Quota = { id: number; capacity: number; reserved: number; settled: number; balance: number; version: number };

describe('settlements', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let abaiId: number;

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'caseworker.pavlodar', 'official.pavlodar', 'official.abai', 'caseworker.abai']) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
    put: (path: string, body: object) => request(api.url).put(path).set(bearer(s[who].accessToken)).send(body),
  });
  const quota = async (regionId: number): Promise<Quota> => {
    const filter = encodeURIComponent(JSON.stringify({ year: 2026, regionId, category: 'kandas' }));
    return (await as('admin').get(`/api/quotas?filter=${filter}`).expect(200)).body[0] as Quota;
  };

  /** An approved Pavlodar family of `size`, included in Pavlodar's 2026 quota; its planned settlement. */
  async function includedFamily(size: number) {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: Array.from({ length: size }, (_, n) => ({ surname: 'Қоныстанов', givenName: `Бала${n}` })),
    });
    const created = await as('caseworker.pavlodar')
      .post('/api/inclusion-requests', {
        applicationId: family.id,
        year: 2026,
        preferredRegionIds: [pavlodarId, abaiId],
        consent: true,
        relativesRegionIds: [abaiId],
        adaptationServices: ['language_course', 'job_placement'],
        adaptationNotes: 'Needs Kazakh classes',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      status: 'submitted',
      persons: size,
      regionId: pavlodarId,
      caseRegionId: pavlodarId,
    });
    expect(created.body.deadlineDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await as('official.pavlodar')
      .post(`/api/inclusion-requests/${created.body.id}/decision`, {
        decision: 'include',
        version: created.body.version,
      })
      .expect(200);
    const filter = encodeURIComponent(JSON.stringify({ applicationId: family.id }));
    const list = await as('official.pavlodar').get(`/api/settlements?filter=${filter}`).expect(200);
    expect(list.body).toHaveLength(1);
    return { applicationId: family.id, requestId: created.body.id as number, settlement: list.body[0] };
  }

  it('creates a planned settlement when a family is included, in the reservation region', async () => {
    const before = await quota(pavlodarId);
    const { settlement } = await includedFamily(3);
    expect(settlement).toMatchObject({ status: 'planned', regionId: pavlodarId, persons: 3, year: 2026, version: 1 });
    expect(await quota(pavlodarId)).toMatchObject({ reserved: before.reserved + 3, balance: before.balance - 3 });
  });

  it('records district, housing and planned arrival; refuses the region field (400 unknown field)', async () => {
    const { settlement } = await includedFamily(1);
    const edit = {
      district: 'Ekibastuz',
      locality: 'Ekibastuz',
      housing: 'adaptation_centre',
      plannedArrival: '2026-12-01',
    };
    const refused = await as('official.pavlodar')
      .put(`/api/settlements/${settlement.id}`, { ...edit, regionId: abaiId, version: 1 })
      .expect(400);
    expect(refused.body.errors).toHaveProperty('regionId');
    const saved = await as('official.pavlodar')
      .put(`/api/settlements/${settlement.id}`, { ...edit, version: 1 })
      .expect(200);
    expect(saved.body).toMatchObject({ ...edit, regionId: pavlodarId, version: 2 });
    await as('official.pavlodar')
      .put(`/api/settlements/${settlement.id}`, { ...edit, version: 1 })
      .expect(409);
    await as('official.pavlodar')
      .put(`/api/settlements/${settlement.id}`, { ...edit, housing: 'tent', version: 2 })
      .expect(400);
    // Another region's official does not see it; a caseworker reads but does not edit.
    await as('official.abai').get(`/api/settlements/${settlement.id}`).expect(404);
    await as('caseworker.pavlodar').get(`/api/settlements/${settlement.id}`).expect(200);
    await as('caseworker.pavlodar')
      .put(`/api/settlements/${settlement.id}`, { ...edit, version: 2 })
      .expect(403);
  });

  it('confirms arrival: the reservation moves to settled (settled +n, reserved −n)', async () => {
    const { settlement, applicationId } = await includedFamily(4);
    const before = await quota(pavlodarId);
    await as('official.pavlodar')
      .post(`/api/settlements/${settlement.id}/arrival`, { actualArrival: '2099-01-01', version: 1 })
      .expect(400);
    const arrived = await as('official.pavlodar')
      .post(`/api/settlements/${settlement.id}/arrival`, { actualArrival: todayInKazakhstan(), version: 1 })
      .expect(200);
    expect(arrived.body).toMatchObject({
      status: 'arrived',
      actualArrival: todayInKazakhstan(),
      confirmedBy: s['official.pavlodar'].user.id,
    });
    expect(await quota(pavlodarId)).toMatchObject({
      reserved: before.reserved - 4,
      settled: before.settled + 4,
      balance: before.balance,
    });
    expect(
      await scalar(api.databaseUrl, `SELECT status FROM reservation WHERE application_id = $1`, [applicationId]),
    ).toBe('settled');
    const ledger = await as('admin')
      .get(`/api/quotas/${before.id}/ledger?sort=${encodeURIComponent('["id","DESC"]')}`)
      .expect(200);
    expect(ledger.body[0]).toMatchObject({ kind: 'settle', reservedDelta: -4, settledDelta: 4 });
    // Arrived is final.
    await as('official.pavlodar')
      .post(`/api/settlements/${settlement.id}/arrival`, { actualArrival: todayInKazakhstan(), version: 2 })
      .expect(409);
    const timeline = await withDb(api.databaseUrl, async (db) =>
      (
        await db.query<{ transition: string }>(
          'SELECT transition FROM application_event WHERE application_id = $1 ORDER BY id',
          [applicationId],
        )
      ).rows.map((r) => r.transition),
    );
    expect(timeline).toEqual(['inclusion.request', 'inclusion.include', 'settlement.arrival']);
  });

  // An admin moves directly; a regional official asks the other region (transfers.e2e-spec.ts).
  it('moves a family only by a new reservation: old released, new reserved, old settlement cancelled', async () => {
    const { settlement, applicationId } = await includedFamily(2);
    const [pavlodarBefore, abaiBefore] = [await quota(pavlodarId), await quota(abaiId)];
    await as('admin')
      .post(`/api/settlements/${settlement.id}/move`, { regionId: abaiId, reason: '', version: 1 })
      .expect(400);
    const moved = await as('admin')
      .post(`/api/settlements/${settlement.id}/move`, {
        regionId: abaiId,
        reason: 'Relatives in Semey offer housing',
        version: 1,
      })
      .expect(200);
    expect(moved.body).toMatchObject({ status: 'planned', regionId: abaiId, persons: 2 });
    expect(moved.body.id).not.toBe(settlement.id);
    expect(await quota(pavlodarId)).toMatchObject({ reserved: pavlodarBefore.reserved - 2 });
    expect(await quota(abaiId)).toMatchObject({ reserved: abaiBefore.reserved + 2 });
    const reservations = await withDb(api.databaseUrl, async (db) =>
      (
        await db.query<{ status: string }>('SELECT status FROM reservation WHERE application_id = $1 ORDER BY id', [
          applicationId,
        ])
      ).rows.map((r) => r.status),
    );
    expect(reservations).toEqual(['released', 'reserved']);
    expect((await as('admin').get(`/api/settlements/${settlement.id}`).expect(200)).body.status).toBe('cancelled');
    // The new region's official now sees it; the old one no longer may act on it.
    await as('official.abai').get(`/api/settlements/${moved.body.id}`).expect(200);
    await as('official.pavlodar').get(`/api/settlements/${moved.body.id}`).expect(404);
  });

  it('refuses a move into a full quota (409) and changes nothing', async () => {
    const { settlement, applicationId } = await includedFamily(2);
    const westId = await regionIdByCode(api.databaseUrl, '27');
    await withDb(api.databaseUrl, (db) =>
      db.query(`UPDATE quota SET reserved = capacity WHERE year = 2026 AND category = 'kandas' AND region_id = $1`, [
        westId,
      ]),
    );
    const before = await quota(pavlodarId);
    await as('admin')
      .post(`/api/settlements/${settlement.id}/move`, {
        regionId: westId,
        reason: 'Try',
        // West Kazakhstan is not among the family's preferences (docs/transfers.md).
        consentDate: '2026-05-04',
        consentDocument: 'Statement 12',
        version: 1,
      })
      .expect(409);
    expect(await quota(pavlodarId)).toMatchObject({ reserved: before.reserved, version: before.version });
    expect(
      await scalar(api.databaseUrl, `SELECT count(*)::int FROM reservation WHERE application_id = $1`, [applicationId]),
    ).toBe(1);
    expect((await as('admin').get(`/api/settlements/${settlement.id}`).expect(200)).body).toMatchObject({
      status: 'planned',
      version: 1,
    });
  });

  it('refuses inclusion without consent, for a case not approved, and refuses with a reason', async () => {
    const family = await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId });
    const body = { applicationId: family.id, year: 2026, preferredRegionIds: [pavlodarId], consent: false };
    await as('caseworker.pavlodar').post('/api/inclusion-requests', body).expect(400);
    await as('caseworker.pavlodar')
      .post('/api/inclusion-requests', {
        ...body,
        consent: true,
        preferredRegionIds: [await regionIdByCode(api.databaseUrl, '75')],
      })
      .expect(400);
    await as('caseworker.abai')
      .post('/api/inclusion-requests', { ...body, consent: true })
      .expect(404);
    const created = await as('caseworker.pavlodar')
      .post('/api/inclusion-requests', { ...body, consent: true })
      .expect(201);
    await as('official.abai')
      .post(`/api/inclusion-requests/${created.body.id}/decision`, { decision: 'refuse', reason: 'x', version: 1 })
      .expect(404);
    await as('official.pavlodar')
      .post(`/api/inclusion-requests/${created.body.id}/decision`, { decision: 'refuse', version: 1 })
      .expect(400);
    const before = await quota(pavlodarId);
    const refused = await as('official.pavlodar')
      .post(`/api/inclusion-requests/${created.body.id}/decision`, {
        decision: 'refuse',
        reason: 'Incomplete adaptation plan',
        version: 1,
      })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: 'Incomplete adaptation plan' });
    expect(await quota(pavlodarId)).toMatchObject({ reserved: before.reserved });
  });

  it('releases the places when the case ends (status revoked)', async () => {
    const { applicationId, settlement } = await includedFamily(3);
    const before = await quota(pavlodarId);
    const ground = await scalar(api.databaseUrl, `SELECT id FROM legal_ground WHERE kind = 'revoke' LIMIT 1`);
    const version = await scalar(api.databaseUrl, 'SELECT version FROM application WHERE id = $1', [applicationId]);
    const revoked = await as('admin')
      .post(`/api/applications/${applicationId}/transitions`, {
        to: 'revoked',
        legalGroundId: ground,
        comment: 'False information',
        version,
      })
      .expect((r) => expect([r.status, r.body.message]).toEqual([200, undefined]));
    expect(revoked.body.status).toBe('revoked');
    expect(await quota(pavlodarId)).toMatchObject({ reserved: before.reserved - 3 });
    expect((await as('admin').get(`/api/settlements/${settlement.id}`).expect(200)).body.status).toBe('cancelled');
    expect(
      await scalar(api.databaseUrl, `SELECT status FROM inclusion_request WHERE application_id = $1`, [applicationId]),
    ).toBe('withdrawn');
  });
});
