import { TINY_PDF } from '../fixtures/tiny-files';
import { bearer, regionIdByCode } from './api-helpers';
import type { RunningApi } from './api-process';
import { login } from './auth';
import { insertApprovedCase, insertCase, type PersonRecord } from './case-records';

/**
 * Something in every list a Pavlodar caseworker and official see — cases in several
 * statuses with long Kazakh names, documents and notes, inclusion requests (one
 * included, so a planned settlement, the rest in a proposed placement batch), a quota
 * ledger change, labour demand and region capacity — written through the API where
 * the API writes them, so the screens show what they would in use.
 */
export interface SeededLists {
  pavlodarId: number;
  /** A case under review with documents and notes: its page offers transitions. */
  reviewCaseId: number;
  reviewCaseNumber: string;
  batchId: number;
}

const FAMILY: PersonRecord[] = [
  {
    surname: 'Жұмабайұлы-Тұрсынбекова',
    givenName: 'Ақмаржан',
    patronymic: 'Серікқызы',
    birthDate: '1979-03-08',
    sex: 'F',
  },
  {
    surname: 'Жұмабайұлы',
    givenName: 'Нұрсұлтан',
    patronymic: 'Ерболұлы',
    birthDate: '1976-11-21',
    relation: 'spouse',
  },
  { surname: 'Жұмабайұлы', givenName: 'Әбілқайыр', birthDate: '2008-06-02', relation: 'child' },
  { surname: 'Жұмабайқызы', givenName: 'Гүлбаршын', birthDate: '2012-01-30', sex: 'F', relation: 'child' },
];

const family = (surname: string, size: number): PersonRecord[] =>
  FAMILY.slice(0, size).map((person, index) => (index === 0 ? { ...person, surname } : person));

export async function seedEveryList(api: RunningApi): Promise<SeededLists> {
  const pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  const northId = await regionIdByCode(api.databaseUrl, '59');
  const caseworker = (await login(api.url, 'caseworker.pavlodar')).accessToken;
  const official = (await login(api.url, 'official.pavlodar')).accessToken;
  const call = async <T = Record<string, unknown>>(token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${api.url}/api${path}`, {
      method,
      headers: { ...bearer(token), ...(body instanceof FormData ? {} : { 'Content-Type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  for (const status of ['draft', 'submitted', 'information_requested', 'rejected']) {
    await insertCase(api.databaseUrl, { regionId: pavlodarId, status, family: family('Тоқтарбекова-Сүлейменова', 3) });
  }
  const review = await insertCase(api.databaseUrl, {
    regionId: pavlodarId,
    status: 'under_review',
    family: family('Жұмабайұлы-Тұрсынбекова', 4),
  });
  const types = await call<{ id: number; key: string }[]>(caseworker, 'GET', '/document-types?range=[0,99]');
  for (const [key, personId] of [['application_form'], ['identity_document', review.personIds[0]]] as const) {
    const type = types.find((entry) => entry.key === key) ?? types[0];
    const form = new FormData();
    form.set('applicationId', String(review.id));
    form.set('documentTypeId', String(type.id));
    if (personId !== undefined) form.set('personId', String(personId));
    form.set('file', new Blob([TINY_PDF], { type: 'application/pdf' }), 'құжат-көшірмесі.pdf');
    await call(caseworker, 'POST', '/documents', form);
  }
  await call(caseworker, 'POST', `/applications/${review.id}/notes`, {
    comment: 'Өтініш беруші туыстарының Павлодар облысында тұратынын айтты',
  });

  const requests: { id: number; version: number }[] = [];
  for (const [index, surname] of ['Сәрсенбаева', 'Құдайбергенова', 'Ермекбайұлы'].entries()) {
    const approved = await insertApprovedCase(api.databaseUrl, {
      regionId: pavlodarId,
      family: family(surname, 2 + index),
    });
    requests.push(
      await call(caseworker, 'POST', '/inclusion-requests', {
        applicationId: approved.id,
        year: 2026,
        preferredRegionIds: [pavlodarId, northId],
        consent: true,
        adaptationServices: ['language_course'],
      }),
    );
  }
  await call(official, 'POST', `/inclusion-requests/${requests[0].id}/decision`, {
    decision: 'include',
    version: requests[0].version,
  });
  const batch = await call<{ id: number }>(official, 'POST', '/placement/batches', { year: 2026, category: 'kandas' });

  const quotas = await call<{ id: number; version: number }[]>(
    official,
    'GET',
    `/quotas?filter=${encodeURIComponent(JSON.stringify({ year: 2026, regionId: pavlodarId, category: 'kandas' }))}`,
  );
  await call(official, 'POST', `/quotas/${quotas[0].id}/ledger`, {
    entryDate: '2026-03-02',
    capacityDelta: 1250,
    legalAct: 'Қазақстан Республикасы Үкіметінің 2026 жылғы 2 наурыздағы № 1234 қаулысы',
    reason: 'Павлодар облысының әкімдігі қосымша тұрғын үй бөлді',
    version: quotas[0].version,
  });
  await call(official, 'POST', '/labour-demand', {
    year: 2026,
    regionId: pavlodarId,
    occupation: 'Ауыл шаруашылығы машиналарының механизаторы',
    vacancies: 4325,
    source: 'Павлодар облысының жұмыспен қамту басқармасы',
  });
  await call(official, 'POST', '/region-capacities', {
    year: 2026,
    regionId: pavlodarId,
    housingUnits: 1200,
    adaptationCentrePlaces: 350,
    source: 'Павлодар облысының әкімдігі',
  });
  return { pavlodarId, reviewCaseId: review.id, reviewCaseNumber: review.number, batchId: batch.id };
}
