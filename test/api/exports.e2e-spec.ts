import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertCase } from '../support/case-records';

/** docs/exports.md: GET /api/<list>/export, streamed or as a job, scoped, audited, localized, never a formula. */

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const FORMULA = '=HYPERLINK("http://evil.example","click")';
/** Above it an export runs as a job; low here so the job path is tested with a few rows. */
const THRESHOLD = 40;
/** The API's V8 old-space cap in MB (docs/exports.md, Measured). */
const HEAP_MB = 160;

/** supertest's parser that keeps the body as bytes (the BOM, the XLSX zip). */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The CSV's rows after its byte-order mark, as a spreadsheet reads them. */
const parseCsv = (body: Buffer): string[][] => parse(body.subarray(BOM.length), { relax_column_count: false });

async function xlsxRows(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from(body));
  const rows: unknown[][] = [];
  workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('list exports', () => {
  let api: RunningApi;
  let pavlodar: Session;
  let abai: Session;
  let pavlodarId: number;
  let abaiId: number;
  let formulaCase: { number: string; personIds: number[] };
  let phoneCase: { number: string; personIds: number[] };
  let abaiCase: { number: string; personIds: number[] };

  beforeAll(async () => {
    // A heap cap far below what 200,000 rows held at once would need: the memory check's proof.
    api = await startApi({ EXPORT_JOB_THRESHOLD: String(THRESHOLD), NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` });
    [pavlodar, abai] = await Promise.all(['caseworker.pavlodar', 'caseworker.abai'].map((u) => login(api.url, u)));
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
    formulaCase = await insertCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: [{ surname: FORMULA, givenName: 'Нұрлан' }],
    });
    phoneCase = await insertCase(api.databaseUrl, {
      regionId: pavlodarId,
      status: 'submitted',
      family: [{ surname: '+77011234567', givenName: 'Айгүл', sex: 'F' }],
    });
    abaiCase = await insertCase(api.databaseUrl, { regionId: abaiId });
  });
  afterAll(() => api?.stop());

  const exportOf = (session: Session, path: string) =>
    request(api.url).get(path).set(bearer(session.accessToken)).buffer(true).parse(binary);
  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const lastEventId = () => scalar<string>(api.databaseUrl, 'SELECT coalesce(max(id), 0)::text FROM audit_event');
  const exportedIds = (afterId: string, action: string) =>
    withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query<{ ids: number[] | null; actor: string }>(
        `SELECT actor_username AS actor,
                (SELECT array_agg(value::int ORDER BY value::int) FROM jsonb_array_elements_text(changes -> 'personIds' -> 'after')) AS ids
           FROM audit_event WHERE id > $1 AND action = $2 ORDER BY id`,
        [afterId, action],
      );
      return rows;
    });

  it('streams a CSV with a byte-order mark, headers and statuses in the reader’s language, formulas neutralised', async () => {
    const response = await exportOf(pavlodar, '/api/applications/export?format=csv&locale=ru').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="?applications-\d{4}-\d{2}-\d{2}\.csv/,
    );
    const body = response.body as Buffer;
    expect(body.subarray(0, 3).equals(BOM)).toBe(true);
    const [header, ...rows] = parseCsv(body);
    expect(header).toEqual([
      'Номер дела',
      'Заявитель',
      'Состояние',
      'Регион',
      'Специалист',
      'Срок',
      'Человек',
      'Создано',
    ]);
    const regionName = await scalar<string>(api.databaseUrl, 'SELECT name_ru FROM region WHERE id = $1', [pavlodarId]);
    const formulaRow = rows.find((row) => row[0] === formulaCase.number)!;
    expect(formulaRow[1]).toBe(`'${FORMULA} Нұрлан`);
    expect(formulaRow[2]).toBe('Черновик');
    expect(formulaRow[3]).toBe(regionName);
    expect(rows.find((row) => row[0] === phoneCase.number)![1]).toBe("'+77011234567 Айгүл");
  });

  it('writes the headers in the language Accept-Language ranks first when no locale is given', async () => {
    const response = await exportOf(pavlodar, '/api/applications/export')
      .set('Accept-Language', 'en-GB;q=0.9, kk;q=1')
      .expect(200);
    expect(parseCsv(response.body as Buffer)[0][0]).toBe('Іс нөмірі');
  });

  it('neutralises formula cells in XLSX too', async () => {
    const response = await exportOf(
      pavlodar,
      `/api/persons/export?format=xlsx&locale=en&filter=${enc({ id: formulaCase.personIds })}`,
    ).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [header, ...rows] = await xlsxRows(response.body as Buffer);
    expect(header).toEqual([
      'Name',
      'Date of birth',
      'Sex',
      'IIN',
      'Document number',
      'Country of origin',
      'Region',
      'Registered',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0][0]).toBe(`'${FORMULA} Нұрлан`);
    expect(rows[0][2]).toBe('Male');
  });

  it('exports only the caller’s region, and another region’s filter gives no rows', async () => {
    const own = parseCsv((await exportOf(pavlodar, '/api/applications/export').expect(200)).body as Buffer);
    const numbers = own.slice(1).map((row) => row[0]);
    expect(numbers).toEqual(expect.arrayContaining([formulaCase.number, phoneCase.number]));
    expect(numbers).not.toContain(abaiCase.number);
    const foreign = await exportOf(pavlodar, `/api/applications/export?filter=${enc({ regionId: abaiId })}`).expect(
      200,
    );
    expect(parseCsv(foreign.body as Buffer)).toHaveLength(1);
    const theirs = parseCsv((await exportOf(abai, '/api/applications/export').expect(200)).body as Buffer);
    expect(theirs.slice(1).map((row) => row[0])).toEqual([abaiCase.number]);
  });

  it('follows the list’s filter and sort', async () => {
    const response = await exportOf(
      pavlodar,
      `/api/applications/export?filter=${enc({ status: ['submitted'] })}&sort=${enc(['createdAt', 'ASC'])}`,
    ).expect(200);
    expect(
      parseCsv(response.body as Buffer)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([phoneCase.number]);
  });

  it('audits the export as a read of the persons it holds', async () => {
    const before = await lastEventId();
    await exportOf(pavlodar, '/api/persons/export').expect(200);
    const entries = await exportedIds(before, 'list.export');
    const inRegion = await withDb(api.databaseUrl, async (db) =>
      (await db.query<{ id: number }>('SELECT id FROM person WHERE region_id = $1 ORDER BY id', [pavlodarId])).rows.map(
        (r) => r.id,
      ),
    );
    expect(entries.map((e) => e.actor)).toEqual(['caseworker.pavlodar']);
    expect(entries[0].ids).toEqual(inRegion);
  });

  it('refuses a bad format, sort or filter with coded 400s', async () => {
    const codes = (response: request.Response) => JSON.parse((response.body as Buffer).toString()).errorCodes;
    const format = await exportOf(pavlodar, '/api/applications/export?format=pdf').expect(400);
    expect(codes(format)).toEqual({ format: { code: 'validation.is_in', params: { values: 'csv, xlsx' } } });
    const filter = await exportOf(pavlodar, `/api/applications/export?filter=${enc({ status: ['nonsense'] })}`).expect(
      400,
    );
    expect(codes(filter)).toEqual({ 'filter.status': expect.objectContaining({ code: 'validation.is_in' }) });
    const sort = await exportOf(pavlodar, `/api/persons/export?sort=${enc(['iin', 'ASC'])}`).expect(400);
    expect(Object.keys(codes(sort))).toEqual(['sort']);
  });

  describe('a large export', () => {
    let exportId: string;

    beforeAll(async () => {
      // More persons than the threshold in Pavlodar, keyset pages of 1,000 crossed too.
      await withDb(api.databaseUrl, (db) =>
        db.query(
          `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
           SELECT 'Бекұлы', 'Нұр' || g, 'Bekuly', 'Nur' || g, DATE '1990-01-01' + g, 'M', $1, 'bekuly nur' || g
             FROM generate_series(1, 2500) g`,
          [pavlodarId],
        ),
      );
    });

    it('runs as a job with progress and downloads when ready', async () => {
      const before = await lastEventId();
      const started = await request(api.url)
        .get(`/api/persons/export?sort=${enc(['birthDate', 'DESC'])}`)
        .set(bearer(pavlodar.accessToken))
        .expect(202);
      exportId = started.body.id;
      expect(started.headers.location).toBe(`/api/exports/${exportId}`);
      let state: { state: string; progress: { processed: number; total: number | null }; rows: number | null };
      for (;;) {
        state = (await request(api.url).get(`/api/exports/${exportId}`).set(bearer(pavlodar.accessToken)).expect(200))
          .body;
        if (state.state === 'completed' || state.state === 'failed') break;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const count = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM person WHERE region_id = $1', [
        pavlodarId,
      ]);
      expect(state).toMatchObject({ state: 'completed', rows: count, progress: { processed: count, total: count } });
      const file = await exportOf(pavlodar, `/api/exports/${exportId}/file`).expect(200);
      const rows = parseCsv(file.body as Buffer).slice(1);
      expect(rows).toHaveLength(count);
      // The list's sort (birth date, newest first), across the keyset batches.
      const births = rows.map((row) => row[1]);
      expect(births).toEqual([...births].sort().reverse());
      const audited = (await exportedIds(before, 'list.export')).flatMap((e) => e.ids ?? []);
      expect(new Set(audited).size).toBe(count);
      expect(await exportedIds(before, 'list.export_download')).toHaveLength(1);
    });

    it('is not shown or downloadable to anyone else', async () => {
      await request(api.url).get(`/api/exports/${exportId}`).set(bearer(abai.accessToken)).expect(404);
      await request(api.url).get(`/api/exports/${exportId}/file`).set(bearer(abai.accessToken)).expect(404);
    });
  });

  it('keeps the API’s memory bounded while exporting 200,000 rows', async () => {
    await withDb(api.databaseUrl, (db) =>
      db.query(
        `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
         SELECT 'Сейітов', 'Ерлан' || g, 'Seiitov', 'Erlan' || g, DATE '1950-01-01' + (g % 20000), 'M', $1, 'seiitov erlan' || g
           FROM generate_series(1, 200000) g`,
        [abaiId],
      ),
    );
    // As autovacuum would soon: without statistics the planner bitmap-scans the region for every batch.
    await withDb(api.databaseUrl, (db) => db.query('ANALYZE person'));
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${api.pid}/status`, 'utf8'))![1]) * 1024;
    const baseline = rss();
    let peak = baseline;
    const t0 = performance.now();
    const started = await request(api.url).get('/api/persons/export').set(bearer(abai.accessToken)).expect(202);
    for (;;) {
      peak = Math.max(peak, rss());
      const { body } = await request(api.url).get(`/api/exports/${started.body.id}`).set(bearer(abai.accessToken));
      if (body.state === 'completed' || body.state === 'failed') {
        expect(body).toMatchObject({ state: 'completed', rows: 200_001 });
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const growth = peak - baseline;
    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
    console.log(
      `export of 200,001 rows in ${seconds} s: API RSS ${mb(baseline)} MB → peak ${mb(peak)} MB (+${mb(growth)} MB)`,
    );
    // Completed under the heap cap; RSS also includes V8's lazily collected garbage.
    expect(growth).toBeLessThan(HEAP_MB * 2 ** 20);
  }, 600_000);
});
