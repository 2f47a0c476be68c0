import { todayInKazakhstan } from '@qonys/domain';
import type { RunningApi } from '../support/api-process';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { login } from '../support/auth';
import { insertApprovedCase } from '../support/case-records';
import { includeInQuota } from '../support/inclusion';
import { finished, pollRun } from '../support/job-runs';
import { seedEveryList } from '../support/list-records';

/**
 * The data the walk runs on: the generated demo (docs/demo-data.md) — a few hundred
 * families, so the walk stays fast, with the default seed, so a finding reproduces —
 * loaded by the API at start, plus `seedEveryList`'s records with long Kazakh names in
 * every list a Pavlodar caseworker and official open (the demo spreads its families
 * over all regions and may leave one of those lists empty), and one transfer request
 * from Pavlodar to Abai (docs/transfers.md), and a Pavlodar family's adaptation plan
 * with a referral to the region's adaptation centre (docs/integration-services.md),
 * its arrival four months ago with the follow-up that brings, and its relocation subsidy
 * prepared (docs/support-payments.md), a message queued to that family
 * (docs/applicant-messages.md), and a family that left Pavlodar under the residence
 * obligation with support to return — none of which the demo generates.
 */
export const WALK_API_ENV = { DEMO_FAMILIES: '300', DEMO_SEED: '2026' };

