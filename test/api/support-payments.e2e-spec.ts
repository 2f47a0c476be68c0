import request from 'supertest';
import { todayInKazakhstan } from '@qonys/domain';
import { bearer, regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';

/** State support in MCI (docs/support-payments.md): the benefit rules and what a family is entitled to. */
describe('support payments', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let settledFamily: number;
  let waitingFamily: number;

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'caseworker.pavlodar', 'official.pavlodar', 'official.abai']) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    settledFamily = await includedFamily(4, true);
    waitingFamily = await includedFamily(2, false);
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
    put: (path: string, body: object) => request(api.url).put(path).set(bearer(s[who].accessToken)).send(body),
  });
  const calculate = (who: string, query: Record<string, string | number>) =>
    as(who).get(
      `/api/support-payments/calculate?${new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]))}`,
    );

  /** An approved Pavlodar family of `size` in the 2026 quota; arrived in Pavlodar (a 2026 settlement region) or not yet. */
  async function includedFamily(size: number, arrived: boolean): Promise<number> {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: Array.from({ length: size }, (_, n) => ({ surname: 'Көшіпов', givenName: `Мүше${n}` })),
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
    if (arrived) {
      const filter = encodeURIComponent(JSON.stringify({ applicationId: family.id }));
      const [settlement] = (await as('official.pavlodar').get(`/api/settlements?filter=${filter}`).expect(200)).body;
      await as('official.pavlodar')
        .post(`/api/settlements/${settlement.id}/arrival`, {
          actualArrival: todayInKazakhstan(),
          version: settlement.version,
        })
        .expect(200);
    }
    return family.id;
  }

  describe('benefit rules', () => {
    it('lists the dated rules with their act, the unconfirmed ones marked', async () => {
      const filter = encodeURIComponent(JSON.stringify({ kind: 'housing' }));
      const response = await as('caseworker.pavlodar').get(`/api/benefit-rules?filter=${filter}`).expect(200);
      const rules = response.body as {
        formula: string;
        mciFixed: number | null;
        capKzt: number | null;
        validFrom: string;
        unconfirmed: boolean;
      }[];
      expect(rules.map((rule) => rule.validFrom)).toEqual(['2026-01-01', '2025-01-01', '2024-01-01', '2023-07-01']);
      expect(rules[0]).toMatchObject({ formula: 'fixed', mciFixed: 1625, unconfirmed: false });
      expect(rules[2]).toMatchObject({ formula: 'price_share', capKzt: 4_200_000 });
      expect(rules[1]).toMatchObject({ unconfirmed: true });
    });

    it('refuses a rule missing the terms of its formula, field by field, and clears terms of another formula', async () => {
      const base = {
        kind: 'employer',
        nameKk: 'Сынақ',
        nameRu: 'Тест',
        nameEn: 'Test',
        source: 'Test act',
        unconfirmed: false,
      };
      const refused = await as('admin')
        .post('/api/benefit-rules', { ...base, formula: 'monthly_range', mciMin: 10 })
        .expect(400);
      expect(Object.keys(refused.body.errorCodes ?? {})).toEqual(expect.arrayContaining(['mciMax', 'months']));
      const created = await as('admin')
        .post('/api/benefit-rules', { ...base, formula: 'fixed', mciFixed: 500, mciHead: 70, validFrom: '2040-01-01' })
        .expect(201);
      expect(created.body).toMatchObject({ mciFixed: 500, mciHead: null });
      await as('official.pavlodar')
        .post('/api/benefit-rules', { ...base, formula: 'fixed', mciFixed: 1 })
        .expect(403);
    });
  });

  describe('GET /api/support-payments/calculate', () => {
    it('gives 70 MCI for each of the four members in 2026: 1,211,000 ₸, with the rule it used', async () => {
      const response = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'relocation',
        date: '2026-06-01',
      }).expect(200);
      const ruleId = await scalar<number>(
        api.databaseUrl,
        "SELECT id FROM benefit_rule WHERE kind = 'relocation' AND valid_from = '2023-07-01'",
      );
      expect(response.body).toMatchObject({ amountMci: 280, mciValue: 4325, amountKzt: 1_211_000, ruleId, persons: 4 });
    });

    it('gives the fixed 1,625 MCI housing certificate of 2026 (7,028,125 ₸) and the 400 MCI employer subsidy', async () => {
      const housing = await calculate('caseworker.pavlodar', {
        applicationId: settledFamily,
        type: 'housing',
        date: '2026-04-01',
      }).expect(200);
      expect(housing.body).toMatchObject({ amountMci: 1625, amountKzt: 7_028_125 });
      const employer = await calculate('admin', {
        applicationId: settledFamily,
        type: 'employer',
        date: '2026-04-01',
      }).expect(200);
      expect(employer.body).toMatchObject({ amountMci: 400, amountKzt: 1_730_000 });
    });

    it('counts rent per month within its range and refuses a figure outside it', async () => {
      const least = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'rent',
        date: '2026-05-01',
      }).expect(200);
      expect(least.body).toMatchObject({ amountMci: 15, amountKzt: 64_875, months: 12, unconfirmed: true });
      const most = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'rent',
        date: '2026-05-01',
        monthlyMci: 30,
      }).expect(200);
      expect(most.body).toMatchObject({ amountKzt: 129_750 });
      const over = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'rent',
        date: '2026-05-01',
        monthlyMci: 31,
      }).expect(400);
      expect(JSON.stringify(over.body)).toContain('support.monthly_mci_out_of_range');
    });

    it('applies a later rule only from its own date, leaving earlier dates to the rule then in force', async () => {
      const rule = {
        kind: 'relocation',
        formula: 'per_person',
        mciHead: 80,
        mciPerMember: 80,
        validFrom: '2026-09-01',
        unconfirmed: false,
        nameKk: 'Жаңа',
        nameRu: 'Новое',
        nameEn: 'New',
        source: 'Test amendment',
      };
      const created = await as('admin').post('/api/benefit-rules', rule).expect(201);
      const before = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'relocation',
        date: '2026-06-01',
      }).expect(200);
      const after = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'relocation',
        date: '2026-10-01',
      }).expect(200);
      expect(before.body).toMatchObject({ amountMci: 280 });
      expect(after.body).toMatchObject({ amountMci: 320, ruleId: created.body.id });
      await as('admin')
        .put(`/api/benefit-rules/${created.body.id}`, { ...rule, validTo: '2026-09-30', version: created.body.version })
        .expect(200);
    });

    it('refuses a family not settled yet, a date outside the status, and a year without a rule or MCI', async () => {
      const waiting = await calculate('official.pavlodar', {
        applicationId: waitingFamily,
        type: 'relocation',
        date: '2026-06-01',
      }).expect(400);
      expect(waiting.body.errorCodes.applicationId).toMatchObject({
        code: 'support.not_settled_in_quota',
        params: { year: 2026 },
      });
      const early = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'relocation',
        date: '2026-01-10',
      }).expect(400);
      expect(JSON.stringify(early.body)).toContain('support.status_not_valid');
      const noMci = await calculate('official.pavlodar', {
        applicationId: settledFamily,
        type: 'relocation',
        date: '2027-06-01',
      }).expect(400);
      expect(JSON.stringify(noMci.body)).toMatch(/support\.(no_mci|not_settled_in_quota)/);
    });

    it('answers bad input with 400 per field, and another region’s case as missing', async () => {
      const bad = await calculate('official.pavlodar', {
        applicationId: 'x',
        type: 'pension',
        date: '2026-02-30',
      }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('applicationId');
      expect(JSON.stringify(bad.body)).toContain('type');
      expect(JSON.stringify(bad.body)).toContain('date');
      await calculate('official.abai', { applicationId: settledFamily, type: 'relocation', date: '2026-06-01' }).expect(
        404,
      );
    });
  });
});
