import type { Client } from 'pg';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { createDatabase, type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

jest.setTimeout(180_000);

/**
 * The quota under load: two API processes (two replicas) on one database, with
 * concurrent inclusion decisions racing for the same regional quota.
 */
describe('quota reservations under concurrency (two API processes, one database)', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let apis: RunningApi[] = [];
  let official: Session;
  let admin: Session;
  let pavlodarId: number;

  beforeAll(async () => {
    database = await createDatabase();
    // One after the other: the first migrates and loads demo data, the second finds it done.
    apis.push(await startApi({}, database.url));
    apis.push(await startApi({}, database.url));
    official = await login(apis[0].url, 'official.pavlodar');
    admin = await login(apis[1].url, 'admin');
    pavlodarId = await regionIdByCode(database.url, '55');
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.stop()));
    apis = [];
    await database?.drop();
  });

  const call = async (apiIndex: number, token: string, method: string, path: string, body?: object) => {
    const response = await fetch(`${apis[apiIndex % apis.length].url}${path}`, {
      method,
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  async function createQuota(year: number, capacity: number): Promise<number> {
    const created = await call(0, admin.accessToken, 'POST', '/api/quotas', {
      year,
      regionId: pavlodarId,
      category: 'kandas',
      capacity,
      legalAct: `Test quota ${year}`,
    });
    expect(created.status).toBe(201);
    return created.body.id as number;
  }

  /** Approved families of the given sizes in Pavlodar, each with a submitted inclusion request; their request ids. */
  async function familiesWithRequests(
    year: number,
    sizes: number[],
  ): Promise<{ requestId: number; size: number; applicationId: number }[]> {
    return withDb(database.url, async (db: Client) => {
      await db.query('BEGIN');
      const made: { requestId: number; size: number; applicationId: number }[] = [];
      for (const [n, size] of sizes.entries()) {
        const personIds: number[] = [];
        for (let m = 0; m < size; m++) {
          const { rows } = await db.query<{ id: number }>(
            `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
             VALUES ('Жарысов', $1, 'Zharysov', $1, '1985-01-01', 'M', $2, $3) RETURNING id`,
            [`Test${year}x${n}x${m}`, pavlodarId, `zharysov test${year}x${n}x${m}`],
          );
          personIds.push(rows[0].id);
        }
        const { rows } = await db.query<{ id: number }>(
          `INSERT INTO application (number, status, channel, region_id, applicant_id, submitted_at, decided_at, status_valid_from, status_valid_to)
           VALUES ($1, 'approved', 'egov', $2, $3, now(), now(), '2026-01-10', '2099-01-09') RETURNING id`,
          [`KND-${year}-${String(n).padStart(6, '0')}`, pavlodarId, personIds[0]],
        );
        const applicationId = rows[0].id;
        for (const [m, personId] of personIds.entries()) {
          await db.query(
            'INSERT INTO application_member (application_id, person_id, relation, active) VALUES ($1, $2, $3, true)',
            [applicationId, personId, m === 0 ? 'applicant' : 'child'],
          );
        }
        const request = await db.query<{ id: number }>(
          `INSERT INTO inclusion_request (application_id, year, category, preferred_region_ids, consent, persons, region_id)
           VALUES ($1, $2, 'kandas', ARRAY[$3::int], true, $4, $3) RETURNING id`,
          [applicationId, year, pavlodarId, size],
        );
        made.push({ requestId: request.rows[0].id, size, applicationId });
      }
      await db.query('COMMIT');
      return made;
    });
  }

  /** Every include decision at once, alternating between the two processes. */
  const includeAll = (requestIds: number[]) =>
    Promise.all(
      requestIds.map((id, n) =>
        call(n, official.accessToken, 'POST', `/api/inclusion-requests/${id}/decision`, {
          decision: 'include',
          version: 1,
        }),
      ),
    );

  const quotaRow = (id: number) =>
    withDb(database.url, async (db) => {
      const { rows } = await db.query<{ capacity: number; reserved: number; settled: number }>(
        'SELECT capacity, reserved, settled FROM quota WHERE id = $1',
        [id],
      );
      return rows[0];
    });
  const liveReservedPersons = (quotaId: number) =>
    scalar(
      database.url,
      `SELECT coalesce(sum(persons), 0)::int FROM reservation WHERE quota_id = $1 AND status = 'reserved'`,
      [quotaId],
    );
  const ledgerReserved = (quotaId: number) =>
    scalar(database.url, 'SELECT coalesce(sum(reserved_delta), 0)::int FROM quota_ledger_entry WHERE quota_id = $1', [
      quotaId,
    ]);

  describe('200 one-person families against a quota of 100 persons', () => {
    let quotaId: number;
    let families: { requestId: number; size: number; applicationId: number }[];
    let results: { status: number; body: Record<string, unknown> }[];

    beforeAll(async () => {
      quotaId = await createQuota(2040, 100);
      families = await familiesWithRequests(
        2040,
        Array.from({ length: 200 }, () => 1),
      );
      const started = Date.now();
      results = await includeAll(families.map((f) => f.requestId));
      console.log(`200 concurrent include decisions on 2 processes: ${Date.now() - started} ms`);
    });

    it('includes exactly 100 and refuses 100 with 409 "quota full"', () => {
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(100);
      expect(statuses.filter((s) => s === 409)).toHaveLength(100);
      for (const refused of results.filter((r) => r.status === 409))
        expect(['quota.full', 'quota.full_now']).toContain(refused.body.code);
    });

    it('reserves exactly 100 persons: never over-allocated, the reservations and the ledger agree', async () => {
      expect(await quotaRow(quotaId)).toEqual({ capacity: 100, reserved: 100, settled: 0 });
      expect(await liveReservedPersons(quotaId)).toBe(100);
      expect(await ledgerReserved(quotaId)).toBe(100);
      expect(
        await scalar(
          database.url,
          `SELECT count(*)::int FROM quota_ledger_entry WHERE quota_id = $1 AND kind = 'reserve'`,
          [quotaId],
        ),
      ).toBe(100);
      expect(
        await scalar(
          database.url,
          `SELECT count(*)::int FROM inclusion_request WHERE year = 2040 AND status = 'included'`,
        ),
      ).toBe(100);
      expect(
        await scalar(
          database.url,
          `SELECT count(*)::int FROM settlement s JOIN reservation r ON r.id = s.reservation_id WHERE r.quota_id = $1 AND s.status = 'planned'`,
          [quotaId],
        ),
      ).toBe(100);
    });

    it('leaves the refused requests untouched (still submitted, nothing reserved)', async () => {
      expect(
        await scalar(
          database.url,
          `SELECT count(*)::int FROM inclusion_request WHERE year = 2040 AND status = 'submitted' AND version = 1`,
        ),
      ).toBe(100);
    });

    it('returns the persons on withdrawal, and the freed place can be taken', async () => {
      const included = families[results.findIndex((r) => r.status === 200)];
      const waiting = families[results.findIndex((r) => r.status === 409)];
      const withdrawn = await call(
        1,
        official.accessToken,
        'POST',
        `/api/inclusion-requests/${included.requestId}/withdraw`,
        {
          reason: 'The family stays abroad',
          version: 2,
        },
      );
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.status).toBe('withdrawn');
      expect(await quotaRow(quotaId)).toEqual({ capacity: 100, reserved: 99, settled: 0 });
      expect(await ledgerReserved(quotaId)).toBe(99);
      expect(
        await scalar(
          database.url,
          `SELECT count(*)::int FROM settlement s JOIN reservation r ON r.id = s.reservation_id
            WHERE r.application_id = $1 AND r.status = 'released' AND s.status = 'cancelled'`,
          [included.applicationId],
        ),
      ).toBe(1);
      const taken = await call(
        0,
        official.accessToken,
        'POST',
        `/api/inclusion-requests/${waiting.requestId}/decision`,
        {
          decision: 'include',
          version: 1,
        },
      );
      expect(taken.status).toBe(200);
      expect(await quotaRow(quotaId)).toEqual({ capacity: 100, reserved: 100, settled: 0 });
    });

    it('refuses a second live reservation for one family', async () => {
      const included = families[results.findIndex((r) => r.status === 200) + 1] ?? families[0];
      const live = await scalar(
        database.url,
        `SELECT id FROM reservation WHERE application_id = $1 AND status = 'reserved'`,
        [included.applicationId],
      );
      expect(live).toBeGreaterThan(0);
      // The API: a second inclusion request while one is open, and a second decision, are refused.
      const again = await call(0, official.accessToken, 'POST', '/api/inclusion-requests', {
        applicationId: included.applicationId,
        year: 2040,
        preferredRegionIds: [pavlodarId],
        consent: true,
      });
      expect([400, 409]).toContain(again.status);
      const twice = await call(
        1,
        official.accessToken,
        'POST',
        `/api/inclusion-requests/${included.requestId}/decision`,
        {
          decision: 'include',
          version: 2,
        },
      );
      expect(twice.status).toBe(409);
      // The database: the partial unique index refuses a second live reservation whatever writes it.
      await expect(
        withDb(database.url, (db) =>
          db.query(`INSERT INTO reservation (quota_id, application_id, persons) VALUES ($1, $2, 1)`, [
            quotaId,
            included.applicationId,
          ]),
        ),
      ).rejects.toThrow(/reservation_one_live_uq/);
    });
  });

  describe('families of mixed sizes against a quota of 50 persons', () => {
    it('never splits a family and never over-allocates', async () => {
      const quotaId = await createQuota(2041, 50);
      const sizes = Array.from({ length: 60 }, (_, n) => 1 + ((n * 7) % 5)); // 1..5 persons
      const families = await familiesWithRequests(2041, sizes);
      const results = await includeAll(families.map((f) => f.requestId));
      expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);

      const quota = await quotaRow(quotaId);
      expect(quota.reserved).toBeLessThanOrEqual(50);
      const includedPersons = families.filter((_, n) => results[n].status === 200).reduce((sum, f) => sum + f.size, 0);
      expect(quota.reserved).toBe(includedPersons);
      expect(await liveReservedPersons(quotaId)).toBe(includedPersons);
      expect(await ledgerReserved(quotaId)).toBe(includedPersons);
      // Each success reserved its whole family; each refusal reserved nothing.
      const reserved = await withDb(database.url, async (db) => {
        const { rows } = await db.query<{ application_id: number; persons: number }>(
          'SELECT application_id, persons FROM reservation WHERE quota_id = $1',
          [quotaId],
        );
        return new Map(rows.map((r) => [r.application_id, r.persons]));
      });
      families.forEach((family, n) => {
        expect(reserved.get(family.applicationId)).toBe(results[n].status === 200 ? family.size : undefined);
      });
      // The balance left is smaller than any refused family (they were refused because they did not fit).
      const smallestRefused = Math.min(...families.filter((_, n) => results[n].status === 409).map((f) => f.size));
      if (Number.isFinite(smallestRefused)) expect(50 - quota.reserved).toBeLessThan(smallestRefused);
    });
  });
});
