import ExcelJS from 'exceljs';
import { FORECAST_MODELS } from '@qonys/domain';
import request from 'supertest';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { finished, pollRun } from '../support/job-runs';

/** Monthly persons with a yearly season, deterministic. */
const persons = (i: number, level: number) =>
  Math.round(level + level * 0.4 * Math.sin((2 * Math.PI * i) / 12) + ((i * 7) % 5));

const months = (fromYear: number, toYear: number) =>
  Array.from({ length: (toYear - fromYear + 1) * 12 }, (_, i) => ({
    year: fromYear + Math.floor(i / 12),
    month: (i % 12) + 1,
  }));

const csvOf = (rows: { year: number; month: number | ''; region: string; persons: number; source: string }[]) =>
  [
    'year,month,region_code,persons,source',
    ...rows.map((r) => `${r.year},${r.month},${r.region},${r.persons},${r.source}`),
  ].join('\n');

/** 2019–2024 monthly for Pavlodar (55) and nationally; `bump` changes the months from 2024-03 on. */
const history = (bump = 0) =>
  csvOf(
    months(2019, 2024).flatMap(({ year, month }, i) => {
      const later = year === 2024 && month >= 3 ? bump : 0;
      return [
        { year, month, region: '55', persons: persons(i, 40) + later, source: 'Test release' },
        { year, month, region: 'national', persons: persons(i, 900) + later, source: 'Test release' },
      ];
    }),
  );

