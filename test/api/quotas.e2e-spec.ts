import request from 'supertest';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';

type QuotaRow = {
  id: number;
  year: number;
  regionId: number;
  category: string;
  unit: string;
  capacity: number;
  reserved: number;
  settled: number;
  balance: number;
  legalAct: string;
  version: number;
};

describe('quotas', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let abaiId: number;

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'auditor', 'caseworker.pavlodar', 'official.pavlodar', 'official.abai']) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
  });
  const list = (who: string, filter: object) =>
    as(who).get(
      `/api/quotas?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,99]')}`,
    );
  const quotaOf = async (year: number, regionId: number, category = 'kandas'): Promise<QuotaRow> => {
    const response = await list('admin', { year, regionId, category }).expect(200);
    expect(response.body).toHaveLength(1);
    return response.body[0] as QuotaRow;
  };

  describe('GET /quotas', () => {
    it('serves the seeded 2026 kandas quota: Pavlodar 977 persons, 2,281 nationally', async () => {
      const response = await list('caseworker.pavlodar', { year: 2026, category: 'kandas' }).expect(200);
      const rows = response.body as QuotaRow[];
      expect(response.headers['content-range']).toBe('quotas 0-7/8');
      expect(rows.reduce((sum, q) => sum + q.capacity, 0)).toBe(2281);
      const pavlodar = rows.find((q) => q.regionId === pavlodarId)!;
      expect(pavlodar).toMatchObject({ year: 2026, category: 'kandas', unit: 'persons', capacity: 977 });
      expect(pavlodar.legalAct).toContain('431');
    });

    it('serves 2025 (2,309 persons, Pavlodar 1,056) and the 2026 resettler quota (5,997)', async () => {
      const kandas2025 = (await list('admin', { year: 2025, category: 'kandas' }).expect(200)).body as QuotaRow[];
      expect(kandas2025.reduce((sum, q) => sum + q.capacity, 0)).toBe(2309);
      expect(kandas2025.find((q) => q.regionId === pavlodarId)!.capacity).toBe(1056);
      const resettlers = (await list('admin', { year: 2026, category: 'resettler' }).expect(200)).body as QuotaRow[];
      expect(resettlers.reduce((sum, q) => sum + q.capacity, 0)).toBe(5997);
    });

    it('shows every region to a regional official: quota figures are not personal data', async () => {
      const rows = (await list('official.pavlodar', { year: 2026, category: 'kandas' }).expect(200)).body as QuotaRow[];
      expect(rows.map((q) => q.regionId)).toContain(abaiId);
      const abai = rows.find((q) => q.regionId === abaiId)!;
      await as('official.pavlodar').get(`/api/quotas/${abai.id}`).expect(200);
    });

    it('shows balance = capacity − reserved − settled', async () => {
      const quota = await quotaOf(2025, abaiId);
      await withDb(api.databaseUrl, (db) =>
        db.query('UPDATE quota SET reserved = 40, settled = 4 WHERE id = $1', [quota.id]),
      );
      const row = (await as('auditor').get(`/api/quotas/${quota.id}`).expect(200)).body as QuotaRow;
      expect(row).toMatchObject({ capacity: 244, reserved: 40, settled: 4, balance: 200 });
    });

    it('refuses an unknown filter with 400', async () => {
      await list('admin', { colour: 'red' }).expect(400);
    });
  });

  describe('POST /quotas', () => {
    it('creates a quota with its initial ledger entry (admin)', async () => {
      const created = await as('admin')
        .post('/api/quotas', {
          year: 2027,
          regionId: pavlodarId,
          category: 'kandas',
          capacity: 900,
          legalAct: 'Order 2027',
          entryDate: '2026-12-30',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        year: 2027,
        capacity: 900,
        reserved: 0,
        settled: 0,
        balance: 900,
        unit: 'persons',
      });
      const ledger = await as('admin').get(`/api/quotas/${created.body.id}/ledger`).expect(200);
      expect(ledger.body).toEqual([
        expect.objectContaining({
          kind: 'capacity_set',
          capacityDelta: 900,
          entryDate: '2026-12-30',
          legalAct: 'Order 2027',
        }),
      ]);
      await as('admin')
        .post('/api/quotas', { year: 2027, regionId: pavlodarId, category: 'kandas', capacity: 1, legalAct: 'again' })
        .expect(409);
    });

    it('is refused to a regional official (403)', async () => {
      await as('official.pavlodar')
        .post('/api/quotas', { year: 2028, regionId: pavlodarId, category: 'kandas', capacity: 1, legalAct: 'x' })
        .expect(403);
    });
  });

  describe('POST /quotas/:id/ledger', () => {
    it('raises the capacity during the year (as in August 2024) and keeps the history', async () => {
      const quota = await quotaOf(2026, pavlodarId, 'resettler');
      const raised = await as('admin')
        .post(`/api/quotas/${quota.id}/ledger`, {
          entryDate: '2026-08-24',
          capacityDelta: 600,
          legalAct: 'MTSZN order raising the quota',
          reason: 'More families than planned',
          version: quota.version,
        })
        .expect(201);
      expect(raised.body).toMatchObject({
        capacity: quota.capacity + 600,
        balance: quota.balance + 600,
        version: quota.version + 1,
      });
      const ledger = (await as('caseworker.pavlodar').get(`/api/quotas/${quota.id}/ledger`).expect(200)).body;
      expect(ledger.map((e: { kind: string; capacityDelta: number }) => [e.kind, e.capacityDelta])).toEqual([
        ['capacity_set', quota.capacity],
        ['capacity_change', 600],
      ]);
      expect(ledger[1]).toMatchObject({
        entryDate: '2026-08-24',
        reason: 'More families than planned',
        actorId: s.admin.user.id,
      });
      const audited = await scalar(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'quota.capacity_change' AND entity_id = $1`,
        [String(quota.id)],
      );
      expect(audited).toBe(1);
    });

    it('lets a regional official change their own region, never another (404)', async () => {
      const own = await quotaOf(2026, pavlodarId);
      const other = await quotaOf(2026, abaiId);
      const change = {
        entryDate: '2026-03-01',
        capacityDelta: 5,
        legalAct: 'Akimat decision',
        reason: 'Housing found',
      };
      await as('official.pavlodar')
        .post(`/api/quotas/${own.id}/ledger`, { ...change, version: own.version })
        .expect(201);
      await as('official.pavlodar')
        .post(`/api/quotas/${other.id}/ledger`, { ...change, version: other.version })
        .expect(404);
      expect((await quotaOf(2026, abaiId)).capacity).toBe(other.capacity);
      await as('caseworker.pavlodar')
        .post(`/api/quotas/${own.id}/ledger`, { ...change, version: own.version + 1 })
        .expect(403);
    });

    it('refuses (409) a cut below what is reserved and settled, and a stale version', async () => {
      const quota = await quotaOf(2025, abaiId); // 244, reserved 40, settled 4 (above)
      const cut = { entryDate: '2025-10-01', legalAct: 'Cut', reason: 'Fewer places', version: quota.version };
      const refused = await as('admin').post(`/api/quotas/${quota.id}/ledger`, { ...cut, capacityDelta: -201 });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toContain('44');
      await as('admin')
        .post(`/api/quotas/${quota.id}/ledger`, { ...cut, capacityDelta: -200 })
        .expect(201);
      await as('admin')
        .post(`/api/quotas/${quota.id}/ledger`, { ...cut, capacityDelta: -1 })
        .expect(409); // stale
      const after = await quotaOf(2025, abaiId);
      expect(after).toMatchObject({ capacity: 44, balance: 0 });
      await as('admin')
        .post(`/api/quotas/${quota.id}/ledger`, { ...cut, capacityDelta: 0, version: after.version })
        .expect(400);
    });

    it('never lets the database over-allocate, whatever writes it (CHECK constraint)', async () => {
      const quota = await quotaOf(2026, abaiId);
      await expect(
        withDb(api.databaseUrl, (db) => db.query('UPDATE quota SET reserved = capacity + 1 WHERE id = $1', [quota.id])),
      ).rejects.toThrow(/quota_not_over_allocated_chk/);
    });

    it('keeps ledger rows immutable: UPDATE and DELETE are refused by the trigger', async () => {
      await expect(
        withDb(api.databaseUrl, (db) => db.query('UPDATE quota_ledger_entry SET capacity_delta = 1')),
      ).rejects.toThrow(/append-only/);
      await expect(withDb(api.databaseUrl, (db) => db.query('DELETE FROM quota_ledger_entry'))).rejects.toThrow(
        /append-only/,
      );
    });

    it('keeps the live counters equal to the ledger sums', async () => {
      // A reservation through the API first, so the ledger carries more than capacity entries.
      const family = await insertApprovedCase(api.databaseUrl, { regionId: pavlodarId });
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
      const mismatches = await scalar(
        api.databaseUrl,
        `SELECT count(*)::int FROM quota q
           JOIN (SELECT quota_id, sum(capacity_delta) c, sum(reserved_delta) r, sum(settled_delta) s FROM quota_ledger_entry GROUP BY quota_id) l
             ON l.quota_id = q.id
          WHERE q.id <> $1 AND (l.c <> q.capacity OR l.r <> q.reserved OR l.s <> q.settled)`,
        [(await quotaOf(2025, abaiId)).id], // that one was edited by SQL above
      );
      expect(mismatches).toBe(0);
      expect((await quotaOf(2026, pavlodarId)).reserved).toBe(1);
    });
  });
});
