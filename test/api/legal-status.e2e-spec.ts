import request from 'supertest';
import { todayInKazakhstan } from '@qonys/domain';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { insertApprovedCase, insertCase } from '../support/case-records';
import { includeInQuota } from '../support/inclusion';

/** Permanent residence and citizenship after the status (docs/legal-status.md). */
describe('legal-status steps', () => {
  let api: RunningApi;
  const s: Record<string, Session> = {};
  let pavlodarId: number;
  let family: { id: number; personIds: number[]; certificateNumber: string };

  beforeAll(async () => {
    api = await startApi();
    for (const username of ['admin', 'caseworker.pavlodar', 'official.pavlodar', 'official.abai', 'auditor']) {
      s[username] = await login(api.url, username);
    }
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    family = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: ['Азаматов', 'Азаматова', 'Азаматов'].map((surname, n) => ({ surname, givenName: `Мүше${n}` })),
    });
    await includeInQuota(
      api.url,
      { caseworker: s['caseworker.pavlodar'], official: s['official.pavlodar'] },
      family.id,
      pavlodarId,
      { arrived: true },
    );
  });
  afterAll(() => api?.stop());

  const as = (who: string) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(s[who].accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(s[who].accessToken)).send(body),
  });
  const step = (personId: number, kind: string, extra: object = {}) => ({
    applicationId: family.id,
    personId,
    kind,
    appliedOn: '2026-10-01',
    authority: 'Павлодар облысы ПД көші-қон қызметі',
    ...extra,
  });
  const caseStatus = () => scalar<string>(api.databaseUrl, 'SELECT status FROM application WHERE id = $1', [family.id]);
  const grant = (id: number, version: number, decidedOn = todayInKazakhstan()) =>
    as('caseworker.pavlodar').post(`/api/legal-status-steps/${id}/decision`, {
      decision: 'granted',
      decidedOn,
      reference: `№ ${id}`,
      version,
    });

  it('records a member’s application for permanent residence, once, and only for the case’s members', async () => {
    const [a] = family.personIds;
    const created = await as('caseworker.pavlodar').post('/api/legal-status-steps', step(a, 'permanent_residence'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      state: 'applied',
      kind: 'permanent_residence',
      applicationNumber: expect.stringMatching(/^KND-/),
      memberName: 'Азаматов Мүше0',
    });
    const twice = await as('official.pavlodar').post('/api/legal-status-steps', step(a, 'permanent_residence'));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'legal_step.already_held', params: { step: created.body.id } });

    const stranger = await insertCase(api.databaseUrl, { regionId: pavlodarId, status: 'draft' });
    const notMember = await as('caseworker.pavlodar').post(
      '/api/legal-status-steps',
      step(stranger.personIds[0], 'citizenship'),
    );
    expect(notMember.status).toBe(400);
    expect(notMember.body.errorCodes.personId).toMatchObject({ code: 'legal_step.not_a_member' });
    const draftCase = await as('caseworker.pavlodar').post('/api/legal-status-steps', {
      ...step(stranger.personIds[0], 'citizenship'),
      applicationId: stranger.id,
    });
    expect(draftCase.body.errorCodes.applicationId).toMatchObject({
      code: 'legal_step.case_without_status',
      params: { status: 'draft' },
    });
    const future = await as('caseworker.pavlodar').post(
      '/api/legal-status-steps',
      step(family.personIds[1], 'citizenship', { appliedOn: '2099-01-01' }),
    );
    expect(future.body.errorCodes.appliedOn).toMatchObject({ code: 'legal_step.date_in_future' });
    const bad = await as('caseworker.pavlodar').post('/api/legal-status-steps', {
      applicationId: 'x',
      personId: -1,
      kind: 'visa',
      appliedOn: '2026-02-30',
      authority: '',
      extra: true,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errorCodes)).toEqual(
      expect.arrayContaining(['applicationId', 'personId', 'kind', 'appliedOn', 'authority']),
    );
    await as('official.abai').post('/api/legal-status-steps', step(a, 'citizenship')).expect(404);
    await as('auditor').post('/api/legal-status-steps', step(a, 'citizenship')).expect(403);
  });

  it('records the decision once, never dated before the application, with the reads on record', async () => {
    const filter = encodeURIComponent(JSON.stringify({ applicationId: family.id, kind: 'permanent_residence' }));
    const [applied] = (await as('caseworker.pavlodar').get(`/api/legal-status-steps?filter=${filter}`).expect(200))
      .body;
    const early = await as('caseworker.pavlodar').post(`/api/legal-status-steps/${applied.id}/decision`, {
      decision: 'granted',
      decidedOn: '2026-09-30',
      version: applied.version,
    });
    expect(early.body.errorCodes.decidedOn).toMatchObject({
      code: 'legal_step.decided_before_applied',
      params: { date: '2026-10-01' },
    });
    await as('official.abai')
      .post(`/api/legal-status-steps/${applied.id}/decision`, {
        decision: 'granted',
        decidedOn: '2026-11-01',
        version: applied.version,
      })
      .expect(404);
    const granted = await grant(applied.id, applied.version, '2026-11-01').expect(200);
    expect(granted.body).toMatchObject({ state: 'granted', decidedOn: '2026-11-01', reference: `№ ${applied.id}` });
    const again = await grant(applied.id, granted.body.version);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'legal_step.already_decided' });
    expect(await caseStatus()).toBe('approved');
    const read = await scalar<number>(
      api.databaseUrl,
      `SELECT count(*)::int FROM audit_event WHERE action = 'work_list.view' AND entity_type = 'legal_status_step'`,
    );
    expect(read).toBeGreaterThanOrEqual(1);
    await as('official.abai').get(`/api/legal-status-steps/${applied.id}`).expect(404);
  });

  it('ends the status once every member is a citizen: the case closes, once, and payments not yet due stop', async () => {
    // The last citizenship dated 15 November: the rent of 20 November was not yet due.
    const endedOn = '2026-11-15';
    const relocation = await as('official.pavlodar')
      .post('/api/support-payments', { applicationId: family.id, type: 'relocation', date: '2026-06-15' })
      .expect(201);
    const rent = await as('official.pavlodar')
      .post('/api/support-payments', { applicationId: family.id, type: 'rent', date: '2026-11-20', monthlyMci: 20 })
      .expect(201);

    const applied = [];
    for (const personId of family.personIds) {
      const created = await as('caseworker.pavlodar').post('/api/legal-status-steps', step(personId, 'citizenship'));
      expect(created.status).toBe(201);
      applied.push(created.body as { id: number; version: number });
    }
    await grant(applied[0].id, applied[0].version, '2026-11-02').expect(200);
    expect(await caseStatus()).toBe('approved');
    // The last two at once: whichever comes second sees the other's and closes the case, once.
    const [second, third] = await Promise.all([
      grant(applied[1].id, applied[1].version, endedOn),
      grant(applied[2].id, applied[2].version, endedOn),
    ]);
    expect([second.status, third.status]).toEqual([200, 200]);
    expect(await caseStatus()).toBe('naturalised');
    const transitions = await scalar<number>(
      api.databaseUrl,
      `SELECT count(*)::int FROM application_event WHERE application_id = $1 AND transition = 'naturalise'`,
      [family.id],
    );
    expect(transitions).toBe(1);
    const line = await scalar<string>(
      api.databaseUrl,
      `SELECT data->'message'->>'code' FROM application_event WHERE application_id = $1 AND transition = 'naturalise'`,
      [family.id],
    );
    expect(line).toBe('timeline.status_ended_citizenship');
    const since = await scalar<string>(
      api.databaseUrl,
      `SELECT data->'message'->'params'->>'date' FROM application_event WHERE application_id = $1 AND transition = 'naturalise'`,
      [family.id],
    );
    expect(since).toBe(endedOn);
    const active = await scalar<number>(
      api.databaseUrl,
      'SELECT count(*)::int FROM application_member WHERE application_id = $1 AND active',
      [family.id],
    );
    expect(active).toBe(0);
    const payments = await withDb(api.databaseUrl, async (db) =>
      Object.fromEntries(
        (
          await db.query('SELECT id, state, cancel_reason FROM support_payment WHERE application_id = $1', [family.id])
        ).rows.map((row: { id: number; state: string; cancel_reason: string | null }) => [
          row.id,
          `${row.state}${row.cancel_reason ? `:${row.cancel_reason}` : ''}`,
        ]),
      ),
    );
    expect(payments).toEqual({ [relocation.body.id]: 'draft', [rent.body.id]: 'cancelled:status_ended' });

    const verified = await request(api.url).get(`/api/public/certificates/${family.certificateNumber}`).expect(200);
    expect(verified.body).toMatchObject({ status: 'ended' });
    const closed = await as('caseworker.pavlodar').post(
      '/api/legal-status-steps',
      step(family.personIds[0], 'citizenship'),
    );
    expect(closed.body.errorCodes.applicationId).toMatchObject({ code: 'legal_step.case_without_status' });
  });
});
