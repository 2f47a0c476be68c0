import request from 'supertest';
import { bearer, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

type Row = Record<string, unknown> & { id: number; version: number };

/** The fields each resource's PUT takes (besides `version`). */
const EDITABLE: Record<string, string[]> = {
  regions: [
    'code',
    'nameKk',
    'nameRu',
    'nameEn',
    'centreKk',
    'centreRu',
    'centreEn',
    'settlementYears',
    'source',
    'validFrom',
    'validTo',
  ],
  'mci-rates': ['year', 'amount', 'source', 'validFrom', 'validTo'],
  holidays: [
    'kind',
    'month',
    'day',
    'date',
    'nameKk',
    'nameRu',
    'nameEn',
    'movesIfWeekend',
    'source',
    'validFrom',
    'validTo',
  ],
  deadlines: ['key', 'nameKk', 'nameRu', 'nameEn', 'amount', 'unit', 'source', 'validFrom', 'validTo'],
};
const bodyOf = (resource: string, row: Row, changes: Record<string, unknown> = {}) => ({
  ...Object.fromEntries(EDITABLE[resource].map((field) => [field, row[field]])),
  version: row.version,
  ...changes,
});

const REGION_CODES = [
  '10',
  '11',
  '15',
  '19',
  '23',
  '27',
  '31',
  '33',
  '35',
  '39',
  '43',
  '47',
  '55',
  '59',
  '61',
  '62',
  '63',
  '71',
  '75',
  '79',
];

describe('reference data', () => {
  let api: RunningApi;
  let admin: Session;
  let caseworker: Session;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    caseworker = await login(api.url, 'caseworker.pavlodar');
  });
  afterAll(() => api?.stop());

  const list = (resource: string, query: Record<string, unknown> = {}, token = admin.accessToken) =>
    request(api.url)
      .get(`/api/${resource}`)
      .query({ range: '[0,99]', ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])) })
      .set(bearer(token));
  const one = async (resource: string, filter: Record<string, unknown>): Promise<Row> => {
    const response = await list(resource, { filter }).expect(200);
    expect(response.body).toHaveLength(1);
    return response.body[0] as Row;
  };
  const put = (resource: string, id: number, body: object, token = admin.accessToken) =>
    request(api.url).put(`/api/${resource}/${id}`).set(bearer(token)).send(body);
  const post = (resource: string, body: object, token = admin.accessToken) =>
    request(api.url).post(`/api/${resource}`).set(bearer(token)).send(body);
  const addWorkingDays = (query: Record<string, string>) =>
    request(api.url).get('/api/calendar/add-working-days').query(query).set(bearer(caseworker.accessToken));

  describe('as seeded', () => {
    it('has the 20 administrative units with KATO codes 10…79 and names in Kazakh, Russian and English', async () => {
      const response = await list('regions').expect(200);
      expect(response.headers['content-range']).toBe('regions 0-19/20');
      expect(response.body.map((r: Row) => r.code)).toEqual(REGION_CODES);
      for (const region of response.body as Row[]) {
        for (const field of ['nameKk', 'nameRu', 'nameEn', 'source'])
          expect(region[field]).toEqual(expect.stringMatching(/\S/));
      }
      const byCode = Object.fromEntries((response.body as Row[]).map((r) => [r.code, r]));
      expect(byCode['55']).toMatchObject({
        nameKk: 'Павлодар облысы',
        nameRu: 'Павлодарская область',
        nameEn: 'Pavlodar',
      });
      expect(byCode['10']).toMatchObject({ nameKk: 'Абай облысы', nameEn: 'Abai', validFrom: '2022-06-08' });
      expect(byCode['71']).toMatchObject({ nameEn: 'Astana' });
    });

    it.each([2025, 2026])('counts Pavlodar (55) among the settlement regions of %i', async (year) => {
      const response = await list('regions', { filter: { settlementYear: year } }).expect(200);
      expect(response.body.map((r: Row) => r.code)).toContain('55');
      expect(response.body.map((r: Row) => r.code)).not.toContain('71');
    });

    it('lists no settlement region for a year without a programme (2023)', async () => {
      const response = await list('regions', { filter: { settlementYear: 2023 } }).expect(200);
      expect(response.body).toEqual([]);
    });

    it('leaves out the three regions formed in June 2022 when asked for those valid on 2021-01-01', async () => {
      const response = await list('regions', { filter: { validOn: '2021-01-01' } }).expect(200);
      const codes = response.body.map((r: Row) => r.code);
      expect(codes).toHaveLength(17);
      expect(codes).not.toEqual(expect.arrayContaining(['10']));
      expect(codes.filter((c: string) => ['10', '33', '62'].includes(c))).toEqual([]);
    });

    it('has the MCI of 2023–2026 in tenge', async () => {
      const response = await list('mci-rates', { sort: ['year', 'ASC'] }).expect(200);
      expect(response.body.map((r: Row) => [r.year, r.amount])).toEqual([
        [2023, 3450],
        [2024, 3692],
        [2025, 3932],
        [2026, 4325],
      ]);
    });

    it('has the three days of Nauryz (21–23 March) and Kurban Ait on 2026-05-27', async () => {
      const fixed = await list('holidays', { filter: { kind: 'fixed' } }).expect(200);
      const nauryz = (fixed.body as Row[])
        .filter((h) => h.nameEn === 'Nauryz')
        .map((h) => [h.month, h.day, h.movesIfWeekend]);
      expect(nauryz).toEqual([
        [3, 21, true],
        [3, 22, true],
        [3, 23, true],
      ]);
      const kurban = await one('holidays', { year: 2026, kind: 'dated' });
      expect(kurban).toMatchObject({ date: '2026-05-27', nameEn: 'Kurban Ait (day 1)', movesIfWeekend: false });
    });

    it('has the statutory deadlines', async () => {
      const response = await list('deadlines').expect(200);
      const byKey = Object.fromEntries((response.body as Row[]).map((d) => [d.key, [d.amount, d.unit]]));
      // Later procedures add their own deadlines; these three are the foundation's.
      expect(byKey).toMatchObject({
        commission_review: [3, 'working_days'],
        completeness_check: [1, 'working_days'],
        status_validity: [1, 'years'],
      });
    });
  });

  describe('the working-day calculator', () => {
    it.each([
      ['Nauryz 2026 on Saturday–Monday, with substitute days 24–25 March', '2026-03-20', 1, '2026-03-26'],
      ['an ordinary Friday to Monday', '2026-04-03', 1, '2026-04-06'],
      ['Victory Day 2026 on a Saturday, moved to Monday 11 May', '2026-05-08', 1, '2026-05-12'],
      ['Kurban Ait 2026 (a dated holiday)', '2026-05-26', 1, '2026-05-28'],
      ['New Year 2027 (2 January on Saturday, moved to Monday 4 January)', '2026-12-31', 1, '2027-01-05'],
      ['across New Year and Orthodox Christmas (7 January)', '2026-12-31', 3, '2027-01-08'],
      ['0 days from a holiday: the next working day', '2026-03-23', 0, '2026-03-26'],
      ['0 days from a working day: that day', '2026-03-26', 0, '2026-03-26'],
      ['Nauryz in 2031, a year with nothing seeded (22–23 March on the weekend)', '2031-03-20', 1, '2031-03-26'],
      ['Independence Day in 2031', '2031-12-15', 1, '2031-12-17'],
    ])('counts %s', async (_name, from, days, date) => {
      const response = await addWorkingDays({ from, days: String(days) }).expect(200);
      expect(response.body).toEqual({ date });
    });

    it.each([
      ['from missing', { days: '1' }, 'from'],
      ['from in the wrong format', { from: '20.03.2026', days: '1' }, 'from'],
      ['from a day that does not exist', { from: '2026-02-30', days: '1' }, 'from'],
      ['days missing', { from: '2026-03-20' }, 'days'],
      ['days negative', { from: '2026-03-20', days: '-1' }, 'days'],
      ['days not a whole number', { from: '2026-03-20', days: '1.5' }, 'days'],
      ['days not a number', { from: '2026-03-20', days: 'two' }, 'days'],
    ])('refuses %s: 400 keyed by it', async (_name, query, key) => {
      const response = await addWorkingDays(query).expect(400);
      expect(Object.keys(response.body.errors)).toEqual([key]);
    });

    it('follows a day off added through the API (a Government day off on 2026-11-30)', async () => {
      expect((await addWorkingDays({ from: '2026-11-27', days: '1' }).expect(200)).body).toEqual({
        date: '2026-11-30',
      });
      await post('holidays', {
        kind: 'dated',
        date: '2026-11-30',
        nameKk: 'Демалыс күні',
        nameRu: 'Выходной день',
        nameEn: 'Day off (Government decree)',
        movesIfWeekend: false,
        source: 'Government decree (test)',
      }).expect(201);
      expect((await addWorkingDays({ from: '2026-11-27', days: '1' }).expect(200)).body).toEqual({
        date: '2026-12-01',
      });
    });

    it('follows a weekend made a working day through the API', async () => {
      // Saturday 2026-10-03 becomes a working day.
      expect((await addWorkingDays({ from: '2026-10-02', days: '1' }).expect(200)).body).toEqual({
        date: '2026-10-05',
      });
      await post('holidays', {
        kind: 'working_day',
        date: '2026-10-03',
        nameKk: 'Жұмыс күні',
        nameRu: 'Рабочий день',
        nameEn: 'Working Saturday (Government decree)',
        movesIfWeekend: false,
        source: 'Government decree (test)',
      }).expect(201);
      expect((await addWorkingDays({ from: '2026-10-02', days: '1' }).expect(200)).body).toEqual({
        date: '2026-10-03',
      });
    });
  });

  describe('editing', () => {
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      ['regions', { code: '55' }, { settlementYears: [2016, 2024, 2025, 2026, 2027] }],
      ['mci-rates', { year: 2026 }, { source: 'Law on the republican budget 2026–2028, art. 9' }],
      ['holidays', { kind: 'fixed', q: 'Constitution' }, { nameEn: 'Constitution Day of Kazakhstan' }],
      ['deadlines', { q: 'commission_review' }, { source: 'MTSZN order 329-Ө-М, consolidated text' }],
    ];

    it.each(cases)('lets an admin edit %s with the version: 200 and version + 1', async (resource, filter, changes) => {
      const row = await one(resource, filter);
      const response = await put(resource, row.id, bodyOf(resource, row, changes)).expect(200);
      expect(response.body).toMatchObject({ ...changes, id: row.id, version: row.version + 1 });
      const reread = await request(api.url)
        .get(`/api/${resource}/${row.id}`)
        .set(bearer(admin.accessToken))
        .expect(200);
      expect(reread.body).toMatchObject({ ...changes, version: row.version + 1 });
    });

    it.each(cases)('refuses a stale version of %s with 409 and keeps the record', async (resource, filter) => {
      const current = await one(resource, filter);
      const stale = { ...current, version: current.version - 1 };
      expect(stale.version).toBeGreaterThanOrEqual(1);
      const response = await put(resource, current.id, bodyOf(resource, stale, { source: 'a stale edit' })).expect(409);
      expect(response.body.statusCode).toBe(409);
      expect(await one(resource, filter)).toEqual(current);
    });

    it('shows the settlement-year edit in the settlementYear filter', async () => {
      const response = await list('regions', { filter: { settlementYear: 2027 } }).expect(200);
      expect(response.body.map((r: Row) => r.code)).toEqual(['55']);
    });

    it('refuses a second region with a code already used: 409 errors.code', async () => {
      const abai = await one('regions', { code: '10' });
      const created = await post('regions', {
        ...bodyOf('regions', abai),
        version: undefined,
        code: '55',
        nameEn: 'Copy',
      }).expect(409);
      expect(created.body.errors).toHaveProperty('code');
      const edited = await put('regions', abai.id, bodyOf('regions', abai, { code: '55' })).expect(409);
      expect(edited.body.errors).toHaveProperty('code');
      expect(await one('regions', { code: '10' })).toEqual(abai);
    });

    it('refuses a second MCI for the same year: 409 errors.year', async () => {
      const response = await post('mci-rates', { year: 2026, amount: 5000, source: 'duplicate' }).expect(409);
      expect(response.body.errors).toHaveProperty('year');
    });

    it('lets an admin add next year’s MCI', async () => {
      const response = await post('mci-rates', {
        year: 2027,
        amount: 4500,
        source: 'draft budget',
        validFrom: '2027-01-01',
        validTo: '2027-12-31',
      }).expect(201);
      expect(response.body).toMatchObject({ year: 2027, amount: 4500, version: 1 });
    });

    it('refuses a dated holiday without a date: 400 errors.date', async () => {
      const response = await post('holidays', {
        kind: 'dated',
        nameKk: 'Демалыс',
        nameRu: 'Выходной',
        nameEn: 'Day off',
        movesIfWeekend: false,
        source: 'test',
      }).expect(400);
      expect(response.body.errors).toHaveProperty('date');
    });

    it('refuses a date that does not exist: 400 keyed by the field', async () => {
      const holiday = await post('holidays', {
        kind: 'dated',
        date: '2026-02-30',
        nameKk: 'Демалыс',
        nameRu: 'Выходной',
        nameEn: 'Day off',
        movesIfWeekend: false,
        source: 'test',
      }).expect(400);
      expect(holiday.body.errors).toHaveProperty('date');
      const mci = await post('mci-rates', { year: 2029, amount: 4800, source: 'test', validFrom: '2029-02-29' }).expect(
        400,
      );
      expect(mci.body.errors).toHaveProperty('validFrom');
    });

    it('refuses a fixed holiday without a month: 400 errors.month', async () => {
      const response = await post('holidays', {
        kind: 'fixed',
        day: 1,
        nameKk: 'Мереке',
        nameRu: 'Праздник',
        nameEn: 'Holiday',
        movesIfWeekend: true,
        source: 'test',
      }).expect(400);
      expect(response.body.errors).toHaveProperty('month');
    });

    it('refuses validTo before validFrom: 400 errors.validTo', async () => {
      const response = await post('mci-rates', {
        year: 2028,
        amount: 4700,
        source: 'test',
        validFrom: '2028-01-01',
        validTo: '2027-12-31',
      }).expect(400);
      expect(response.body.errors).toHaveProperty('validTo');
      const row = await one('deadlines', { q: 'status_validity' });
      const edit = await put(
        'deadlines',
        row.id,
        bodyOf('deadlines', row, { validFrom: '2026-01-01', validTo: '2025-01-01' }),
      ).expect(400);
      expect(edit.body.errors).toHaveProperty('validTo');
      expect(await one('deadlines', { q: 'status_validity' })).toEqual(row);
    });

    it('refuses an unknown field and the id: 400 keyed by the field', async () => {
      const row = await one('mci-rates', { year: 2025 });
      const unknown = await put('mci-rates', row.id, { ...bodyOf('mci-rates', row), currency: 'KZT' }).expect(400);
      expect(unknown.body.errors).toHaveProperty('currency');
      const id = await put('mci-rates', row.id, { ...bodyOf('mci-rates', row), id: 1 }).expect(400);
      expect(id.body.errors).toHaveProperty('id');
    });

    it('writes nothing for a refused edit', async () => {
      const count = () =>
        withDb(
          api.databaseUrl,
          async (db) =>
            (
              await db.query(
                'SELECT (SELECT count(*) FROM audit_event)::int AS n, (SELECT count(*) FROM holiday)::int AS h',
              )
            ).rows[0],
        );
      const before = await count();
      await post('holidays', {
        kind: 'dated',
        nameKk: 'x',
        nameRu: 'x',
        nameEn: 'x',
        movesIfWeekend: false,
        source: 'x',
      }).expect(400);
      await post('regions', {
        code: '55',
        nameKk: 'x',
        nameRu: 'x',
        nameEn: 'x',
        settlementYears: [],
        source: 'x',
      }).expect(409);
      expect(await count()).toEqual(before);
    });
  });

  describe('a caseworker', () => {
    it.each(['regions', 'mci-rates', 'holidays', 'deadlines'])('reads %s', async (resource) => {
      const response = await list(resource, {}, caseworker.accessToken).expect(200);
      expect(response.body.length).toBeGreaterThan(0);
      await request(api.url)
        .get(`/api/${resource}/${response.body[0].id}`)
        .set(bearer(caseworker.accessToken))
        .expect(200);
    });

    it.each(['regions', 'mci-rates', 'holidays', 'deadlines'])(
      'may not create or edit %s (403), and nothing changes',
      async (resource) => {
        const [row] = (await list(resource, {}, caseworker.accessToken).expect(200)).body as Row[];
        await put(
          resource,
          row.id,
          bodyOf(resource, row, { source: 'edited by a caseworker' }),
          caseworker.accessToken,
        ).expect(403);
        await post(resource, { ...bodyOf(resource, row), version: undefined }, caseworker.accessToken).expect(403);
        const after = await request(api.url)
          .get(`/api/${resource}/${row.id}`)
          .set(bearer(caseworker.accessToken))
          .expect(200);
        expect(after.body).toEqual(row);
      },
    );
  });
});
