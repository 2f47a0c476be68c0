import request from 'supertest';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertCase } from '../support/case-records';
import { finished, pollRun } from '../support/job-runs';

const FAMILIES = 300;

interface Dashboard {
  asOf: string | null;
  year: number;
  regionId: number | null;
  origin: string | null;
  statutoryTermWorkingDays: number | null;
  applicationsByMonth: { month: string; status: string; applications: number }[];
  processingByMonth: {
    month: string;
    decisions: number;
    medianWorkingDays: number | null;
    p90WorkingDays: number | null;
  }[];
  decisionsByGround: { outcome: string; legalGroundId: number | null; decisions: number }[];
  overdueByRegion: { regionId: number; overdue: number }[];
  quotaByRegion: { regionId: number; capacity: number; reserved: number; settled: number; free: number }[];
  arrivalsByMonth: { month: string; regionId: number; families: number; persons: number }[];
  originCountries: { country: string | null; persons: number }[];
  agePyramid: { ageGroup: string; sex: string; persons: number }[];
  education: { educationLevel: string | null; persons: number }[];
  referralsByOutcome: { outcome: string; referrals: number }[];
  referralWaiting: { enrolled: number; medianDays: number | null; p90Days: number | null };
  payments: { kind: string; payments: number; amountKzt: number; amountMci: number }[];
  settlementBalance: { year: number; group: string; persons: number; share: number }[];
}

const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((n, r) => n + pick(r), 0);
// Kazakhstan is UTC+5 all year.
const KZ_YEAR = (column: string) => `extract(year FROM ${column} AT TIME ZONE 'UTC' + interval '5 hours')`;

