import { iinCheckDigit } from '@qonys/domain';
import request from 'supertest';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { seedEveryList } from '../support/list-records';

/** docs/personal-data.md, Reads: every read of personal data on the audit log, and no oracle across regions. */

interface ReadEvent {
  id: string;
  action: string;
  actor_username: string;
  entity_type: string | null;
  entity_id: string | null;
  person_ids: number[] | null;
}

/** A valid IIN for a birth date (1900–2099) and a sex; `serial` tells IINs apart. */
function iinFor(birthDate: string, sex: 'M' | 'F', serial: number): string {
  const centuryDigit = (birthDate >= '2000' ? 5 : 3) + (sex === 'F' ? 1 : 0);
  for (let s = serial; ; s++) {
    const first11 = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${centuryDigit}${String(s).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

describe('personal data reads', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let pavlodar: Session;
  let abai: Session;
  let pavlodarId: number;
  let abaiId: number;
  let serial = 100;

  beforeAll(async () => {
    api = await startApi();
    [admin, auditor, pavlodar, abai] = await Promise.all(
      ['admin', 'auditor', 'caseworker.pavlodar', 'caseworker.abai'].map((u) => login(api.url, u)),
    );
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
  });
  afterAll(() => api?.stop());

  const get = (session: Session, path: string) => request(api.url).get(path).set(bearer(session.accessToken));
  const post = (session: Session, path: string, body: object) =>
    request(api.url).post(path).set(bearer(session.accessToken)).send(body);
  const put = (session: Session, path: string, body: object) =>
    request(api.url).put(path).set(bearer(session.accessToken)).send(body);
  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));

  /** The audit entries written after `afterId`, with the person ids they name. */
  const eventsAfter = (afterId: string, action?: string): Promise<ReadEvent[]> =>
    withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query<ReadEvent>(
        `SELECT id::text, action, actor_username, entity_type, entity_id,
                (SELECT array_agg(value::int ORDER BY value::int) FROM jsonb_array_elements_text(changes -> 'personIds' -> 'after')) AS person_ids
           FROM audit_event WHERE id > $1 AND ($2::text IS NULL OR action = $2) ORDER BY id`,
        [afterId, action ?? null],
      );
      return rows;
    });
  const lastEventId = () =>
    withDb(
      api.databaseUrl,
      async (db) =>
        (await db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM audit_event')).rows[0].id,
    );

  async function register(
    session: Session,
    fields: Record<string, unknown> = {},
  ): Promise<{ id: number; version: number }> {
    const response = await post(session, '/api/persons', {
      surname: 'Тұрсынов',
      givenName: 'Ерлан',
      birthDate: '1975-03-14',
      sex: 'M',
      ...fields,
    });
    if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: number; version: number };
  }

  /** A case of `regionId` holding the persons (the first as applicant), opened in the database. */
  const openCase = (regionId: number, personIds: number[]): Promise<number> =>
    withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO application (number, status, channel, region_id, applicant_id)
         VALUES ('KND-2026-' || lpad((700000 + $3::int)::text, 6, '0'), 'approved', 'in_person', $1, $2) RETURNING id`,
        [regionId, personIds[0], serial++],
      );
      for (const [i, personId] of personIds.entries()) {
        await db.query(
          `INSERT INTO application_member (application_id, person_id, relation, active) VALUES ($1, $2, $3, true)`,
          [rows[0].id, personId, i === 0 ? 'applicant' : 'child'],
        );
      }
      return rows[0].id;
    });

  describe('auditing reads', () => {
    it('writes one person.list entry per page a caseworker reads, naming exactly the persons on it', async () => {
      // 1,100 persons in the region, so paging 500 at a time takes three pages.
      await withDb(api.databaseUrl, (db) =>
        db.query(
          `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
           SELECT 'Бекетов', 'Арман', 'Beketov', 'Arman', DATE '1980-01-01' + g, 'M', $1, 'beketov arman'
             FROM generate_series(1, 1100) g`,
          [pavlodarId],
        ),
      );
      const before = await lastEventId();
      const pages: number[][] = [];
      for (let start = 0; ; start += 500) {
        const response = await get(pavlodar, `/api/persons?range=${enc([start, start + 499])}`).expect(200);
        const ids = (response.body as { id: number }[]).map((p) => p.id);
        if (ids.length === 0) break;
        pages.push(ids);
        if (ids.length < 500) break;
      }
      expect(pages.length).toBeGreaterThanOrEqual(3);
      const events = await eventsAfter(before);
      expect(events.map((e) => [e.action, e.actor_username])).toEqual(
        pages.map(() => ['person.list', 'caseworker.pavlodar']),
      );
      expect(events.map((e) => e.person_ids)).toEqual(pages.map((ids) => [...ids].sort((a, b) => a - b)));

      // A search is a page like any other.
      const search = await get(pavlodar, `/api/persons?filter=${enc({ q: 'Бекетов' })}&range=${enc([0, 9])}`).expect(
        200,
      );
      const [searched] = await eventsAfter(events[events.length - 1].id);
      expect(searched.person_ids).toEqual((search.body as { id: number }[]).map((p) => p.id).sort((a, b) => a - b));
    });

    it('writes the case page read with its members’ ids, and the person_access index answers who read them', async () => {
      const applicant = await register(pavlodar, { givenName: 'Асан' });
      const child = await register(pavlodar, { givenName: 'Үсен', birthDate: '2010-05-01' });
      const caseId = await openCase(pavlodarId, [applicant.id, child.id]);
      const before = await lastEventId();
      await get(pavlodar, `/api/applications/${caseId}`).expect(200);
      const [event] = await eventsAfter(before);
      expect(event).toMatchObject({
        action: 'application.view',
        actor_username: 'caseworker.pavlodar',
        entity_type: 'application',
        entity_id: String(caseId),
        person_ids: [applicant.id, child.id].sort((a, b) => a - b),
      });
      const indexed = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query<{ person_id: number }>(
              'SELECT person_id FROM person_access WHERE audit_event_id = $1 ORDER BY 1',
              [event.id],
            )
          ).rows,
      );
      expect(indexed.map((r) => r.person_id)).toEqual([applicant.id, child.id].sort((a, b) => a - b));

      // The case list, the timeline and the duplicate review are reads too.
      const mark = await lastEventId();
      await get(pavlodar, `/api/applications?filter=${enc({ id: [caseId] })}`).expect(200);
      await get(pavlodar, `/api/applications/${caseId}/timeline`).expect(200);
      await get(pavlodar, `/api/persons/${child.id}/duplicates`).expect(200);
      const reads = await eventsAfter(mark);
      expect(reads.map((e) => [e.action, e.person_ids])).toEqual([
        ['application.list', [applicant.id]],
        ['person.duplicates_view', expect.arrayContaining([child.id])],
      ]);
    });
  });

  it('writes one work_list.view entry per page of inclusion requests, settlements and proposals, naming the applicants shown', async () => {
    const seeded = await seedEveryList(api);
    const official = await login(api.url, 'official.pavlodar');
    // The batch is solved in the background: wait for its proposals.
    for (let tries = 0; ; tries++) {
      const proposals = await get(admin, `/api/placement/batches/${seeded.batchId}/proposals`).expect(200);
      if ((proposals.body as unknown[]).length > 0) break;
      if (tries === 100) throw new Error('the batch made no proposals in 30 s');
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    // The administrator sees every proposal, wherever the batch placed the families.
    for (const [reader, username, path, entityType] of [
      [official, 'official.pavlodar', '/api/inclusion-requests', 'inclusion_request'],
      [official, 'official.pavlodar', '/api/settlements', 'settlement'],
      [admin, 'admin', `/api/placement/batches/${seeded.batchId}/proposals`, 'placement_proposal'],
    ] as const) {
      const before = await lastEventId();
      const rows = (await get(reader, path).expect(200)).body as { applicantId: number | null }[];
      const named = [...new Set(rows.map((r) => r.applicantId).filter((id) => id !== null))].sort((a, b) => a! - b!);
      expect(named.length).toBeGreaterThan(0);
      const events = await eventsAfter(before);
      expect(events).toEqual([
        expect.objectContaining({
          action: 'work_list.view',
          actor_username: username,
          entity_type: entityType,
          person_ids: named,
        }),
      ]);
    }
  });

  describe('GET /api/persons/:id/access-log', () => {
    it('shows auditors who read or changed the person, newest first, paginated; refuses caseworkers', async () => {
      const person = await register(pavlodar, { givenName: 'Дәулет' });
      await get(pavlodar, `/api/persons/${person.id}`).expect(200);
      await put(pavlodar, `/api/persons/${person.id}`, {
        surname: 'Тұрсынов',
        givenName: 'Дәулет',
        birthDate: '1975-03-14',
        sex: 'M',
        phone: '+7 701 000 00 00',
        version: person.version,
      }).expect(200);
      await get(admin, `/api/persons?filter=${enc({ id: [person.id] })}`).expect(200);

      const response = await get(auditor, `/api/persons/${person.id}/access-log?range=${enc([0, 1])}`).expect(200);
      expect(response.headers['content-range']).toBe('person-access 0-1/4');
      expect(
        (response.body as { action: string; actorUsername: string }[]).map((e) => [e.action, e.actorUsername]),
      ).toEqual([
        ['person.list', 'admin'],
        ['person.update', 'caseworker.pavlodar'],
      ]);
      const rest = await get(admin, `/api/persons/${person.id}/access-log?range=${enc([2, 3])}`).expect(200);
      expect((rest.body as { action: string }[]).map((e) => e.action)).toEqual(['person.view', 'person.create']);
      expect(Object.keys((rest.body as object[])[0]).sort()).toEqual(
        ['id', 'occurredAt', 'actorId', 'actorUsername', 'actorRole', 'action', 'entityType', 'entityId'].sort(),
      );

      await get(pavlodar, `/api/persons/${person.id}/access-log`).expect(403);
      await get(auditor, '/api/persons/99999999/access-log').expect(404);
    });
  });

  describe('no oracle across regions', () => {
    it('an IIN taken in another region: 409 without the holder’s name, birth date, region or id; the probe is audited', async () => {
      const iin = iinFor('1968-09-30', 'F', serial++);
      const holder = await register(abai, {
        surname: 'Нұрғалиева',
        givenName: 'Гүлнар',
        birthDate: '1968-09-30',
        sex: 'F',
        iin,
      });
      const before = await lastEventId();
      const response = await post(pavlodar, '/api/persons', {
        surname: 'Нургалиева',
        givenName: 'Гульнар',
        birthDate: '1968-09-30',
        sex: 'F',
        iin,
      }).expect(409);
      const text = JSON.stringify(response.body);
      for (const leak of ['Нұрғалиева', 'Гүлнар', '1968-09-30', 'regionId', `"person":${holder.id}`])
        expect(text).not.toContain(leak);
      expect(response.body).not.toHaveProperty('duplicate');
      expect(response.body.errors).toEqual({ iin: expect.stringContaining('another region') });
      const probes = await eventsAfter(before, 'person.probe');
      expect(probes).toEqual([
        expect.objectContaining({
          actor_username: 'caseworker.pavlodar',
          entity_id: String(holder.id),
          person_ids: [holder.id],
        }),
      ]);
      // Within the region the conflict still names the holder in full.
      const own = await post(abai, '/api/persons', {
        surname: 'Х',
        givenName: 'Ү',
        birthDate: '1968-09-30',
        sex: 'F',
        iin,
      }).expect(409);
      expect(own.body.duplicate.person).toMatchObject({ id: holder.id, surname: 'Нұрғалиева' });
    });

    it('a duplicate candidate of another region shows only that someone exists', async () => {
      const mine = await register(pavlodar, { surname: 'Омарұлы', givenName: 'Бақыт', birthDate: '1959-11-02' });
      const foreign = await register(abai, { surname: 'Омарулы', givenName: 'Бакыт', birthDate: '1959-11-02' });
      const response = await get(pavlodar, `/api/persons/${mine.id}/duplicates`).expect(200);
      expect(response.body).toEqual([
        {
          person: { id: foreign.id, foreignRegion: true },
          score: expect.any(Number),
          reasons: ['similar_name_same_birth_date'],
        },
      ]);
    });

    it('naming another region’s person in a merge answers as missing, and the probe is audited', async () => {
      const mine = await register(pavlodar, { givenName: 'Талғат', birthDate: '1961-04-04' });
      const foreign = await register(abai, { givenName: 'Талғат', birthDate: '1961-04-04' });
      const before = await lastEventId();
      const toForeign = await post(pavlodar, `/api/persons/${mine.id}/merge`, {
        intoPersonId: foreign.id,
        version: mine.version,
      }).expect(404);
      const toMissing = await post(pavlodar, `/api/persons/${mine.id}/merge`, {
        intoPersonId: 99_999_999,
        version: mine.version,
      }).expect(404);
      expect(toForeign.body.message).toBe(toMissing.body.message);
      expect(JSON.stringify(toForeign.body)).not.toContain('Талғат');
      const probes = await eventsAfter(before, 'person.probe');
      expect(probes).toEqual([
        expect.objectContaining({ actor_username: 'caseworker.pavlodar', entity_id: String(foreign.id) }),
      ]);
    });

    it('marking another region’s person distinct tells nothing of them and is on their record', async () => {
      const mine = await register(pavlodar, { givenName: 'Жандос', birthDate: '1962-06-06' });
      const foreign = await register(abai, { givenName: 'Жандос', birthDate: '1962-06-06' });
      const first = await post(pavlodar, `/api/persons/${mine.id}/distinct`, { otherPersonId: foreign.id }).expect(200);
      expect(Object.keys(first.body).sort()).toEqual(['decidedAt', 'decidedBy', 'otherPersonId', 'personId']);
      const before = await lastEventId();
      await post(pavlodar, `/api/persons/${mine.id}/distinct`, { otherPersonId: foreign.id }).expect(200);
      expect(await eventsAfter(before, 'person.probe')).toEqual([
        expect.objectContaining({ entity_id: String(foreign.id) }),
      ]);
      const log = await get(auditor, `/api/persons/${foreign.id}/access-log`).expect(200);
      expect((log.body as { action: string }[]).map((e) => e.action)).toEqual([
        'person.probe',
        'person.mark_distinct',
        'person.create',
      ]);
    });
  });

  describe('a case holding a person of another region', () => {
    it('masks that member on the case page, the list and the timeline, and refuses the papers', async () => {
      const applicant = await register(pavlodar, { givenName: 'Мұрат', birthDate: '1970-02-02' });
      const iin = iinFor('2001-08-08', 'F', serial++);
      const child = await register(pavlodar, {
        surname: 'Мұратқызы',
        givenName: 'Айгерім',
        birthDate: '2001-08-08',
        sex: 'F',
        iin,
      });
      const caseId = await openCase(pavlodarId, [applicant.id, child.id]);
      await withDb(api.databaseUrl, (db) =>
        db.query(`INSERT INTO application_event (application_id, type, data) VALUES ($1, 'member', $2)`, [
          caseId,
          JSON.stringify({ added: { personId: child.id, relation: 'child', name: 'Мұратқызы Айгерім' } }),
        ]),
      );
      await withDb(api.databaseUrl, (db) =>
        db.query(
          `INSERT INTO certificate (number, application_id, holder_initials, issued_on, valid_from, valid_to)
                  VALUES ($1, $2, 'М. Т.', CURRENT_DATE, CURRENT_DATE, CURRENT_DATE + 365)`,
          [`QN-T-${caseId}`, caseId],
        ),
      );
      // An admin moves the child to another region: the Pavlodar case keeps them.
      const shown = (await get(admin, `/api/persons/${child.id}`).expect(200)).body as Record<string, unknown>;
      const body: Record<string, unknown> = { ...shown, regionId: abaiId };
      for (const field of ['id', 'mergedIntoId', 'erasedAt', 'createdAt', 'updatedAt']) delete body[field];
      await put(admin, `/api/persons/${child.id}`, body).expect(200);

      const before = await lastEventId();
      const page = (await get(pavlodar, `/api/applications/${caseId}`).expect(200)).body as {
        members: { personId: number; person: object }[];
      };
      const text = JSON.stringify(page);
      for (const leak of [iin, 'Айгерім', '2001-08-08']) expect(text).not.toContain(leak);
      expect(page.members.find((m) => m.personId === child.id)?.person).toEqual({ id: child.id, restricted: true });
      const [read] = await eventsAfter(before);
      expect(read.person_ids).toEqual([applicant.id]);

      const timeline = await get(pavlodar, `/api/applications/${caseId}/timeline`).expect(200);
      expect(JSON.stringify(timeline.body)).not.toContain('Айгерім');
      const refused = await get(pavlodar, `/api/applications/${caseId}/certificate.pdf`).expect(403);
      expect(refused.body.code).toBe('application.paper_restricted_member');
      // Nationwide staff still see and print the whole family.
      expect(JSON.stringify((await get(admin, `/api/applications/${caseId}`).expect(200)).body)).toContain('Айгерім');
      await get(admin, `/api/applications/${caseId}/certificate.pdf`).expect(200);

      // And a case whose applicant moved shows no applicant name in the list.
      const moved = await register(pavlodar, { givenName: 'Ілияс', birthDate: '1966-03-03' });
      const movedCase = await openCase(pavlodarId, [moved.id]);
      const movedShown = (await get(admin, `/api/persons/${moved.id}`).expect(200)).body as Record<string, unknown>;
      const movedBody: Record<string, unknown> = { ...movedShown, regionId: abaiId };
      for (const field of ['id', 'mergedIntoId', 'erasedAt', 'createdAt', 'updatedAt']) delete movedBody[field];
      await put(admin, `/api/persons/${moved.id}`, movedBody).expect(200);
      const list = await get(pavlodar, `/api/applications?filter=${enc({ id: [movedCase] })}`).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id: movedCase, applicantName: null })]);
    });
  });
});
