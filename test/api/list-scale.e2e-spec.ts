import request from 'supertest';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

/**
 * Lists at national size, at a size that fits a test (docs/lists.md): totals exact up to
 * LIST_EXACT_TOTAL_LIMIT (20 here) and marked estimated above it, keyset pages the same
 * rows as offset pages for every sort, the last pages read from the end, and name search
 * inside the caller's region.
 */

const EXACT_TOTAL_LIMIT = 20;
const SORTS = ['id', 'number', 'status', 'createdAt', 'submittedAt', 'deadlineDue'] as const;

interface Row {
  id: number;
  [field: string]: unknown;
}

describe('lists at scale', () => {
  let api: RunningApi;
  let admin: Session;
  let pavlodar: Session;
  let pavlodarId: number;
  let abaiId: number;

  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const get = (session: Session, path: string) => request(api.url).get(path).set(bearer(session.accessToken));
  const totalOf = (response: request.Response) =>
    Number(/\/(\d+)$/.exec(response.headers['content-range'] as string)?.[1]);

  /** Cases of a region, with nulls and ties in every nullable or repeated sort column. */
  async function insertCases(regionId: number, count: number, surname: string, key: string) {
    await withDb(api.databaseUrl, async (db) => {
      await db.query(
        `WITH people AS (
           INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
           SELECT $3::text, 'Нұрлан', $4::text, 'Nurlan', date '1980-01-01' + g, 'M', $1::int, $4::text || ' nurlan'
             FROM generate_series(1, $2::int) g
           RETURNING id)
         INSERT INTO application (number, status, channel, region_id, applicant_id, deadline_due, submitted_at, created_at)
         SELECT CASE WHEN n % 5 = 0 THEN NULL ELSE 'KND-2026-' || lpad((id * 10 + n % 3)::text, 6, '0') END,
                (ARRAY['draft', 'submitted', 'under_review', 'approved'])[1 + n % 4], 'egov', $1, id,
                CASE WHEN n % 3 = 0 THEN NULL ELSE date '2026-12-01' + (n % 4)::int END,
                CASE WHEN n % 5 = 0 THEN NULL ELSE timestamptz '2026-01-01 09:00+05' + (n % 6) * interval '1 hour' + (n % 3) * interval '250 microseconds' END,
                -- Microseconds the API's JSON (milliseconds) does not show: a cursor must still continue exactly.
                timestamptz '2025-06-01 09:00+05' + (n % 4) * interval '1 day' + (n % 3) * interval '250 microseconds'
           FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM people) numbered`,
        [regionId, count, surname, key],
      );
    });
  }

  beforeAll(async () => {
    api = await startApi({ LIST_EXACT_TOTAL_LIMIT: String(EXACT_TOTAL_LIMIT) });
    [admin, pavlodar] = await Promise.all(['admin', 'caseworker.pavlodar'].map((u) => login(api.url, u)));
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
    // More persons than a name search samples, so a name common among the newest is read by walking them.
    await withDb(api.databaseUrl, (db) =>
      db.query(
        `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
         SELECT 'Толықбаев', 'Айдос', 'Tolyqbaev', 'Aidos', date '1970-01-01' + g, 'M', $1::int, 'tolikbaev aidos'
           FROM generate_series(1, 1200) g`,
        [pavlodarId],
      ),
    );
    await insertCases(pavlodarId, 47, 'Масштабов', 'mashtabov');
    await insertCases(abaiId, 13, 'Масштабов', 'mashtabov');
    await withDb(api.databaseUrl, (db) => db.query('ANALYZE person; ANALYZE application'));
  });
  afterAll(() => api?.stop());

  const casesPath = (sort: [string, string], range: [number, number], extra = '') =>
    `/api/applications?sort=${enc(sort)}&range=${enc(range)}${extra}`;

  /** Every case of the list in one page: what each way of paging must reproduce. */
  async function everyRow(session: Session, sort: [string, string]): Promise<Row[]> {
    const response = await get(session, casesPath(sort, [0, 499]));
    expect(response.status).toBe(200);
    return response.body as Row[];
  }

  it.each(SORTS.flatMap((field) => [[field, 'ASC'] as const, [field, 'DESC'] as const]))(
    'pages sorted by %s %s give the same rows by keyset cursor as by offset, from the start and from the end',
    async (field, order) => {
      for (const session of [admin, pavlodar]) {
        const all = await everyRow(session, [field, order]);
        expect(all.length).toBeGreaterThan(40);
        const size = 7;
        const byOffset: Row[] = [];
        const byCursor: Row[] = [];
        let after: string | null = null;
        for (let start = 0; start < all.length; start += size) {
          const range: [number, number] = [start, start + size - 1];
          const offsetPage = await get(session, casesPath([field, order], range));
          expect(offsetPage.status).toBe(200);
          byOffset.push(...(offsetPage.body as Row[]));
          const cursorPage = await get(session, casesPath([field, order], range, after ? `&after=${after}` : ''));
          expect(cursorPage.status).toBe(200);
          const rows = cursorPage.body as Row[];
          byCursor.push(...rows);
          const last = rows.at(-1);
          if (last) after = enc([last[field] ?? null, last.id]);
        }
        const ids = all.map((row) => row.id);
        expect(byOffset.map((row) => row.id)).toEqual(ids);
        expect(byCursor.map((row) => row.id)).toEqual(ids);
      }
    },
  );

  it('counts a short list exactly and marks a long one estimated, never below the limit', async () => {
    const short = await get(pavlodar, `/api/applications?filter=${enc({ status: 'draft' })}`);
    expect(short.status).toBe(200);
    expect(totalOf(short)).toBe(11);
    expect(short.headers['x-total-estimated']).toBeUndefined();

    const long = await get(pavlodar, '/api/applications');
    expect(long.status).toBe(200);
    expect(long.headers['x-total-estimated']).toBe('true');
    expect(totalOf(long)).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    expect(long.body).toHaveLength(25);
  });

  it('answers a page past the end as empty, with the total', async () => {
    const response = await get(
      pavlodar,
      casesPath(['id', 'DESC'], [1000, 1024], `&filter=${enc({ status: 'draft' })}`),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual([]);
    expect(totalOf(response)).toBe(11);
  });

  it('refuses a cursor that does not fit the sort column with a coded 400', async () => {
    for (const after of [['not a date', 5], [null, 5], ['2026-01-01T00:00:00Z'], 'x']) {
      const response = await get(pavlodar, casesPath(['deadlineDue', 'ASC'], [0, 24], `&after=${enc(after)}`));
      if (after[0] === null) {
        // deadline_due may be null: a cursor among the nulls is fine.
        expect(response.status).toBe(200);
        continue;
      }
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.errors as object)).toEqual(['after']);
    }
  });

  it('finds a name only inside the caller’s region, and the admin’s region filter narrows it the same way', async () => {
    const search = (session: Session, filter: object) =>
      get(session, `/api/persons?filter=${enc(filter)}&range=[0,99]`);
    // Common among the newest Pavlodar persons: found by walking them, the total estimated from the sample.
    const regional = await search(pavlodar, { q: 'Масштабов' });
    expect(regional.status).toBe(200);
    expect(regional.body).toHaveLength(47);
    expect(new Set((regional.body as Row[]).map((p) => p.regionId))).toEqual(new Set([pavlodarId]));
    expect(regional.headers['x-total-estimated']).toBe('true');
    expect(totalOf(regional)).toBeGreaterThan(EXACT_TOTAL_LIMIT);
    // The same persons, newest first, as the index finds them with the whole name.
    const indexed = await search(pavlodar, { q: 'Масштабов Нұрлан' });
    expect((indexed.body as Row[]).map((p) => p.id)).toEqual((regional.body as Row[]).map((p) => p.id));
    expect(indexed.headers['x-total-estimated']).toBe('true');

    const other = await search(pavlodar, { q: 'Толықбаев' });
    expect(other.body).toHaveLength(100);
    expect((other.body as Row[]).every((p) => p.surname === 'Толықбаев')).toBe(true);

    const filtered = await search(admin, { q: 'mashtabov nurlan', regionId: abaiId });
    expect(filtered.status).toBe(200);
    expect((filtered.body as Row[]).map((p) => p.regionId)).toEqual(Array(13).fill(abaiId));
    expect(totalOf(filtered)).toBe(13);
    expect(filtered.headers['x-total-estimated']).toBeUndefined();

    const nationwide = await search(admin, { q: 'Mashtabov' });
    expect(nationwide.body).toHaveLength(60);
  });
});