/** The staff monitoring dashboard over its summary tables (docs/monitoring.md), on generated demo families. */
describe('GET /api/monitoring/dashboard', () => {
  let api: RunningApi;
  let admin: Session;
  let pavlodarCaseworker: Session;
  let pavlodar: number;
  let abai: number;
  /** The year in which Pavlodar (the caseworker's region) has the most submitted cases. */
  let YEAR: number;

  beforeAll(async () => {
    api = await startApi({ DEMO_FAMILIES: String(FAMILIES), DEMO_SEED: '7', DEMO_TODAY: '2026-11-20' });
    admin = await login(api.url, 'admin');
    pavlodarCaseworker = await login(api.url, 'caseworker.pavlodar');
    pavlodar = await regionIdByCode(api.databaseUrl, '55');
    abai = await regionIdByCode(api.databaseUrl, '10');
    YEAR = await scalar(
      api.databaseUrl,
      `SELECT ${KZ_YEAR('submitted_at')}::int FROM application WHERE region_id = $1 AND submitted_at IS NOT NULL
        GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`,
      [pavlodar],
    );
  });
  afterAll(() => api?.stop());

  const dashboard = async (query: Record<string, string | number>, session = admin): Promise<Dashboard> => {
    const response = await request(api.url)
      .get('/api/monitoring/dashboard')
      .query(query)
      .set(bearer(session.accessToken))
      .expect(200);
    return response.body as Dashboard;
  };
  const listTotal = async (path: string, filter: Record<string, unknown>) => {
    const response = await request(api.url)
      .get(path)
      .query({ filter: JSON.stringify(filter), range: '[0,0]' })
      .set(bearer(admin.accessToken))
      .expect(200);
    return Number(String(response.headers['content-range']).split('/')[1]);
  };

  it('is filled at start-up, with the refresh time', async () => {
    const board = await dashboard({ year: YEAR });
    expect(board.asOf).not.toBeNull();
    expect(board).toMatchObject({ year: YEAR, regionId: null, origin: null, statutoryTermWorkingDays: 6 });
    // Without a year: this year in Kazakhstan.
    const thisYear = await dashboard({});
    expect(thisYear.year).toBe(Number(new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 4)));
  });

  it('counts the submitted applications by status as the database holds them, and as the filtered list does', async () => {
    const board = await dashboard({ year: YEAR });
    const submitted = await scalar(
      api.databaseUrl,
      `SELECT count(*)::int FROM application WHERE submitted_at IS NOT NULL AND ${KZ_YEAR('submitted_at')} = $1`,
      [YEAR],
    );
    expect(submitted).toBeGreaterThan(0);
    expect(sum(board.applicationsByMonth, (r) => r.applications)).toBe(submitted);

    // A bar opens the case list with status, region and the month's dates: the same count.
    const regional = await dashboard({ year: YEAR, regionId: pavlodar });
    const [row] = [...regional.applicationsByMonth].sort((a, b) => b.applications - a.applications);
    const [y, m] = row.month.split('-').map(Number);
    const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const listed = await listTotal('/api/applications', {
      status: row.status,
      regionId: pavlodar,
      submittedFrom: `${row.month}-01`,
      submittedTo: `${row.month}-${String(lastDay).padStart(2, '0')}`,
    });
    expect(listed).toBe(row.applications);
  });

  it('counts overdue cases per region as the case list’s overdue queue does', async () => {
    const board = await dashboard({ year: YEAR });
    const overdue = await scalar(
      api.databaseUrl,
      `SELECT count(*)::int FROM application WHERE deadline_due < (now() AT TIME ZONE 'UTC' + interval '5 hours')::date`,
    );
    expect(sum(board.overdueByRegion, (r) => r.overdue)).toBe(overdue);
    for (const row of board.overdueByRegion) {
      expect(await listTotal('/api/applications', { queue: 'overdue', regionId: row.regionId })).toBe(row.overdue);
    }
  });

  it('counts arrivals, persons, quotas, referrals and payments as the case tables hold them', async () => {
    const board = await dashboard({ year: YEAR });
    const expected = await withDb(api.databaseUrl, async (db) => {
      const one = async (sql: string) => (await db.query<{ n: number }>(sql, [YEAR])).rows[0].n;
      return {
        families: await one(
          `SELECT count(*)::int AS n FROM settlement WHERE status IN ('arrived', 'departed') AND extract(year FROM actual_arrival) = $1`,
        ),
        persons: await one(
          `SELECT count(*)::int AS n FROM application_member m JOIN application a ON a.id = m.application_id
            WHERE a.submitted_at IS NOT NULL AND ${KZ_YEAR('a.submitted_at')} = $1`,
        ),
        capacity: await one(
          `SELECT coalesce(sum(capacity), 0)::int AS n FROM quota WHERE year = $1 AND category = 'kandas'`,
        ),
        referrals: await one(`SELECT count(*)::int AS n FROM referral WHERE ${KZ_YEAR('requested_at')} = $1`),
        paidKzt: await one(
          `SELECT coalesce(sum(amount_kzt), 0)::float8 AS n FROM support_payment
            WHERE state IN ('paid', 'reconciled') AND ${KZ_YEAR('paid_at')} = $1`,
        ),
      };
    });
    expect(sum(board.arrivalsByMonth, (r) => r.families)).toBe(expected.families);
    expect(expected.persons).toBeGreaterThan(0);
    expect(sum(board.agePyramid, (r) => r.persons)).toBe(expected.persons);
    expect(sum(board.education, (r) => r.persons)).toBe(expected.persons);
    expect(sum(board.originCountries, (r) => r.persons)).toBe(expected.persons);
    expect(sum(board.quotaByRegion, (r) => r.capacity)).toBe(expected.capacity);
    for (const q of board.quotaByRegion) expect(q.free).toBe(q.capacity - q.reserved - q.settled);
    expect(sum(board.referralsByOutcome, (r) => r.referrals)).toBe(expected.referrals);
    expect(sum(board.payments, (r) => r.amountKzt)).toBe(expected.paidKzt);
    // Every year's shares of the balance of settlement add up to one.
    const years = new Set(board.settlementBalance.map((r) => r.year));
    for (const year of years) {
      const shares = board.settlementBalance.filter((r) => r.year === year);
      if (sum(shares, (r) => r.persons) > 0) expect(sum(shares, (r) => r.share)).toBeCloseTo(1, 3);
    }
  });

  it('gives the median and 90th percentile of working days, the 90th never below the median', async () => {
    const board = await dashboard({ year: YEAR });
    const decided = await scalar(
      api.databaseUrl,
      `SELECT count(*)::int FROM application WHERE decided_at IS NOT NULL AND submitted_at IS NOT NULL
          AND status IN ('approved', 'expired', 'acceptance_refused', 'rejected') AND ${KZ_YEAR('decided_at')} = $1`,
      [YEAR],
    );
    expect(sum(board.processingByMonth, (r) => r.decisions)).toBe(decided);
    for (const row of board.processingByMonth) {
      expect(row.medianWorkingDays).not.toBeNull();
      expect(row.p90WorkingDays!).toBeGreaterThanOrEqual(row.medianWorkingDays!);
    }
  });

  it('keeps a caseworker to their own region, whatever region they ask for', async () => {
    const own = await dashboard({ year: YEAR }, pavlodarCaseworker);
    const askedForAbai = await dashboard({ year: YEAR, regionId: abai }, pavlodarCaseworker);
    const nationalPavlodar = await dashboard({ year: YEAR, regionId: pavlodar });
    const nationalAbai = await dashboard({ year: YEAR, regionId: abai });
    expect(own.regionId).toBe(pavlodar);
    expect(askedForAbai.regionId).toBe(pavlodar);
    const figures = (b: Dashboard) => ({
      applications: b.applicationsByMonth,
      overdue: b.overdueByRegion,
      arrivals: b.arrivalsByMonth,
      persons: b.agePyramid,
      quotas: b.quotaByRegion,
    });
    expect(figures(askedForAbai)).toEqual(figures(nationalPavlodar));
    expect(figures(own)).toEqual(figures(nationalPavlodar));
    for (const row of [...own.overdueByRegion, ...own.arrivalsByMonth, ...own.quotaByRegion])
      expect(row.regionId).toBe(pavlodar);
    expect(sum(own.applicationsByMonth, (r) => r.applications)).toBeGreaterThan(0);
    expect(figures(own)).not.toEqual(figures(nationalAbai));
  });

  it('filters by the applicant’s country of origin', async () => {
    const all = await dashboard({ year: YEAR });
    const [country] = all.originCountries.filter((r) => r.country !== null);
    const filtered = await dashboard({ year: YEAR, origin: country.country! });
    const expected = await scalar(
      api.databaseUrl,
      `SELECT count(*)::int FROM application a JOIN person p ON p.id = a.applicant_id
        WHERE a.submitted_at IS NOT NULL AND ${KZ_YEAR('a.submitted_at')} = $1 AND p.country_of_origin = $2`,
      [YEAR, country.country],
    );
    expect(sum(filtered.applicationsByMonth, (r) => r.applications)).toBe(expected);
    expect(filtered.origin).toBe(country.country);
  });

  it('refuses bad filters with a code per field, and refuses providers’ staff', async () => {
    const response = await request(api.url)
      .get('/api/monitoring/dashboard')
      .query({ year: '19x', regionId: '0', origin: 'ZZ' })
      .set(bearer(admin.accessToken))
      .expect(400);
    expect(Object.keys(response.body.errors).sort()).toEqual(['origin', 'regionId', 'year']);
    await request(api.url)
      .get('/api/monitoring/dashboard')
      .query({ year: '1800' })
      .set(bearer(admin.accessToken))
      .expect(400);
    const provider = await login(api.url, 'provider.pavlodar');
    await request(api.url).get('/api/monitoring/dashboard').set(bearer(provider.accessToken)).expect(403);
  });

  it('shows a new case after the monitoring-aggregates job runs, not before', async () => {
    // The new case is submitted now: this year's figures.
    const before = await dashboard({ regionId: abai });
    await insertCase(api.databaseUrl, { regionId: abai, status: 'submitted' });
    const stale = await dashboard({ regionId: abai });
    expect(stale.applicationsByMonth).toEqual(before.applicationsByMonth);

    const created = await request(api.url)
      .post('/api/jobs/monitoring-aggregates/runs')
      .send({})
      .set(bearer(admin.accessToken))
      .expect(201);
    const run = await pollRun(api.url, admin, created.body.id, finished);
    expect(run).toMatchObject({ state: 'completed', progress: { phase: 'monitoring.phase_refreshing' } });

    const after = await dashboard({ regionId: abai });
    expect(new Date(after.asOf!).getTime()).toBeGreaterThan(new Date(before.asOf!).getTime());
    const submitted = (b: Dashboard) =>
      sum(
        b.applicationsByMonth.filter((r) => r.status === 'submitted'),
        (r) => r.applications,
      );
    expect(submitted(after)).toBe(submitted(before) + 1);
  });
});