/** Adds to the demo what `WALK_API_ENV` cannot: written once the API is up. */
export async function prepareWalkData(api: RunningApi): Promise<void> {
  await seedEveryList(api);
  const [pavlodar, abai] = await Promise.all([login(api.url, 'official.pavlodar'), login(api.url, 'official.abai')]);
  const pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  const abaiId = await regionIdByCode(api.databaseUrl, '10');
  const call = async <T>(token: string, method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${api.url}/api${path}`, {
      method,
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`walk data: ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  type Planned = { id: number; version: number; applicationId: number };
  const planned = (token: string, filter: object) =>
    call<Planned[]>(
      token,
      'GET',
      `/settlements?range=[0,499]&filter=${encodeURIComponent(JSON.stringify({ status: 'planned', ...filter }))}`,
    );
  const ask = (token: string, settlement: Planned, regionId: number) =>
    call<{ id: number; version: number }>(token, 'POST', `/settlements/${settlement.id}/move`, {
      regionId,
      reasonCode: 'relatives',
      reason: 'Отбасының туыстары тұрғын үй ұсынады',
      consentDate: '2026-11-20',
      consentDocument: '№ 417/2026',
      version: settlement.version,
    });
  // A Pavlodar family goes to Abai and asks to come back: a request each way, the open one
  // on a Pavlodar case, so every role the walk takes has a row to see.
  const [first] = await planned(pavlodar.accessToken, { regionId: pavlodarId });
  if (!first) throw new Error('walk data: no planned settlement in Pavlodar');
  const out = await ask(pavlodar.accessToken, first, abaiId);
  await call(abai.accessToken, 'POST', `/transfer-requests/${out.id}/accept`, { version: out.version });
  const [moved] = await planned(abai.accessToken, { applicationId: first.applicationId });
  await ask(abai.accessToken, moved, pavlodarId);

  // Another Pavlodar family's plan, an information session referred to the centre where provider.pavlodar works.
  // A family of a Pavlodar case included in Pavlodar's quota: its plan and support are Pavlodar's.
  const caseworker = await login(api.url, 'caseworker.pavlodar');
  const settling = await insertApprovedCase(api.databaseUrl, {
    regionId: pavlodarId,
    family: [
      { surname: 'Бейімделеров', givenName: 'Ғалымжан', birthDate: '1982-05-14', sex: 'M' },
      { surname: 'Бейімделерова', givenName: 'Әйгерім', birthDate: '1985-09-03', sex: 'F', relation: 'spouse' },
    ],
  });
  await includeInQuota(api.url, { caseworker, official: pavlodar }, settling.id, pavlodarId, {
    arrived: false,
    adaptationServices: ['information', 'language_course'],
  });
  const [second] = await planned(pavlodar.accessToken, { applicationId: settling.id });
  const plan = await call<{ id: number }>(pavlodar.accessToken, 'POST', '/adaptation-plans', {
    applicationId: second.applicationId,
  });
  const byCode = encodeURIComponent(JSON.stringify({ code: 'information_consultation' }));
  const [information] = await call<{ id: number }[]>(pavlodar.accessToken, 'GET', `/service-types?filter=${byCode}`);
  const { items } = await call<{ items: { id: number; serviceTypeId: number }[] }>(
    pavlodar.accessToken,
    'POST',
    `/adaptation-plans/${plan.id}/items`,
    { serviceTypeId: information.id },
  );
  const centres = encodeURIComponent(JSON.stringify({ kind: 'adaptation_centre' }));
  const [centre] = await call<{ id: number }[]>(pavlodar.accessToken, 'GET', `/service-providers?filter=${centres}`);
  const refer = (planItemId: number) =>
    call<{ id: number }>(pavlodar.accessToken, 'POST', '/referrals', {
      planItemId,
      providerId: centre.id,
      period: todayInKazakhstan().slice(0, 7),
      consentToShare: true,
    });
  await refer(items[items.length - 1].id);
  // Messages to applicants (docs/applicant-messages.md): the family gave an e-mail, and the
  // centre accepts a second referral, which queues a message (the walk has no mail server:
  // it waits); the first stays for the centre's staff to answer.
  await withDb(api.databaseUrl, (db) =>
    db.query('UPDATE person SET email = $2 WHERE id = $1', [settling.personIds[0], 'beimdelerov@example.kz']),
  );
  const more = await call<{ items: { id: number }[] }>(
    pavlodar.accessToken,
    'POST',
    `/adaptation-plans/${plan.id}/items`,
    {
      serviceTypeId: information.id,
    },
  );
  const accepted = await refer(more.items[more.items.length - 1].id);
  const provider = await login(api.url, 'provider.pavlodar');
  await call(provider.accessToken, 'POST', `/referrals/${accepted.id}/transitions`, { action: 'accept' });
  // The family arrived four months ago (its first follow-up is due) and its relocation
  // subsidy is prepared: a payment in this month's batch.
  const arrived = new Date(`${todayInKazakhstan()}T00:00:00Z`);
  arrived.setUTCMonth(arrived.getUTCMonth() - 4);
  await call(pavlodar.accessToken, 'POST', `/settlements/${second.id}/arrival`, {
    actualArrival: arrived.toISOString().slice(0, 10),
    version: second.version,
  });
  await call(pavlodar.accessToken, 'POST', '/support-payments', {
    applicationId: second.applicationId,
    type: 'relocation',
    date: todayInKazakhstan(),
  });
  const admin = await login(api.url, 'admin');
  // Staff notifications (docs/notifications.md), so each role with a bell has one to open:
  // the relocation payment above waits for the admin's approval; the admin prepares the
  // family's rent of this month, which waits for the official's; and assigns the
  // caseworker a case.
  await call(admin.accessToken, 'POST', '/support-payments', {
    applicationId: second.applicationId,
    type: 'rent',
    date: todayInKazakhstan(),
  });
  const [unassigned] = await call<{ id: number }[]>(
    caseworker.accessToken,
    'GET',
    `/applications?filter=${encodeURIComponent(JSON.stringify({ queue: 'unassigned' }))}`,
  );
  if (!unassigned) throw new Error('walk data: no unassigned Pavlodar case');
  await call(admin.accessToken, 'POST', '/applications/assign', {
    ids: [unassigned.id],
    assignedToId: caseworker.user.id,
  });
  const run = await call<{ id: string }>(admin.accessToken, 'POST', '/jobs/outcome-follow-ups/runs', {});
  await pollRun(api.url, admin, run.id, finished);

  // The residence obligation switched on (docs/support-payments.md), and a family that left
  // Pavlodar right after its relocation support was paid: a recovery for the official to close.
  await call(admin.accessToken, 'POST', '/deadlines', {
    key: 'residence_obligation',
    nameKk: 'Қолдаудан кейін өңірде тұру міндеті',
    nameRu: 'Обязанность проживать в регионе после поддержки',
    nameEn: 'Residence obligation after support',
    amount: 5,
    unit: 'years',
    source: 'Rules of 2017 (wording as reported); UNCONFIRMED as current',
    validFrom: '2017-01-01',
  });
  const leaving = await insertApprovedCase(api.databaseUrl, {
    regionId: pavlodarId,
    family: [{ surname: 'Көшкенов', givenName: 'Ерлан', birthDate: '1979-02-11', sex: 'M' }],
  });
  await includeInQuota(api.url, { caseworker, official: pavlodar }, leaving.id, pavlodarId, { arrived: true });
  const relocation = await call<{ id: number }>(pavlodar.accessToken, 'POST', '/support-payments', {
    applicationId: leaving.id,
    type: 'relocation',
    date: todayInKazakhstan(),
  });
  // Paid by the bank: the register and its answer are walked elsewhere (the batch screens).
  await withDb(api.databaseUrl, (db) =>
    db.query(
      `UPDATE support_payment SET state = 'paid', approved_by = $2, approved_at = now(), sent_at = now(),
              paid_at = now(), bank_reference = 'WALK-0001' WHERE id = $1`,
      [relocation.id, admin.user.id],
    ),
  );
  const [settled] = await call<{ id: number; version: number }[]>(
    pavlodar.accessToken,
    'GET',
    `/settlements?filter=${encodeURIComponent(JSON.stringify({ applicationId: leaving.id }))}`,
  );
  await call(pavlodar.accessToken, 'POST', `/settlements/${settled.id}/departure`, {
    departedOn: todayInKazakhstan(),
    toRegionId: abaiId,
    version: settled.version,
  });
}
