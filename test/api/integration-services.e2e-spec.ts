import { todayInKazakhstan } from '@qonys/domain';
import request from 'supertest';
import { bearer, regionIdByCode, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase, insertCase } from '../support/case-records';
import { includeInQuota } from '../support/inclusion';
import { finished, pollRun } from '../support/job-runs';

/** Integration services after arrival (docs/integration-services.md): providers, plans, referrals. */
describe('integration services', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let abaiId: number;
  let centreId: number;
  const thisMonth = todayInKazakhstan().slice(0, 7);

  beforeAll(async () => {
    api = await startApi();
    for (const username of [
      'admin',
      'caseworker.pavlodar',
      'official.pavlodar',
      'official.abai',
      'provider.pavlodar',
    ]) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
    centreId = await scalar(api.databaseUrl, "SELECT id FROM service_provider WHERE name LIKE 'Павлодар облысының%'");
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
    put: (path: string, body: object) => request(api.url).put(path).set(bearer(s[who].accessToken)).send(body),
  });
  const typeId = (code: string) =>
    scalar<number>(api.databaseUrl, 'SELECT id FROM service_type WHERE code = $1', [code]);
  const step = (who: string, id: number, body: object) => as(who).post(`/api/referrals/${id}/transitions`, body);

  /** An included Pavlodar family that arrived today: two adults and a child of school age. */
  async function arrivedFamily(services = ['information', 'language_course', 'educational']) {
    const family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: [
        { surname: 'Бейімов', givenName: 'Асқар', birthDate: '1984-02-10', sex: 'M' },
        { surname: 'Бейімова', givenName: 'Дана', birthDate: '1987-07-01', sex: 'F', relation: 'spouse' },
        { surname: 'Бейімов', givenName: 'Нұр', birthDate: '2015-09-15', sex: 'M', relation: 'child' },
      ],
    });
    await includeInQuota(
      api.url,
      { caseworker: s['caseworker.pavlodar'], official: s['official.pavlodar'] },
      family.id,
      pavlodarId,
      { arrived: true, adaptationServices: services },
    );
    return family;
  }

  async function providerWith(places: Record<string, number>, regionId = pavlodarId, who = 'official.pavlodar') {
    const services = await Promise.all(
      Object.entries(places).map(async ([code, n]) => ({ serviceTypeId: await typeId(code), placesPerMonth: n })),
    );
    const response = await as(who)
      .post('/api/service-providers', {
        regionId,
        kind: 'language_school',
        name: `Тіл мектебі ${Math.random()}`,
        services,
      })
      .expect(201);
    return response.body as { id: number; version: number; services: { serviceTypeId: number }[] };
  }

  describe('service types and providers', () => {
    it('lists the service types in the law’s groups, in three languages, to staff and providers', async () => {
      const response = await as('provider.pavlodar').get('/api/service-types?range=[0,99]').expect(200);
      const codes = (response.body as { code: string; serviceGroup: string; nameKk: string }[]).map((t) => t.code);
      expect(codes).toEqual(expect.arrayContaining(['kazakh_language', 'school_place', 'legal_aid', 'psychologist']));
      expect(new Set(response.body.map((t: { serviceGroup: string }) => t.serviceGroup))).toEqual(
        new Set(['information', 'legal', 'social', 'medical', 'educational']),
      );
    });

    it('lets a region’s official keep its providers, and no one else’s', async () => {
      const provider = await providerWith({ kazakh_language: 12, russian_language: 5 });
      expect(provider.services).toHaveLength(2);
      await as('caseworker.pavlodar')
        .post('/api/service-providers', { regionId: pavlodarId, kind: 'ngo', name: 'Көмек', services: [] })
        .expect(403);
      const foreign = await as('official.abai')
        .post('/api/service-providers', { regionId: pavlodarId, kind: 'ngo', name: 'Көмек', services: [] })
        .expect(403);
      expect(foreign.body.code).toBe('region.not_yours');
      await as('official.abai').get(`/api/service-providers/${provider.id}`).expect(404);
      const list = await as('official.abai').get('/api/service-providers?range=[0,99]').expect(200);
      expect(list.body.every((p: { regionId: number }) => p.regionId === abaiId)).toBe(true);
    });

    it('refuses a repeated or unknown service and odd shapes, per field', async () => {
      const kazakh = await typeId('kazakh_language');
      const repeated = await as('official.pavlodar')
        .post('/api/service-providers', {
          regionId: pavlodarId,
          kind: 'ngo',
          name: 'Көмек',
          services: [
            { serviceTypeId: kazakh, placesPerMonth: 1 },
            { serviceTypeId: kazakh, placesPerMonth: 2 },
          ],
        })
        .expect(400);
      expect(repeated.body.errorCodes.services.code).toBe('provider.service_repeated');
      const unknown = await as('official.pavlodar')
        .post('/api/service-providers', {
          regionId: pavlodarId,
          kind: 'ngo',
          name: 'Көмек',
          services: [{ serviceTypeId: 999999, placesPerMonth: 1 }],
        })
        .expect(400);
      expect(unknown.body.errorCodes.services.code).toBe('provider.service_type_not_found');
      const shapes = await as('official.pavlodar')
        .post('/api/service-providers', { regionId: 'x', kind: 'bank', name: '', services: [[]] })
        .expect(400);
      expect(Object.keys(shapes.body.errorCodes).sort()).toEqual(expect.arrayContaining(['kind', 'name', 'regionId']));
    });
  });

  describe('adaptation plan', () => {
    it('starts from the services chosen at inclusion, per member, once per family', async () => {
      const family = await arrivedFamily();
      const plan = await as('caseworker.pavlodar')
        .post('/api/adaptation-plans', { applicationId: family.id })
        .expect(201);
      const items = plan.body.items as { serviceTypeId: number; personId: number | null }[];
      const [info, kazakh, school] = await Promise.all(
        ['information_consultation', 'kazakh_language', 'school_place'].map(typeId),
      );
      expect(items.map((i) => [i.serviceTypeId, i.personId])).toEqual(
        expect.arrayContaining([
          [info, null],
          [kazakh, family.personIds[0]],
          [kazakh, family.personIds[1]],
          [school, family.personIds[2]],
        ]),
      );
      expect(items).toHaveLength(4);
      const again = await as('caseworker.pavlodar')
        .post('/api/adaptation-plans', { applicationId: family.id })
        .expect(409);
      expect(again.body.code).toBe('plan.already_exists');
      await as('official.abai').get(`/api/adaptation-plans/${plan.body.id}`).expect(404);
      const timeline = await as('caseworker.pavlodar').get(`/api/applications/${family.id}/timeline`).expect(200);
      expect(JSON.stringify(timeline.body)).toContain('timeline.plan_started');
    });

    it('refuses a family not yet included, and a person outside the family', async () => {
      const draft = await insertCase(api.databaseUrl, { regionId: pavlodarId });
      const refused = await as('caseworker.pavlodar')
        .post('/api/adaptation-plans', { applicationId: draft.id })
        .expect(400);
      expect(refused.body.errorCodes.applicationId.code).toBe('plan.not_included');
      const family = await arrivedFamily(['information']);
      const plan = await as('official.pavlodar')
        .post('/api/adaptation-plans', { applicationId: family.id })
        .expect(201);
      const stranger = await as('official.pavlodar')
        .post(`/api/adaptation-plans/${plan.body.id}/items`, {
          serviceTypeId: await typeId('psychologist'),
          personId: draft.personIds[0],
        })
        .expect(400);
      expect(stranger.body.errorCodes.personId.code).toBe('plan.person_not_member');
    });
  });

  describe('referrals', () => {
    it('goes from request to outcome with the provider, who sees only what the family agreed to share', async () => {
      const family = await arrivedFamily();
      const plan = await as('caseworker.pavlodar')
        .post('/api/adaptation-plans', { applicationId: family.id })
        .expect(201);
      const kazakh = await typeId('kazakh_language');
      const [first, second] = plan.body.items.filter((i: { serviceTypeId: number }) => i.serviceTypeId === kazakh);
      const shared = await as('caseworker.pavlodar')
        .post('/api/referrals', { planItemId: first.id, providerId: centreId, period: thisMonth, consentToShare: true })
        .expect(201);
      expect(shared.body).toMatchObject({ state: 'requested', providerId: centreId, applicationNumber: family.number });
      expect(shared.body.dueDate > todayInKazakhstan()).toBe(true);
      const unshared = await as('caseworker.pavlodar')
        .post('/api/referrals', {
          planItemId: second.id,
          providerId: centreId,
          period: thisMonth,
          consentToShare: false,
        })
        .expect(201);
      const twice = await as('caseworker.pavlodar')
        .post('/api/referrals', { planItemId: first.id, providerId: centreId, period: thisMonth, consentToShare: true })
        .expect(409);
      expect(twice.body.code).toBe('referral.already_open');

      const inbox = await as('provider.pavlodar').get('/api/referrals?range=[0,99]').expect(200);
      const seen = new Map((inbox.body as { id: number }[]).map((r) => [r.id, r as Record<string, unknown>]));
      expect(seen.get(shared.body.id)).toMatchObject({ contact: { name: 'Бейімов Асқар' } });
      expect(seen.get(unshared.body.id)).toMatchObject({ contact: null });
      for (const row of seen.values()) {
        expect(row).not.toHaveProperty('applicationNumber');
        expect(row).not.toHaveProperty('applicationId');
        expect(row).not.toHaveProperty('personId');
      }
      const reads = await scalar<number>(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'work_list.view' AND entity_type = 'referral'
            AND changes->'personIds'->'after' @> $1::jsonb`,
        [JSON.stringify([family.personIds[0]])],
      );
      expect(reads).toBeGreaterThan(0);

      const accepted = await step('provider.pavlodar', shared.body.id, { action: 'accept' }).expect(200);
      expect(accepted.body.state).toBe('accepted');
      await step('provider.pavlodar', shared.body.id, { action: 'enrol', version: accepted.body.version }).expect(200);
      const cancel = await step('provider.pavlodar', shared.body.id, { action: 'cancel' }).expect(403);
      expect(cancel.body.code).toBe('referral.provider_cannot_cancel');
      const noOutcome = await step('provider.pavlodar', shared.body.id, { action: 'complete' }).expect(400);
      expect(noOutcome.body.errorCodes.outcome.code).toBe('referral.outcome_required');
      const done = await step('provider.pavlodar', shared.body.id, {
        action: 'complete',
        outcome: 'successful',
        providerNotes: 'A2 деңгейі',
      }).expect(200);
      expect(done.body).toMatchObject({ state: 'completed', outcome: 'successful', providerNotes: 'A2 деңгейі' });
      const late = await step('provider.pavlodar', shared.body.id, { action: 'enrol' }).expect(409);
      expect(late.body).toMatchObject({ code: 'referral.not_allowed', params: { referralState: 'completed' } });

      const rejectBare = await step('provider.pavlodar', unshared.body.id, { action: 'reject' }).expect(400);
      expect(rejectBare.body.errorCodes.reason.code).toBe('referral.reason_required');
      await step('provider.pavlodar', unshared.body.id, { action: 'reject', reason: 'bribe' }).expect(400);
      await step('provider.pavlodar', unshared.body.id, { action: 'reject', reason: 'not_eligible' }).expect(200);

      const timeline = JSON.stringify(
        (await as('caseworker.pavlodar').get(`/api/applications/${family.id}/timeline`)).body,
      );
      for (const code of [
        'referral_requested',
        'referral_accepted',
        'referral_enrolled',
        'referral_completed',
        'referral_rejected',
      ]) {
        expect(timeline).toContain(`timeline.${code}`);
      }
    });

    it('never fills a provider over its places under concurrency, and lets the waiting list in order', async () => {
      const provider = await providerWith({ kazakh_language: 2 });
      const kazakh = await typeId('kazakh_language');
      const referralIds: number[] = [];
      for (let n = 0; n < 3; n++) {
        const family = await arrivedFamily(['language_course']);
        const plan = await as('official.pavlodar')
          .post('/api/adaptation-plans', { applicationId: family.id })
          .expect(201);
        for (const item of plan.body.items.filter((i: { serviceTypeId: number }) => i.serviceTypeId === kazakh)) {
          const created = await as('official.pavlodar')
            .post('/api/referrals', {
              planItemId: item.id,
              providerId: provider.id,
              period: thisMonth,
              consentToShare: true,
            })
            .expect(201);
          referralIds.push(created.body.id);
        }
      }
      expect(referralIds).toHaveLength(6);
      const answers = await Promise.all(referralIds.map((id) => step('official.pavlodar', id, { action: 'accept' })));
      expect(answers.map((a) => a.status)).toEqual(referralIds.map(() => 200));
      const states = answers.map((a) => a.body.state as string);
      expect(states.filter((x) => x === 'accepted')).toHaveLength(2);
      expect(states.filter((x) => x === 'waitlisted')).toHaveLength(4);
      const used = await scalar<number>(
        api.databaseUrl,
        `SELECT u.used FROM provider_capacity_use u JOIN provider_service ps ON ps.id = u.provider_service_id
          WHERE ps.provider_id = $1`,
        [provider.id],
      );
      expect(used).toBe(2);

      const waiting = await as('official.pavlodar')
        .get(
          `/api/referrals?filter=${encodeURIComponent(JSON.stringify({ providerId: provider.id, state: 'waitlisted' }))}&sort=${encodeURIComponent('["id","ASC"]')}`,
        )
        .expect(200);
      const positions = (waiting.body as { id: number; waitlistPosition: number; waitlistedAt: string }[]).sort(
        (a, b) => a.waitlistPosition - b.waitlistPosition,
      );
      expect(positions.map((r) => r.waitlistPosition)).toEqual([1, 2, 3, 4]);

      const acceptedId = answers.find((a) => a.body.state === 'accepted')!.body.id as number;
      await step('official.pavlodar', acceptedId, { action: 'cancel', reason: 'moved_away' }).expect(200);
      const promoted = await as('official.pavlodar').get(`/api/referrals/${positions[0].id}`).expect(200);
      expect(promoted.body.state).toBe('accepted');
      const stillWaiting = await as('official.pavlodar').get(`/api/referrals/${positions[1].id}`).expect(200);
      expect(stillWaiting.body).toMatchObject({ state: 'waitlisted', waitlistPosition: 1 });

      // Two more places a month: the next two waiting take them at once, the last still waits.
      await as('official.pavlodar')
        .put(`/api/service-providers/${provider.id}`, {
          regionId: pavlodarId,
          kind: 'language_school',
          name: 'Тіл мектебі',
          services: [{ serviceTypeId: kazakh, placesPerMonth: 4 }],
          version: provider.version,
        })
        .expect(200);
      const after = await Promise.all(
        positions.slice(1).map(async (r) => (await as('official.pavlodar').get(`/api/referrals/${r.id}`)).body),
      );
      expect(after.map((r) => [r.state, r.waitlistPosition])).toEqual([
        ['accepted', null],
        ['accepted', null],
        ['waitlisted', 1],
      ]);

      const dropped = await as('official.pavlodar')
        .put(`/api/service-providers/${provider.id}`, {
          regionId: pavlodarId,
          kind: 'language_school',
          name: 'Тіл мектебі',
          services: [],
          version: provider.version,
        })
        .expect(400);
      expect(dropped.body.errorCodes.services.code).toBe('provider.service_in_use');
    });

    it('keeps each side to its own: another region, another provider, bad shapes', async () => {
      const provider = await providerWith({ psychologist: 3 });
      const family = await arrivedFamily(['information']);
      const plan = await as('caseworker.pavlodar')
        .post('/api/adaptation-plans', { applicationId: family.id })
        .expect(201);
      const item = plan.body.items[0];
      const abaiProvider = await providerWith({ information_consultation: 5 }, abaiId, 'official.abai');
      const elsewhere = await as('caseworker.pavlodar')
        .post('/api/referrals', {
          planItemId: item.id,
          providerId: abaiProvider.id,
          period: thisMonth,
          consentToShare: true,
        })
        .expect(400);
      expect(elsewhere.body.errorCodes.providerId.code).toBe('referral.provider_other_region');
      const notOffered = await as('caseworker.pavlodar')
        .post('/api/referrals', {
          planItemId: item.id,
          providerId: provider.id,
          period: thisMonth,
          consentToShare: true,
        })
        .expect(400);
      expect(notOffered.body.errorCodes.providerId.code).toBe('referral.provider_not_offering');
      const past = await as('caseworker.pavlodar')
        .post('/api/referrals', { planItemId: item.id, providerId: centreId, period: '2020-01', consentToShare: true })
        .expect(400);
      expect(past.body.errorCodes.period.code).toBe('referral.period_past');
      await as('caseworker.pavlodar')
        .post('/api/referrals', { planItemId: item.id, providerId: centreId, period: '2026-13', consentToShare: 'yes' })
        .expect(400);
      await as('official.abai')
        .post('/api/referrals', { planItemId: item.id, providerId: centreId, period: thisMonth, consentToShare: true })
        .expect(404);
      await as('provider.pavlodar')
        .post('/api/referrals', { planItemId: item.id, providerId: centreId, period: thisMonth, consentToShare: true })
        .expect(403);

      const other = await as('caseworker.pavlodar')
        .post('/api/referrals', { planItemId: item.id, providerId: centreId, period: thisMonth, consentToShare: true })
        .expect(201);
      await as('official.abai').get(`/api/referrals/${other.body.id}`).expect(404);
      // The demo provider's staff do not see a referral to another provider.
      const psych = await as('caseworker.pavlodar')
        .post(`/api/adaptation-plans/${plan.body.id}/items`, { serviceTypeId: await typeId('psychologist') })
        .expect(201);
      const psychItem = psych.body.items.find(
        (i: { serviceTypeId: number }) => i.serviceTypeId === provider.services[0].serviceTypeId,
      );
      const toOther = await as('caseworker.pavlodar')
        .post('/api/referrals', {
          planItemId: psychItem.id,
          providerId: provider.id,
          period: thisMonth,
          consentToShare: true,
        })
        .expect(201);
      await as('provider.pavlodar').get(`/api/referrals/${toOther.body.id}`).expect(404);
      await step('provider.pavlodar', toOther.body.id, { action: 'accept' }).expect(404);
      await step('caseworker.pavlodar', toOther.body.id, { action: 'launch' }).expect(400);
      await step('caseworker.pavlodar', toOther.body.id, { action: 'accept', version: 99 }).expect(409);
    });
  });

  describe('outcome follow-ups', () => {
    const runFollowUps = async () => {
      const created = await as('admin').post('/api/jobs/outcome-follow-ups/runs', {}).expect(201);
      const run = await pollRun(api.url, s.admin, created.body.id as string, finished);
      expect(run).toMatchObject({ state: 'completed' });
      return run.result as { created: number };
    };
    const byCase = (id: number) =>
      `/api/follow-ups?filter=${encodeURIComponent(JSON.stringify({ applicationId: id }))}`;

    it('creates the 3-, 6- and 12-month follow-ups a family has reached, once, in the region’s queue', async () => {
      const family = await arrivedFamily(['information']);
      const monthsAgo = (n: number) =>
        scalar<string>(api.databaseUrl, `SELECT to_char(now()::date - make_interval(months => $1), 'YYYY-MM-DD')`, [n]);
      const arrival = await monthsAgo(7);
      await scalar(
        api.databaseUrl,
        'UPDATE settlement SET actual_arrival = $2 WHERE application_id = $1 RETURNING id',
        [family.id, arrival],
      );
      const first = await runFollowUps();
      expect(first.created).toBeGreaterThanOrEqual(2);
      const list = await as('caseworker.pavlodar').get(byCase(family.id)).expect(200);
      expect(list.body.map((f: { round: number }) => f.round).sort()).toEqual([1, 2]);
      expect(list.body[0]).toMatchObject({ state: 'open', applicationNumber: family.number });
      expect((await runFollowUps()).created).toBe(0);
      await as('official.abai').get(`/api/follow-ups/${list.body[0].id}`).expect(404);

      const queue = encodeURIComponent(JSON.stringify({ queue: 'follow_up_due' }));
      const due = await as('caseworker.pavlodar').get(`/api/applications?filter=${queue}&range=[0,499]`).expect(200);
      expect(due.body.map((a: { id: number }) => a.id)).toContain(family.id);

      const [open] = list.body as { id: number; version: number }[];
      const bad = await as('caseworker.pavlodar')
        .post(`/api/follow-ups/${open.id}/record`, { employment: 'astronaut', version: open.version })
        .expect(400);
      expect(Object.keys(bad.body.errorCodes)).toEqual(
        expect.arrayContaining(['employment', 'languageLevel', 'schooling']),
      );
      const answer = {
        employment: 'employed',
        employmentRoute: 'career_centre',
        languageLevel: 'a2',
        schooling: 'all',
        housing: 'rented',
        version: open.version,
      };
      const done = await as('caseworker.pavlodar').post(`/api/follow-ups/${open.id}/record`, answer).expect(200);
      expect(done.body).toMatchObject({ state: 'done', employment: 'employed', employmentRoute: 'career_centre' });
      const again = await as('caseworker.pavlodar')
        .post(`/api/follow-ups/${open.id}/record`, { ...answer, version: done.body.version })
        .expect(409);
      expect(again.body.code).toBe('follow_up.already_done');
      const timeline = JSON.stringify(
        (await as('caseworker.pavlodar').get(`/api/applications/${family.id}/timeline`)).body,
      );
      expect(timeline).toContain('timeline.follow_up_recorded');
    });
  });
});
