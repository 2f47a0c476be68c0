import { iinCheckDigit } from '@qonys/domain';
import request from 'supertest';
import { bearer, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_TOTP_SECRET, login, type Session } from '../support/auth';

interface Person {
  id: number;
  surname: string;
  iin: string | null;
  version: number;
}
type Changes = Record<string, { before: unknown; after: unknown }>;

/** A valid IIN of a man born 1985-04-12; `serial` tells them apart. */
function iinOf(serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `8504123${String(s).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}
const IIN = iinOf(1);

describe('personal data (issue 8 §4)', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let caseworker: Session;

  beforeAll(async () => {
    api = await startApi();
    [admin, auditor, caseworker] = await Promise.all(
      ['admin', 'auditor', 'caseworker.pavlodar'].map((u) => login(api.url, u)),
    );
  });
  afterAll(() => api?.stop());

  const as = (session: Session) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(session.accessToken)),
    post: (path: string, body: object = {}) => request(api.url).post(path).set(bearer(session.accessToken)).send(body),
    put: (path: string, body: object) => request(api.url).put(path).set(bearer(session.accessToken)).send(body),
  });
  const auditRows = (personId: number) =>
    withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{ id: string; action: string; changes: Changes | null }>(
            "SELECT id, action, changes FROM audit_event WHERE entity_type = 'person' AND entity_id = $1 ORDER BY id",
            [String(personId)],
          )
        ).rows,
    );
  let personCounter = 0;
  async function register(fields: Record<string, unknown> = {}): Promise<Person> {
    personCounter++;
    const response = await as(caseworker).post('/api/persons', {
      surname: `Жұмабаев${'а'.repeat(personCounter)}`,
      givenName: 'Мағжан',
      birthDate: '1985-04-12',
      sex: 'M',
      phone: '+77015550101',
      addressKz: 'Павлодар, Лермонтов к-сі 1',
      ...fields,
    });
    if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Person;
  }

  describe('the audit log holds personal values sealed', () => {
    it('stores no name, IIN, phone or address of a person in clear, and shows them to an auditor', async () => {
      const person = await register({ surname: 'Сейфуллин', iin: IIN });
      await as(caseworker)
        .put(`/api/persons/${person.id}`, {
          surname: 'Сейфуллина',
          givenName: 'Мағжан',
          birthDate: '1985-04-12',
          sex: 'M',
          iin: IIN,
          phone: '+77015550199',
          version: person.version,
        })
        .expect(200);
      const rows = await auditRows(person.id);
      const writes = rows.filter((r) => r.action === 'person.create' || r.action === 'person.update');
      expect(writes).toHaveLength(2);
      const stored = JSON.stringify(writes.map((r) => r.changes));
      for (const clear of ['Сейфуллин', IIN, '1985-04-12', '+77015550', 'Лермонтов', 'Seifullin'])
        expect(stored).not.toContain(clear);
      expect(writes[0].changes!.surname.after).toMatchObject({ enc: 'v1', k: person.id });
      expect(writes[0].changes!.sex.after).toBe('M');

      const shown = await as(auditor).get(`/api/audit-events/${writes[1].id}`).expect(200);
      expect(shown.body.changes.surname).toEqual({ before: 'Сейфуллин', after: 'Сейфуллина' });
      expect(shown.body.changes.phone).toEqual({ before: '+77015550101', after: '+77015550199' });
      const listed = await as(auditor)
        .get(`/api/audit-events?filter=${encodeURIComponent(JSON.stringify({ id: [writes[0].id] }))}`)
        .expect(200);
      expect(listed.body[0].changes.iin.after).toBe(IIN);
    });
  });

  describe('POST /api/persons/:id/erasure', () => {
    it('anonymises the person, destroys their key, and the chain still verifies with their entries erased', async () => {
      const person = await register({ iin: iinOf(100) });
      const response = await as(admin).post(`/api/persons/${person.id}/erasure`, {
        reason: 'subject_request',
        version: person.version,
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: person.id, legacyClearEntries: 0 });

      const row = await withDb(
        api.databaseUrl,
        async (db) => (await db.query('SELECT * FROM person WHERE id = $1', [person.id])).rows[0],
      );
      expect(row).toMatchObject({ surname: '—', given_name: '—', iin: null, phone: null, address_kz: null, sex: 'M' });
      expect(row.erased_at).not.toBeNull();
      expect(
        await scalar(api.databaseUrl, "SELECT to_char(birth_date, 'YYYY-MM-DD') FROM person WHERE id = $1", [
          person.id,
        ]),
      ).toBe('1985-01-01');
      const key = await withDb(
        api.databaseUrl,
        async (db) => (await db.query('SELECT * FROM person_data_key WHERE person_id = $1', [person.id])).rows[0],
      );
      expect(key).toMatchObject({ wrapped_key: null, master_key_id: null });

      const verify = await as(auditor).get('/api/audit-events/verify').expect(200);
      expect(verify.body.valid).toBe(true);
      const rows = await auditRows(person.id);
      const created = rows.find((r) => r.action === 'person.create')!;
      const shown = await as(auditor).get(`/api/audit-events/${created.id}`).expect(200);
      expect(shown.body.changes.surname.after).toEqual({ erased: true });
      expect(shown.body.changes.iin.after).toEqual({ erased: true });
      expect(shown.body.changes.sex.after).toBe('M');
      const erase = rows.find((r) => r.action === 'person.erase')!;
      expect(erase.changes).toEqual({ reason: { before: null, after: 'subject_request' } });

      const again = await as(admin).post(`/api/persons/${person.id}/erasure`, {
        reason: 'subject_request',
        version: person.version + 1,
      });
      expect(again.status).toBe(409);
      const edit = await as(caseworker).put(`/api/persons/${person.id}`, {
        surname: 'Қайта',
        givenName: 'Мағжан',
        birthDate: '1985-04-12',
        sex: 'M',
        version: person.version + 1,
      });
      expect(edit.status).toBe(409);
    });

    it('is for admins only, wants a known reason and the version confirmed, and changes nothing otherwise', async () => {
      const person = await register();
      expect(
        (
          await as(caseworker).post(`/api/persons/${person.id}/erasure`, {
            reason: 'subject_request',
            version: person.version,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await as(auditor).post(`/api/persons/${person.id}/erasure`, {
            reason: 'subject_request',
            version: person.version,
          })
        ).status,
      ).toBe(403);
      const badReason = await as(admin).post(`/api/persons/${person.id}/erasure`, {
        reason: 'because',
        version: person.version,
      });
      expect(badReason.status).toBe(400);
      expect(badReason.body.errors).toHaveProperty('reason');
      const stale = await as(admin).post(`/api/persons/${person.id}/erasure`, {
        reason: 'subject_request',
        version: person.version + 5,
      });
      expect(stale.status).toBe(409);
      const missing = await as(admin).post('/api/persons/999999/erasure', { reason: 'subject_request', version: 1 });
      expect(missing.status).toBe(404);
      expect(await scalar(api.databaseUrl, 'SELECT erased_at FROM person WHERE id = $1', [person.id])).toBeNull();
    });
  });

  describe('retention', () => {
    /** A withdrawn case of fresh persons, closed `yearsAgo` years ago. */
    async function closedCase(yearsAgo: number, size = 1): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < size; i++) ids.push((await register()).id);
      const created = await as(caseworker)
        .post('/api/applications', {
          channel: 'egov',
          applicantId: ids[0],
          members: ids.map((personId, i) => ({ personId, relation: i === 0 ? 'applicant' : 'child' })),
        })
        .expect(201);
      if (yearsAgo >= 0) {
        await as(caseworker)
          .post(`/api/applications/${created.body.id}/transitions`, {
            to: 'withdrawn',
            comment: 'at the applicant’s request',
            version: created.body.version,
          })
          .expect(200);
        await withDb(api.databaseUrl, (db) =>
          db.query(
            `UPDATE application_event SET occurred_at = now() - make_interval(years => $2) WHERE application_id = $1`,
            [created.body.id, yearsAgo],
          ),
        );
      }
      return ids;
    }

    it('the dry run lists the persons of cases closed longer ago than the rule, changing nothing; the run erases exactly those', async () => {
      const due = await closedCase(6, 2);
      const recent = await closedCase(1);
      const open = await closedCase(-1);
      const auditBefore = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM audit_event');

      const dry = await as(admin).get('/api/retention/due').expect(200);
      expect(dry.body.rule).toMatchObject({ keepYears: 5 });
      const listed = (dry.body.persons as { personId: number }[]).map((p) => p.personId);
      expect(listed).toEqual(due);
      expect(
        await scalar<number>(
          api.databaseUrl,
          'SELECT count(*)::int FROM person WHERE erased_at IS NOT NULL AND id = ANY($1)',
          [due],
        ),
      ).toBe(0);
      expect(await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM audit_event')).toBe(auditBefore);
      expect((await as(caseworker).get('/api/retention/due')).status).toBe(403);

      // The real run is the daily job `retention`, run now through the job queue.
      const queued = await as(admin).post('/api/jobs/retention/runs', { params: { dryRun: false } });
      expect(queued.status).toBe(201);
      let run: { state: string; result: { personIds: number[] } | null } = queued.body;
      for (let i = 0; i < 300 && run.state !== 'completed' && run.state !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        run = (await as(admin).get(`/api/jobs/runs/${queued.body.id}`).expect(200)).body;
      }
      expect(run.state).toBe('completed');
      expect(run.result!.personIds).toEqual(due);
      const erased = await withDb(api.databaseUrl, async (db) =>
        (
          await db.query<{ id: number }>(
            'SELECT id FROM person WHERE erased_at IS NOT NULL AND id = ANY($1) ORDER BY id',
            [[...due, ...recent, ...open]],
          )
        ).rows.map((r) => r.id),
      );
      expect(erased).toEqual(due);
      const reasons = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query("SELECT changes FROM audit_event WHERE action = 'person.erase' AND entity_id = ANY($1)", [
              due.map(String),
            ])
          ).rows,
      );
      expect(reasons).toEqual(due.map(() => ({ changes: { reason: { before: null, after: 'retention_expired' } } })));
      expect((await as(auditor).get('/api/audit-events/verify').expect(200)).body.valid).toBe(true);
      expect((await as(admin).get('/api/retention/due').expect(200)).body.persons).toEqual([]);
    });

    it('retention rules are reference data admins edit, checked per field', async () => {
      const rules = await as(caseworker).get('/api/retention-rules').expect(200);
      expect(rules.body[0]).toMatchObject({ recordKind: 'closed_case_persons', keepYears: 5 });
      const bad = await as(admin).post('/api/retention-rules', {
        recordKind: 'everything',
        keepYears: 0,
        nameKk: '',
        nameRu: 'x',
        nameEn: 'x',
        source: 'x',
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.errors)).toEqual(expect.arrayContaining(['recordKind', 'keepYears', 'nameKk']));
      expect(
        (
          await as(caseworker).post('/api/retention-rules', {
            recordKind: 'closed_case_persons',
            keepYears: 3,
            nameKk: 'a',
            nameRu: 'a',
            nameEn: 'a',
            source: 'x',
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('TOTP secrets', () => {
    it('are stored sealed by the master key, and login with the second factor works', async () => {
      const stored = await scalar<string>(api.databaseUrl, "SELECT mfa_secret FROM app_user WHERE username = 'admin'");
      expect(stored).toMatch(/^v1:e2e:/);
      expect(stored).not.toContain(DEMO_TOTP_SECRET);
      // Every session of this suite logged in with a TOTP code checked against the sealed secret.
      expect((await login(api.url, 'auditor')).accessToken).toBeTruthy();
    });
  });
});
