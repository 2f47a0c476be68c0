import type { Client } from 'pg';
import request from 'supertest';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

const YEAR = 2033;

interface Family {
  key: string;
  applicationId: number;
  number: string;
  applicantName: string;
  requestId: number;
}

/**
 * Inclusion requests are read by every regional official a placement batch may place
 * the family with, and every settlement-work list names the case by its number and
 * family instead of a bare id.
 */
describe('settlement work: who sees a family, and how it is named', () => {
  let api: RunningApi;
  let pavlodarOfficial: Session;
  let abaiOfficial: Session;
  let pavlodar: number;
  let abai: number;
  let northKazakhstan: number;
  let batchId: number;
  const families = new Map<string, Family>();

  const insertFamily = async (
    db: Client,
    key: string,
    n: number,
    caseRegionId: number,
    preferred: number[],
  ): Promise<Family> => {
    const surname = 'Тоқтаров';
    const givenName = `Ержан${key}`;
    const { rows: person } = await db.query<{ id: number }>(
      `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
       VALUES ($1, $2, 'Toqtarov', $3, '1980-05-05', 'M', $4, $5) RETURNING id`,
      [surname, givenName, `Erzhan${key}`, caseRegionId, `toqtarov erzhan${key.toLowerCase()}`],
    );
    const number = `KND-${YEAR}-${String(700 + n).padStart(6, '0')}`;
    const { rows: application } = await db.query<{ id: number }>(
      `INSERT INTO application (number, status, channel, region_id, applicant_id, submitted_at, decided_at, status_valid_from, status_valid_to)
       VALUES ($1, 'approved', 'egov', $2, $3, now(), now(), '2033-01-10', '2099-01-09') RETURNING id`,
      [number, caseRegionId, person[0].id],
    );
    await db.query(
      `INSERT INTO application_member (application_id, person_id, relation, active) VALUES ($1, $2, 'applicant', true)`,
      [application[0].id, person[0].id],
    );
    const { rows: inclusion } = await db.query<{ id: number }>(
      `INSERT INTO inclusion_request (application_id, year, category, preferred_region_ids, consent, persons, region_id)
       VALUES ($1, $2, 'kandas', $3, true, 1, $4) RETURNING id`,
      [application[0].id, YEAR, preferred, preferred[0]],
    );
    const family = {
      key,
      applicationId: application[0].id,
      number,
      applicantName: `${surname} ${givenName}`,
      requestId: inclusion[0].id,
    };
    families.set(key, family);
    return family;
  };

  const get = (path: string, session: Session, query: Record<string, string> = {}) =>
    request(api.url).get(path).query(query).set(bearer(session.accessToken));
  const listed = async (session: Session): Promise<string[]> => {
    const response = await get('/api/inclusion-requests', session, {
      filter: JSON.stringify({ year: YEAR }),
      range: '[0,99]',
    }).expect(200);
    const byRequest = new Map([...families.values()].map((f) => [f.requestId, f.key]));
    return (response.body as { id: number }[]).map((row) => byRequest.get(row.id) ?? `#${row.id}`).sort();
  };

  beforeAll(async () => {
    api = await startApi();
    [pavlodarOfficial, abaiOfficial] = await Promise.all([
      login(api.url, 'official.pavlodar'),
      login(api.url, 'official.abai'),
    ]);
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    abai = await regionIdByCode(api.databaseUrl, '10');
    northKazakhstan = await regionIdByCode(api.databaseUrl, '59');
    await withDb(api.databaseUrl, async (db) => {
      await db.query('BEGIN');
      await db.query('UPDATE region SET settlement_years = settlement_years || $1::int WHERE id = ANY ($2::int[])', [
        YEAR,
        [pavlodar, abai, northKazakhstan],
      ]);
      for (const regionId of [pavlodar, abai, northKazakhstan]) {
        await db.query(
          `INSERT INTO quota (year, region_id, category, unit, capacity, legal_act) VALUES ($1, $2, 'kandas', 'persons', 20, 'Test act')`,
          [YEAR, regionId],
        );
      }
      // Six families in a batch; which of them may Pavlodar's official be asked to settle?
      await insertFamily(db, 'A', 1, pavlodar, [pavlodar]); // Pavlodar decides
      await insertFamily(db, 'B', 2, abai, [northKazakhstan, pavlodar]); // names Pavlodar second
      const c = await insertFamily(db, 'C', 3, northKazakhstan, [northKazakhstan]); // never Pavlodar
      await insertFamily(db, 'D', 4, northKazakhstan, [abai, pavlodar]); // Abai decides, names Pavlodar
      const e = await insertFamily(db, 'E', 5, northKazakhstan, [northKazakhstan]); // the batch proposes Pavlodar
      const f = await insertFamily(db, 'F', 6, northKazakhstan, [northKazakhstan]); // moved to Pavlodar by override
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO placement_batch (year, status, progress, families) VALUES ($1, 'proposed', 100, 6) RETURNING id`,
        [YEAR],
      );
      batchId = rows[0].id;
      for (const [family, proposed, override] of [
        [c, northKazakhstan, null],
        [e, pavlodar, null],
        [f, northKazakhstan, pavlodar],
      ] as const) {
        await db.query(
          `INSERT INTO placement_proposal (batch_id, inclusion_request_id, proposed_region_id, score, override_region_id, override_reason)
           VALUES ($1, $2, $3, 0.5, $4, $5)`,
          [batchId, family.requestId, proposed, override, override === null ? null : 'Relatives in Pavlodar'],
        );
      }
      await db.query('COMMIT');
    });
  });
  afterAll(() => api?.stop());

  describe('GET /inclusion-requests as a regional official', () => {
    it("lists every family the batch may place in the official's region, and no other", async () => {
      expect(await listed(pavlodarOfficial)).toEqual(['A', 'B', 'D', 'E', 'F']);
    });

    it('hides from the Abai official a family that never named Abai and was not proposed there', async () => {
      expect(await listed(abaiOfficial)).toEqual(['D']);
      await get(`/api/inclusion-requests/${families.get('B')!.requestId}`, abaiOfficial).expect(404);
      await get(`/api/inclusion-requests/${families.get('C')!.requestId}`, pavlodarOfficial).expect(404);
    });

    it('opens a visible request of another region, with the recommendations for the family', async () => {
      const b = families.get('B')!;
      const shown = await get(`/api/inclusion-requests/${b.requestId}`, pavlodarOfficial).expect(200);
      expect(shown.body).toMatchObject({ id: b.requestId, regionId: northKazakhstan });
      await get('/api/placement/recommendations', pavlodarOfficial, { applicationId: String(b.applicationId) }).expect(
        200,
      );
      const c = families.get('C')!;
      await get('/api/placement/recommendations', abaiOfficial, { applicationId: String(c.applicationId) }).expect(404);
    });

    it("does not let an official decide another region's request they can read", async () => {
      for (const key of ['B', 'D']) {
        const response = await request(api.url)
          .post(`/api/inclusion-requests/${families.get(key)!.requestId}/decision`)
          .set(bearer(pavlodarOfficial.accessToken))
          .send({ decision: 'include', regionId: pavlodar, version: 1 });
        expect([403, 404]).toContain(response.status);
      }
    });
  });

  describe('the case beside each row', () => {
    it('names the case by number and family in inclusion requests, list and show alike', async () => {
      const response = await get('/api/inclusion-requests', pavlodarOfficial, {
        filter: JSON.stringify({ year: YEAR }),
      }).expect(200);
      for (const row of response.body as { id: number; applicationNumber: string; applicantName: string }[]) {
        const family = [...families.values()].find((f) => f.requestId === row.id)!;
        expect(row).toMatchObject({ applicationNumber: family.number, applicantName: family.applicantName });
        const shown = await get(`/api/inclusion-requests/${row.id}`, pavlodarOfficial).expect(200);
        expect(shown.body).toMatchObject({ applicationNumber: family.number, applicantName: family.applicantName });
      }
    });

    it('names the case in the batch proposals', async () => {
      const response = await get(`/api/placement/batches/${batchId}/proposals`, pavlodarOfficial).expect(200);
      const rows = response.body as { inclusionRequestId: number; applicationNumber: string; applicantName: string }[];
      expect(rows.map((row) => row.inclusionRequestId).sort()).toEqual(
        [families.get('E')!.requestId, families.get('F')!.requestId].sort(),
      );
      for (const row of rows) {
        const family = [...families.values()].find((f) => f.requestId === row.inclusionRequestId)!;
        expect(row).toMatchObject({ applicationNumber: family.number, applicantName: family.applicantName });
      }
    });

    it('names the case in settlements once the family is included', async () => {
      const d = families.get('D')!;
      const decided = await request(api.url)
        .post(`/api/inclusion-requests/${d.requestId}/decision`)
        .set(bearer(abaiOfficial.accessToken))
        .send({ decision: 'include', version: 1 })
        .expect(200);
      expect(decided.body).toMatchObject({ status: 'included', applicationNumber: d.number });
      const settlements = await get('/api/settlements', abaiOfficial, {
        filter: JSON.stringify({ applicationId: d.applicationId }),
      }).expect(200);
      expect(settlements.body).toHaveLength(1);
      expect(settlements.body[0]).toMatchObject({ applicationNumber: d.number, applicantName: d.applicantName });
      const shown = await get(`/api/settlements/${settlements.body[0].id}`, abaiOfficial).expect(200);
      expect(shown.body).toMatchObject({ applicationNumber: d.number, applicantName: d.applicantName });
    });
  });
});