interface Point {
  month: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

describe('arrivals history and forecasts', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let abaiOfficial: Session;
  let provider: Session;

  beforeAll(async () => {
    api = await startApi();
    [admin, auditor, abaiOfficial, provider] = await Promise.all([
      login(api.url, 'admin'),
      login(api.url, 'auditor'),
      login(api.url, 'official.abai'),
      login(api.url, 'provider.pavlodar'),
    ]);
  });
  afterAll(() => api?.stop());

  const upload = (session: Session, content: string | Buffer, name = 'history.csv') =>
    request(api.url)
      .post('/api/monitoring/arrivals-history/import')
      .set(bearer(session.accessToken))
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  const forecast = (session: Session, query: Record<string, string>) =>
    request(api.url).get('/api/monitoring/forecasts').query(query).set(bearer(session.accessToken));

  describe('history', () => {
    it('is seeded with the published national yearly totals, each with its source', async () => {
      const rows = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query<{ year: number; confirmed: boolean; source: string }>(
              'SELECT year, confirmed, source FROM arrivals_history WHERE region_id IS NULL AND month IS NULL ORDER BY year',
            )
          ).rows,
      );
      expect(rows.map((r) => r.year)).toEqual(expect.arrayContaining([1993, 2013, 2016, 2020, 2021, 2025]));
      expect(rows.find((r) => r.year === 2021)!.confirmed).toBe(false);
      expect(rows.find((r) => r.year === 2016)!.source).toMatch(/^https:\/\/en\.inform\.kz\//);
    });

    it('refuses a file with bad rows, naming each row and field, and writes nothing', async () => {
      const before = await scalar(api.databaseUrl, 'SELECT count(*)::int FROM arrivals_history');
      const csv =
        'year,month,region_code,persons,source\n2024,1,55,10,A\n2024,13,55,5,A\n2024,2,99,-3,\n2024,1,55,4,A\n';
      const response = await upload(admin, csv).expect(400);
      expect(response.body.errors).toMatchObject({
        'rows.3.month': expect.any(String),
        'rows.4.region_code': expect.any(String),
        'rows.4.persons': expect.any(String),
        'rows.4.source': expect.any(String),
        'rows.5.month': expect.any(String),
      });
      expect((response.body.rows as { code: string }[]).map((r) => r.code)).toEqual([
        'import.not_month',
        'import.unknown_region',
        'import.not_count',
        'import.empty',
        'import.repeats_period',
      ]);
      expect(await scalar(api.databaseUrl, 'SELECT count(*)::int FROM arrivals_history')).toBe(before);
      await upload(admin, 'year,persons\n2024,3\n').expect(400);
      await request(api.url)
        .post('/api/monitoring/arrivals-history/import')
        .set(bearer(admin.accessToken))
        .send({})
        .expect(400);
    });

    it('imports a CSV once: the same file again changes nothing', async () => {
      const first = await upload(admin, history()).expect(200);
      expect(first.body).toEqual({ rows: 144, created: 144, updated: 0, unchanged: 0 });
      const state = () =>
        scalar<string>(
          api.databaseUrl,
          "SELECT string_agg(id || ':' || persons || ':' || version || ':' || imported_at, ',' ORDER BY id) FROM arrivals_history",
        );
      const before = await state();
      const again = await upload(admin, history()).expect(200);
      expect(again.body).toEqual({ rows: 144, created: 0, updated: 0, unchanged: 144 });
      expect(await state()).toBe(before);
      const audits = await scalar(
        api.databaseUrl,
        "SELECT count(*)::int FROM audit_event WHERE action = 'arrivals_history.import'",
      );
      expect(audits).toBe(2);
    });

    it('imports an XLSX workbook, a yearly figure and a region’s own months', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('history');
      sheet.addRow(['year', 'month', 'region_code', 'persons', 'source']);
      sheet.addRow([2024, 5, '10', 7, 'Abai akimat']);
      sheet.addRow([2024, null, '10', 80, 'Abai akimat']);
      sheet.addRow([2016, null, 'national', 33754, 'https://en.inform.kz/']);
      const response = await upload(admin, Buffer.from(await workbook.xlsx.writeBuffer()), 'history.xlsx').expect(200);
      expect(response.body).toEqual({ rows: 3, created: 2, updated: 1, unchanged: 0 });
    });

    it('lists history in pages; a region’s staff see their region’s rows and the national ones', async () => {
      const all = await request(api.url)
        .get('/api/monitoring/arrivals-history')
        .query({ range: '[0,9]', sort: '["year","DESC"]' })
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(all.body).toHaveLength(10);
      expect(all.headers['content-range']).toMatch(/^monitoring\/arrivals-history 0-9\/\d+$/);
      const abai = await regionIdByCode(api.databaseUrl, '10');
      const mine = await request(api.url)
        .get('/api/monitoring/arrivals-history')
        .query({ range: '[0,499]' })
        .set(bearer(abaiOfficial.accessToken))
        .expect(200);
      const regions = new Set((mine.body as { regionId: number | null }[]).map((r) => r.regionId));
      expect([...regions].sort()).toEqual([abai, null].sort());
    });

    it('lets only administrators import', async () => {
      await upload(abaiOfficial, history()).expect(403);
      await upload(auditor, history()).expect(403);
    });
  });

  describe('GET /monitoring/forecasts', () => {
    it('forecasts 12 months from `from` with ordered 80 % and 95 % intervals beside the baseline', async () => {
      const response = await forecast(admin, { regionCode: '55', from: '2024-01' }).expect(200);
      const body = response.body as {
        model: string;
        baseline: string;
        backtest: { mase: number; smape: number; coverage95: number };
        points: Point[];
        baselinePoints: Point[];
        backtestByModel: Record<string, unknown>;
      };
      expect(FORECAST_MODELS).toContain(body.model);
      expect(body.baseline).toBe('seasonal-naive');
      expect(body.points.map((p) => p.month)).toEqual(
        Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`),
      );
      expect(body.points.every(ordered)).toBe(true);
      expect(body.baselinePoints.every(ordered)).toBe(true);
      expect(body.backtest).toEqual({
        mase: expect.any(Number),
        smape: expect.any(Number),
        coverage80: expect.any(Number),
        coverage95: expect.any(Number),
      });
      expect(Object.keys(body.backtestByModel).sort()).toEqual([...FORECAST_MODELS].sort());
    });

    it('uses only months before `from`: changing later months changes nothing', async () => {
      const before = (await forecast(admin, { regionCode: '55', from: '2024-03' }).expect(200)).body;
      await upload(admin, history(500)).expect(200);
      const after = (await forecast(admin, { regionCode: '55', from: '2024-03' }).expect(200)).body;
      for (const key of ['model', 'backtest', 'backtestByModel', 'points', 'baselinePoints', 'inputs'])
        expect(after[key]).toEqual(before[key]);
      const later = (await forecast(admin, { regionCode: '55', from: '2024-06' }).expect(200)).body;
      expect(later.points).not.toEqual(before.points);
    });

    it('answers 400 for a bad region or month', async () => {
      const badRegion = await forecast(admin, { regionCode: '99' }).expect(400);
      expect(badRegion.body.errors.regionCode).toEqual(expect.any(String));
      expect((await forecast(admin, { from: '2024-13' }).expect(400)).body.errors.from).toEqual(expect.any(String));
      expect((await forecast(admin, { from: '2999-01' }).expect(400)).body.errors.from).toEqual(expect.any(String));
      await forecast(admin, { regionCode: 'pavlodar' }).expect(400);
    });

    it('shows a region’s staff their region and the nation only; provider staff nothing', async () => {
      await forecast(abaiOfficial, { regionCode: '10', from: '2024-06' }).expect(200);
      await forecast(abaiOfficial, { regionCode: 'national', from: '2024-06' }).expect(200);
      await forecast(abaiOfficial, { regionCode: '55', from: '2024-06' }).expect(403);
      await forecast(provider, { regionCode: '55' }).expect(403);
      await forecast(auditor, { regionCode: '55', from: '2024-06' }).expect(200);
    });
  });

  describe('the forecast job', () => {
    it('stores a run whose regional forecasts add up to the national one, and answers from it', async () => {
      const queued = await request(api.url)
        .post('/api/jobs/forecast/runs')
        .set(bearer(admin.accessToken))
        .send({})
        .expect(201);
      const run = await pollRun(api.url, admin, queued.body.id as string, finished);
      expect(run.state).toBe('completed');
      const runId = run.result!.forecastRunId as number;
      expect(await scalar(api.databaseUrl, 'SELECT job_run_id::text FROM forecast_run WHERE id = $1', [runId])).toBe(
        queued.body.id,
      );
      const sums = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query<{ month: string; national: number; regional: number }>(
              `SELECT p.month::text,
                  sum(p.mean) FILTER (WHERE s.region_id IS NULL) AS national,
                  sum(p.mean) FILTER (WHERE s.region_id IS NOT NULL) AS regional
           FROM forecast_point p JOIN forecast_series s ON s.id = p.series_id
           WHERE s.run_id = $1 AND p.kind = 'forecast' GROUP BY 1`,
              [runId],
            )
          ).rows,
      );
      expect(sums).toHaveLength(12);
      for (const s of sums) expect(s.regional).toBeCloseTo(s.national, 6);
      const latest = (await forecast(admin, { regionCode: '55' }).expect(200)).body;
      expect(latest.runId).toBe(runId);
      expect(latest.reconciled).toBe(true);
      expect(latest.points).toHaveLength(12);
      expect(latest.points.every(ordered)).toBe(true);
      const national = (await forecast(admin, {}).expect(200)).body;
      expect(national.regionCode).toBe('national');
      expect(national.runId).toBe(runId);
    });
  });
});

function ordered(p: Point): boolean {
  return 0 <= p.lo95 && p.lo95 <= p.lo80 && p.lo80 <= p.mean && p.mean <= p.hi80 && p.hi80 <= p.hi95;
}
