import { addDays, iinCheckDigit } from '@qonys/domain';
import request from 'supertest';
import { bearer, regionIdByCode, scalar, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

/** Every field of a person as the API shows it, and nothing else. */
const PERSON_FIELDS = [
  'id',
  'surname',
  'givenName',
  'patronymic',
  'surnameLatin',
  'givenNameLatin',
  'patronymicLatin',
  'otherSpellings',
  'birthDate',
  'sex',
  'iin',
  'ethnicity',
  'citizenship',
  'countryOfOrigin',
  'idDocumentType',
  'idDocumentNumber',
  'idDocumentIssuer',
  'idDocumentExpiry',
  'educationLevel',
  'erasedAt',
  'profession',
  'languages',
  'phone',
  'email',
  'addressAbroad',
  'addressKz',
  'regionId',
  'mergedIntoId',
  'version',
  'createdAt',
  'updatedAt',
].sort();
const FOREIGN_FIELDS = ['id', 'foreignRegion'].sort();

type Person = Record<string, unknown> & { id: number; version: number; regionId: number; birthDate: string };
interface Candidate {
  person: Record<string, unknown> & { id: number };
  score: number;
  reasons: string[];
}

/** A fresh birth date for each test, so one test's persons are never another's duplicates. */
let dayCounter = 0;
const nextBirthDate = (): string => addDays('1961-01-07', 97 * dayCounter++);

/** A valid IIN for a birth date (1900–2099) and sex; `serial` tells IINs of the same day apart. */
function iinFor(birthDate: string, sex: 'M' | 'F', serial = 1): string {
  const centuryDigit = (birthDate >= '2000' ? 5 : 3) + (sex === 'F' ? 1 : 0);
  for (let s = serial; ; s++) {
    const first11 = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${centuryDigit}${String(s).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

/** The same IIN with its last (check) digit changed. */
const withBadCheckDigit = (iin: string): string => `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;

let caseCounter = 0;

describe('persons', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let pavlodar: Session;
  let abai: Session;
  let officialPavlodar: Session;
  let pavlodarId: number;
  let abaiId: number;

  beforeAll(async () => {
    api = await startApi();
    [admin, auditor, pavlodar, abai, officialPavlodar] = await Promise.all(
      ['admin', 'auditor', 'caseworker.pavlodar', 'caseworker.abai', 'official.pavlodar'].map((u) => login(api.url, u)),
    );
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
    abaiId = await regionIdByCode(api.databaseUrl, '10');
  });
  afterAll(() => api?.stop());

  const as = (session: Session) => ({
    get: (path: string) => request(api.url).get(path).set(bearer(session.accessToken)),
    post: (path: string, body: object) => request(api.url).post(path).set(bearer(session.accessToken)).send(body),
    put: (path: string, body: object) => request(api.url).put(path).set(bearer(session.accessToken)).send(body),
  });
  const enc = (value: unknown) => encodeURIComponent(JSON.stringify(value));
  const list = (session: Session, filter: object, sort?: [string, string]) =>
    as(session).get(`/api/persons?filter=${enc(filter)}${sort ? `&sort=${enc(sort)}` : ''}`);

  const base = (fields: Record<string, unknown> = {}) => ({
    surname: 'Сейітов',
    givenName: 'Нұрлан',
    birthDate: nextBirthDate(),
    sex: 'M',
    ...fields,
  });
  /** Registers a person (201 expected); as the Pavlodar caseworker unless told otherwise. */
  async function register(fields: Record<string, unknown> = {}, session: Session = pavlodar): Promise<Person> {
    const response = await as(session).post('/api/persons', base(fields));
    if (response.status !== 201) throw new Error(`register: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Person;
  }
  const registerInAbai = (fields: Record<string, unknown> = {}) => register(fields, abai);
  /** The request body of a PUT from a person as shown (the editable fields and the version). */
  const editable = (person: Person, changes: Record<string, unknown> = {}) => {
    const body: Record<string, unknown> = { ...person, ...changes };
    for (const field of ['id', 'regionId', 'mergedIntoId', 'erasedAt', 'createdAt', 'updatedAt']) delete body[field];
    return body;
  };
  const duplicatesOf = async (session: Session, id: number): Promise<Candidate[]> =>
    (await as(session).get(`/api/persons/${id}/duplicates`).expect(200)).body as Candidate[];

  /** Opens a case directly in the database, with the given persons as members. */
  async function openCase(
    regionId: number,
    personIds: number[],
    active = true,
  ): Promise<{ id: number; number: string }> {
    const number = `KND-2026-${String(++caseCounter + 500_000).padStart(6, '0')}`;
    return withDb(api.databaseUrl, async (db) => {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO application (number, status, channel, region_id, applicant_id)
         VALUES ($1, $2, 'in_person', $3, $4) RETURNING id`,
        [number, active ? 'under_review' : 'withdrawn', regionId, personIds[0]],
      );
      for (const [i, personId] of personIds.entries()) {
        await db.query(
          `INSERT INTO application_member (application_id, person_id, relation, active) VALUES ($1, $2, $3, $4)`,
          [rows[0].id, personId, i === 0 ? 'applicant' : 'child', active],
        );
      }
      return { id: rows[0].id, number };
    });
  }

  describe('POST /api/persons', () => {
    it('stores names as cleaned Kazakh text and generates the Latin names', async () => {
      const person = await register({
        surname: ' Бӛкейханов ',
        givenName: 'Әлихан',
        patronymic: 'Нұрмұхамедұлы',
        otherSpellings: ['BOKEIKHANOV  ALIKHAN'],
        addressAbroad: 'Өлгий\u00A0сумы,\u200B Баян-Өлгий',
        countryOfOrigin: 'mn',
        citizenship: 'MN',
        languages: ['KK', 'mn'],
      });
      expect(person).toMatchObject({
        surname: 'Бөкейханов',
        givenName: 'Әлихан',
        patronymic: 'Нұрмұхамедұлы',
        surnameLatin: 'Bökeihanov',
        givenNameLatin: 'Älihan',
        patronymicLatin: 'Nūrmūhamedūly',
        otherSpellings: ['BOKEIKHANOV ALIKHAN'],
        addressAbroad: 'Өлгий сумы, Баян-Өлгий',
        countryOfOrigin: 'MN',
        citizenship: 'MN',
        languages: ['kk', 'mn'],
        ethnicity: 'kazakh',
        regionId: pavlodarId,
        mergedIntoId: null,
        version: 1,
      });
      expect(Object.keys(person).sort()).toEqual(PERSON_FIELDS);
    });

    it('keeps Latin names that are given, and a PDF-pasted name is stored repaired', async () => {
      const person = await register({
        surname: 'Бӛкей',
        surnameLatin: 'Bokey',
        givenName: 'Ерлан',
        givenNameLatin: 'Yerlan',
      });
      expect(person).toMatchObject({ surname: 'Бөкей', surnameLatin: 'Bokey', givenNameLatin: 'Yerlan' });
      const stored = await scalar<string>(api.databaseUrl, 'SELECT surname FROM person WHERE id = $1', [person.id]);
      expect(stored).toBe('Бөкей');
    });

    it('returns every field exactly as registered, IIN and document included', async () => {
      const birthDate = nextBirthDate();
      const iin = iinFor(birthDate, 'F');
      const person = await register({
        surname: 'Тұрсынова',
        givenName: 'Айгүл',
        birthDate,
        sex: 'F',
        iin,
        idDocumentType: 'passport',
        idDocumentNumber: 'E 1234-5678',
        idDocumentIssuer: 'PRC Ministry of Public Security',
        idDocumentExpiry: '2031-05-01',
        educationLevel: 'higher',
        profession: 'Мұғалім',
        phone: '+86 138 0000 0000',
        addressKz: 'Павлодар қ., Лермонтов к-сі 1',
      });
      expect(person).toMatchObject({
        iin,
        birthDate,
        sex: 'F',
        idDocumentNumber: 'E 1234-5678',
        idDocumentExpiry: '2031-05-01',
      });
      const shown = await as(pavlodar).get(`/api/persons/${person.id}`).expect(200);
      expect(shown.body).toEqual(person);
    });

    it('records the registration in the audit log with the values after it', async () => {
      const person = await register({ surname: 'Оспанов', givenName: 'Дәурен' });
      const [row] = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query(`SELECT * FROM audit_event WHERE action = 'person.create' AND entity_id = $1`, [
              String(person.id),
            ])
          ).rows,
      );
      expect(row).toMatchObject({
        actor_username: 'caseworker.pavlodar',
        entity_type: 'person',
        region_id: pavlodarId,
      });
      // Stored sealed with the person's data key (docs/personal-data.md); an auditor reads it opened.
      expect(JSON.stringify(row.changes)).not.toContain('Оспанов');
      const shown = await as(auditor).get(`/api/audit-events/${row.id}`).expect(200);
      expect(shown.body.changes).toMatchObject({
        surname: { before: null, after: 'Оспанов' },
        givenName: { before: null, after: 'Дәурен' },
      });
    });

    it('rejects an IIN with a bad check digit: 400 errors.iin', async () => {
      const birthDate = nextBirthDate();
      const response = await as(pavlodar)
        .post('/api/persons', base({ birthDate, iin: withBadCheckDigit(iinFor(birthDate, 'M')) }))
        .expect(400);
      expect(response.body.errorCodes).toEqual({ iin: { code: 'iin.check_digit', params: {} } });
    });

    it('rejects an IIN of another birth date: 400 errors.iin', async () => {
      const birthDate = nextBirthDate();
      const response = await as(pavlodar)
        .post('/api/persons', base({ birthDate, iin: iinFor(addDays(birthDate, 1), 'M') }))
        .expect(400);
      expect(response.body.errorCodes).toEqual({ iin: { code: 'iin.birth_date_mismatch', params: {} } });
    });

    it('rejects an IIN of the other sex: 400 errors.iin', async () => {
      const birthDate = nextBirthDate();
      const response = await as(pavlodar)
        .post('/api/persons', base({ birthDate, sex: 'M', iin: iinFor(birthDate, 'F') }))
        .expect(400);
      expect(response.body.errorCodes).toEqual({ iin: { code: 'iin.sex_mismatch', params: {} } });
    });

    it('rejects an IIN that is not 12 digits: 400 errors.iin', async () => {
      const response = await as(pavlodar)
        .post('/api/persons', base({ iin: '12345' }))
        .expect(400);
      expect(response.body.errorCodes).toEqual({ iin: { code: 'iin.format', params: {} } });
    });

    it.each([
      ['in the future', '2099-01-01'],
      ['before 1900', '1899-12-31'],
      ['a day that does not exist', '1990-02-30'],
      ['not a date', '15.03.1985'],
    ])('rejects a birth date %s: 400 errors.birthDate', async (_, birthDate) => {
      const response = await as(pavlodar).post('/api/persons', base({ birthDate })).expect(400);
      expect(response.body.errors).toHaveProperty('birthDate');
    });

    it.each([
      ['searchKey', 'nurlan'],
      ['documentKey', 'X'],
      ['mergedIntoId', 1],
      ['createdBy', 1],
      ['version', 3],
      ['nickname', 'Нұрик'],
    ])('refuses the unknown field %s: 400 keyed by it', async (field, value) => {
      const response = await as(admin)
        .post('/api/persons', base({ regionId: pavlodarId, [field]: value }))
        .expect(400);
      expect(response.body.errors).toHaveProperty(field);
    });

    it.each([
      ['surname', ''],
      ['givenName', '  '],
      ['sex', 'X'],
      ['countryOfOrigin', 'XX'],
      ['countryOfOrigin', 'EU'],
      ['languages', ['kaz']],
      ['languages', ['kk', 'KK']],
      ['idDocumentType', 'driving_licence'],
      ['educationLevel', 'phd'],
      ['phone', 'call me'],
    ])('rejects an invalid %s (%j): 400 keyed by it', async (field, value) => {
      const response = await as(pavlodar)
        .post('/api/persons', base({ [field]: value }))
        .expect(400);
      expect(response.body.errors).toHaveProperty(field);
    });

    it.each([
      ['countryOfOrigin', 'BU'],
      ['countryOfOrigin', 'CS'],
      ['citizenship', 'DD'],
      ['citizenship', 'YU'],
      ['countryOfOrigin', 'ZR'],
      ['citizenship', 'XK'],
    ])('refuses the withdrawn or unassigned country code %s = %s: 400 keyed by it', async (field, value) => {
      const response = await as(pavlodar)
        .post('/api/persons', base({ [field]: value }))
        .expect(400);
      expect(response.body.errors).toEqual({ [field]: expect.stringContaining('ISO 3166-1') });
    });

    it('registers a regional caseworker’s person in their own region, and refuses a regionId from them', async () => {
      const response = await as(pavlodar)
        .post('/api/persons', base({ regionId: abaiId }))
        .expect(400);
      expect(response.body.errorCodes).toEqual({ regionId: { code: 'region.not_settable', params: {} } });
      const same = await as(pavlodar)
        .post('/api/persons', base({ regionId: pavlodarId }))
        .expect(400);
      expect(same.body.errors).toHaveProperty('regionId');
    });

    it('needs a region from an admin, and takes it', async () => {
      const missing = await as(admin).post('/api/persons', base()).expect(400);
      expect(missing.body.errors).toHaveProperty('regionId');
      const unknown = await as(admin)
        .post('/api/persons', base({ regionId: 999_999 }))
        .expect(400);
      expect(unknown.body.errors).toHaveProperty('regionId');
      const created = await as(admin)
        .post('/api/persons', base({ regionId: abaiId }))
        .expect(201);
      expect(created.body.regionId).toBe(abaiId);
    });

    it('refuses the writes of roles that may only read persons: 403', async () => {
      await as(officialPavlodar).post('/api/persons', base()).expect(403);
      await as(auditor).post('/api/persons', base()).expect(403);
    });

    it('refuses an IIN already registered: 409 errors.iin, telling nothing of the holder when in another region', async () => {
      const birthDate = nextBirthDate();
      const iin = iinFor(birthDate, 'M');
      const first = await registerInAbai({
        surname: 'Жақыпов',
        givenName: 'Серік',
        birthDate,
        iin,
        phone: '+7 700 000 00 01',
      });
      const response = await as(pavlodar)
        .post('/api/persons', base({ surname: 'Жакупов', givenName: 'Серик', birthDate, iin }))
        .expect(409);
      expect(response.body.errors).toEqual({ iin: expect.stringContaining('already registered in another region') });
      expect(response.body).not.toHaveProperty('duplicate');
      expect(JSON.stringify(response.body)).not.toContain('Жақыпов');
      const own = await as(abai)
        .post('/api/persons', base({ surname: 'Жакупов', givenName: 'Серик', birthDate, iin }))
        .expect(409);
      expect(own.body.duplicate).toEqual({
        person: expect.objectContaining({ id: first.id, surname: 'Жақыпов', phone: '+7 700 000 00 01' }),
        score: 1,
        reasons: ['same_iin'],
      });
    });
  });

  describe('GET /api/persons/:id', () => {
    it('shows a person and writes who viewed whose data to the audit log (person.view)', async () => {
      const person = await register({ surname: 'Әбдірахманов' });
      const response = await as(officialPavlodar).get(`/api/persons/${person.id}`).expect(200);
      expect(response.body).toMatchObject({ id: person.id, surname: 'Әбдірахманов' });
      const rows = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query(
              `SELECT actor_username, entity_type, region_id FROM audit_event WHERE action = 'person.view' AND entity_id = $1`,
              [String(person.id)],
            )
          ).rows,
      );
      expect(rows).toEqual([{ actor_username: 'official.pavlodar', entity_type: 'person', region_id: pavlodarId }]);
    });

    it('answers 404 for a person of another region, as if it did not exist, and audits no view', async () => {
      const person = await registerInAbai({ surname: 'Қасымов' });
      const foreign = await as(pavlodar).get(`/api/persons/${person.id}`).expect(404);
      const missing = await as(pavlodar).get('/api/persons/99999999').expect(404);
      expect(foreign.body.message).toBe(missing.body.message);
      await as(officialPavlodar).get(`/api/persons/${person.id}`).expect(404);
      const views = await scalar<number>(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'person.view' AND entity_id = $1`,
        [String(person.id)],
      );
      expect(views).toBe(0);
      await as(abai).get(`/api/persons/${person.id}`).expect(200);
      await as(auditor).get(`/api/persons/${person.id}`).expect(200);
    });
  });

  describe('PUT /api/persons/:id', () => {
    it('updates a person, regenerates the Latin names left out, bumps the version and audits before/after', async () => {
      const person = await register({ surname: 'Сәрсенов', givenName: 'Бауыржан' });
      const body = editable(person, {
        surname: 'Сәрсенбаев',
        surnameLatin: null,
        givenNameLatin: 'Baurzhan',
        profession: 'Дәрігер',
      });
      const response = await as(pavlodar).put(`/api/persons/${person.id}`, body).expect(200);
      expect(response.body).toMatchObject({
        surname: 'Сәрсенбаев',
        surnameLatin: 'Särsenbaev',
        givenNameLatin: 'Baurzhan',
        profession: 'Дәрігер',
        version: 2,
        regionId: pavlodarId,
      });
      const [row] = await withDb(
        api.databaseUrl,
        async (db) =>
          (
            await db.query(`SELECT id FROM audit_event WHERE action = 'person.update' AND entity_id = $1`, [
              String(person.id),
            ])
          ).rows,
      );
      const shown = await as(auditor).get(`/api/audit-events/${row.id}`).expect(200);
      expect(shown.body.changes).toEqual({
        surname: { before: 'Сәрсенов', after: 'Сәрсенбаев' },
        surnameLatin: { before: 'Särsenov', after: 'Särsenbaev' },
        givenNameLatin: { before: 'Bauyrjan', after: 'Baurzhan' },
        profession: { before: null, after: 'Дәрігер' },
      });
    });

    it('refuses a stale version: 409', async () => {
      const person = await register();
      await as(pavlodar)
        .put(`/api/persons/${person.id}`, editable(person, { givenName: 'Нұрбол' }))
        .expect(200);
      const stale = await as(pavlodar)
        .put(`/api/persons/${person.id}`, editable(person, { givenName: 'Нұрсұлтан' }))
        .expect(409);
      expect(stale.body).toMatchObject({
        statusCode: 409,
        message: expect.stringContaining('changed by someone else'),
      });
    });

    it('answers 404 for a person of another region', async () => {
      const person = await registerInAbai();
      await as(pavlodar)
        .put(`/api/persons/${person.id}`, editable(person, { givenName: 'Ерболат' }))
        .expect(404);
      expect(await scalar<number>(api.databaseUrl, 'SELECT version FROM person WHERE id = $1', [person.id])).toBe(1);
    });

    it('refuses a regionId from regional staff, and lets an admin move a person', async () => {
      const person = await register();
      const refused = await as(pavlodar)
        .put(`/api/persons/${person.id}`, { ...editable(person), regionId: pavlodarId })
        .expect(400);
      expect(refused.body.errors).toHaveProperty('regionId');
      const moved = await as(admin)
        .put(`/api/persons/${person.id}`, { ...editable(person), regionId: abaiId })
        .expect(200);
      expect(moved.body.regionId).toBe(abaiId);
      await as(pavlodar).get(`/api/persons/${person.id}`).expect(404);
    });

    it('checks the IIN against the birth date and sex on update too', async () => {
      const person = await register();
      const response = await as(pavlodar)
        .put(`/api/persons/${person.id}`, editable(person, { iin: iinFor(person.birthDate, 'F') }))
        .expect(400);
      expect(response.body.errorCodes).toEqual({ iin: { code: 'iin.sex_mismatch', params: {} } });
    });
  });

  describe('GET /api/persons', () => {
    it('never shows another region to regional staff, in the rows or the count', async () => {
      const birthDate = nextBirthDate();
      const own = await register({ surname: 'Жылқыбаев', birthDate });
      await registerInAbai({ surname: 'Жылқыбаев', birthDate });
      await registerInAbai({ surname: 'Жылқыбаев', birthDate });

      const response = await list(pavlodar, { birthDate }).expect(200);
      expect(response.body.map((p: Person) => p.id)).toEqual([own.id]);
      expect(response.headers['content-range']).toBe('persons 0-0/1');

      const asked = await list(pavlodar, { birthDate, regionId: abaiId }).expect(200);
      expect(asked.body).toEqual([]);
      expect(asked.headers['content-range']).toBe('persons 0-0/0');

      const byId = await list(pavlodar, {
        id: (await list(admin, { birthDate })).body.map((p: Person) => p.id),
      }).expect(200);
      expect(byId.body.map((p: Person) => p.id)).toEqual([own.id]);

      const everywhere = await list(admin, { birthDate }).expect(200);
      expect(everywhere.headers['content-range']).toBe('persons 0-2/3');
      const whole = await as(pavlodar).get('/api/persons?range=[0,499]').expect(200);
      expect(whole.body.every((p: Person) => p.regionId === pavlodarId)).toBe(true);
    });

    it('shows only the API fields of each person', async () => {
      const person = await register();
      const response = await list(pavlodar, { id: [person.id] }).expect(200);
      expect(Object.keys(response.body[0]).sort()).toEqual(PERSON_FIELDS);
    });

    describe('q finds a person', () => {
      let person: Person;
      let iin: string;
      beforeAll(async () => {
        const birthDate = nextBirthDate();
        iin = iinFor(birthDate, 'F');
        person = await register({
          surname: 'Құрманғазиева',
          givenName: 'Жанар',
          patronymic: 'Ыбырайқызы',
          otherSpellings: ['KURMANGAZIYEVA ZHANAR'],
          sex: 'F',
          birthDate,
          iin,
          idDocumentNumber: 'g 5554-4433',
        });
      });
      const found = async (q: string, session: Session = pavlodar) =>
        ((await list(session, { q }).expect(200)).body as Person[]).map((p) => p.id);

      it.each([
        ['in Cyrillic', 'Құрманғазиева Жанар'],
        ['by surname alone', 'Құрманғазиева'],
        ['in the Latin alphabet', 'Qūrmanğazieva Janar'],
        ['in a passport spelling', 'Kurmangazieva Zhanar'],
        ['in Russian spelling', 'Курмангазиева Жанар'],
        ['given name first, in capitals', 'ЖАНАР ҚҰРМАНҒАЗИЕВА'],
        ['with a typo', 'Kurmangazeva Zhanar'],
        ['by the patronymic', 'Ибрайкызы'],
      ])('%s', async (_, q) => {
        expect(await found(q)).toContain(person.id);
      });

      it('by IIN, exactly', async () => {
        expect(await found(iin)).toEqual([person.id]);
        expect(await found(`${iin.slice(0, 6)} ${iin.slice(6)}`)).toEqual([person.id]);
      });

      it('by identity document number, however it is written', async () => {
        expect(await found('G55544433')).toEqual([person.id]);
        expect(await found('g 555 444 33')).toEqual([person.id]);
      });

      it('by case number', async () => {
        const child = await register({ surname: 'Құрманғазиев', givenName: 'Әлішер', birthDate: '2015-06-01' });
        const { number } = await openCase(pavlodarId, [person.id, child.id], false);
        expect((await found(number)).sort((a, b) => a - b)).toEqual([person.id, child.id]);
        expect(await found(number.toLowerCase())).toHaveLength(2);
      });

      it('but not from another region', async () => {
        expect(await found('Құрманғазиева Жанар', abai)).toEqual([]);
        expect(await found(iin, abai)).toEqual([]);
        expect(await found('G55544433', abai)).toEqual([]);
      });

      it('and not when the name is another one', async () => {
        expect(await found('Тоқтаров Ержан')).not.toContain(person.id);
      });
    });

    it('refuses unknown filters and sorts: 400', async () => {
      const filter = await list(pavlodar, { searchKey: 'x' }).expect(400);
      expect(filter.body.errors).toHaveProperty(['filter.searchKey']);
      const q = await list(pavlodar, { q: ' -- ' }).expect(400);
      expect(q.body.errors).toHaveProperty(['filter.q']);
      const sort = await list(pavlodar, {}, ['searchKey', 'ASC']).expect(400);
      expect(sort.body.errors).toHaveProperty('sort');
    });

    it('sorts by surname, given name and birth date', async () => {
      const birthDate = nextBirthDate();
      for (const surname of ['Жұмабаев', 'Ахметов', 'Бекұлы']) await register({ surname, birthDate });
      const response = await list(pavlodar, { birthDate }, ['surname', 'ASC']).expect(200);
      expect(response.body.map((p: Person) => p.surname)).toEqual(['Ахметов', 'Бекұлы', 'Жұмабаев']);
      await list(pavlodar, { birthDate }, ['givenName', 'DESC']).expect(200);
      await list(pavlodar, { birthDate }, ['birthDate', 'ASC']).expect(200);
      await list(pavlodar, { birthDate }, ['createdAt', 'DESC']).expect(200);
    });
  });

  describe('GET /api/persons/:id/duplicates', () => {
    it('finds the same name in three spellings with the same birth date, but not with another birth date', async () => {
      const birthDate = nextBirthDate();
      const cyrillic = await register({ surname: 'Сейітов', givenName: 'Нұрлан', birthDate });
      const latin = await register({ surname: 'Seitov', givenName: 'Nurlan', birthDate });
      const russian = await register({ surname: 'Сеитов', givenName: 'Нурлан', birthDate });
      const otherDay = await register({ surname: 'Сейітов', givenName: 'Нұрлан', birthDate: addDays(birthDate, 1) });

      const candidates = await duplicatesOf(pavlodar, cyrillic.id);
      expect(candidates.map((c) => c.person.id).sort((a, b) => a - b)).toEqual([latin.id, russian.id]);
      for (const candidate of candidates) {
        expect(candidate).toEqual({
          person: expect.objectContaining({ birthDate }),
          score: 1,
          reasons: ['similar_name_same_birth_date'],
        });
        expect(Object.keys(candidate.person).sort()).toEqual(PERSON_FIELDS);
      }
      expect(candidates.map((c) => c.person.id)).not.toContain(otherDay.id);
    });

    it('scores a near spelling below 1, sorted best first, and leaves out a different name', async () => {
      const birthDate = nextBirthDate();
      const person = await register({ surname: 'Сейітов', givenName: 'Нұрлан', patronymic: 'Қайратұлы', birthDate });
      const same = await register({ surname: 'Seitov', givenName: 'Nurlan', patronymic: 'Kairatuly', birthDate });
      const noPatronymic = await register({ surname: 'Сейтов', givenName: 'Нурлан', birthDate });
      await register({ surname: 'Тоқтарова', givenName: 'Айгерім', birthDate });

      const candidates = await duplicatesOf(pavlodar, person.id);
      expect(candidates.map((c) => c.person.id)).toEqual([same.id, noPatronymic.id]);
      expect(candidates[0].score).toBe(1);
      expect(candidates[1].score).toBeGreaterThan(0.5);
      expect(candidates[1].score).toBeLessThan(1);
    });

    it('finds the same identity document, however its number is written (score 0.95)', async () => {
      const person = await register({ surname: 'Мұхаметжанов', idDocumentNumber: 'K-0123 4567' });
      const other = await register({ surname: 'Mukhametzhanov', givenName: 'Askar', idDocumentNumber: 'k01234567' });
      const candidates = await duplicatesOf(pavlodar, person.id);
      expect(candidates).toEqual([
        { person: expect.objectContaining({ id: other.id }), score: 0.95, reasons: ['same_document'] },
      ]);
    });

    it('puts several reasons together under the best score', async () => {
      const birthDate = nextBirthDate();
      const person = await register({
        surname: 'Есенова',
        givenName: 'Гүлнар',
        sex: 'F',
        birthDate,
        idDocumentNumber: 'P7788990',
      });
      const other = await register({
        surname: 'Yesenova',
        givenName: 'Gulnar',
        sex: 'F',
        birthDate,
        idDocumentNumber: 'P 778 8990',
      });
      expect(await duplicatesOf(pavlodar, person.id)).toEqual([
        {
          person: expect.objectContaining({ id: other.id }),
          score: 1,
          reasons: ['similar_name_same_birth_date', 'same_document'],
        },
      ]);
    });

    it('looks in every region, but shows of another region’s person only that they exist', async () => {
      const birthDate = nextBirthDate();
      const person = await register({ surname: 'Бекмұханбетов', givenName: 'Талғат', birthDate });
      const foreign = await registerInAbai({
        surname: 'Бекмуханбетов',
        givenName: 'Талгат',
        birthDate,
        phone: '+7 777 123 45 67',
        idDocumentNumber: 'N998877',
        addressKz: 'Семей қ.',
      });
      const candidates = await duplicatesOf(pavlodar, person.id);
      expect(candidates).toEqual([
        {
          person: { id: foreign.id, foreignRegion: true },
          score: 1,
          reasons: ['similar_name_same_birth_date'],
        },
      ]);
      expect(Object.keys(candidates[0].person).sort()).toEqual(FOREIGN_FIELDS);
      // Nationwide roles see the whole record.
      const forAdmin = await duplicatesOf(admin, person.id);
      expect(forAdmin[0].person).toMatchObject({
        id: foreign.id,
        phone: '+7 777 123 45 67',
        idDocumentNumber: 'N998877',
      });
      const forAuditor = await duplicatesOf(auditor, person.id);
      expect(Object.keys(forAuditor[0].person).sort()).toEqual(PERSON_FIELDS);
    });

    it('answers 404 for a person of another region', async () => {
      const person = await registerInAbai();
      await as(pavlodar).get(`/api/persons/${person.id}/duplicates`).expect(404);
    });

    it('finds the person holding the same IIN (score 1, same_iin)', async () => {
      // Two unmerged persons never share an IIN (a unique index refuses it), so the pair
      // arises when the record that held it was merged away and the kept one took it on.
      const birthDate = nextBirthDate();
      const iin = iinFor(birthDate, 'M', 77);
      const kept = await register({ surname: 'Омаров', givenName: 'Асқар', birthDate });
      const merged = await register({ surname: 'Бейсенов', givenName: 'Дархан', birthDate, iin });
      await as(pavlodar)
        .post(`/api/persons/${merged.id}/merge`, { intoPersonId: kept.id, version: merged.version })
        .expect(200);
      await as(pavlodar).put(`/api/persons/${kept.id}`, editable(kept, { iin })).expect(200);
      const candidates = await duplicatesOf(pavlodar, merged.id);
      expect(candidates).toEqual([
        { person: expect.objectContaining({ id: kept.id, iin }), score: 1, reasons: ['same_iin'] },
      ]);
    });
  });

  describe('POST /api/persons/:id/distinct', () => {
    it('marks two persons as not the same, which removes the candidate from both sides, and is audited', async () => {
      const birthDate = nextBirthDate();
      const person = await register({ surname: 'Әлімжанов', givenName: 'Айдос', birthDate });
      const other = await registerInAbai({ surname: 'Alimzhanov', givenName: 'Aidos', birthDate });
      expect((await duplicatesOf(pavlodar, person.id)).map((c) => c.person.id)).toEqual([other.id]);

      const marked = await as(pavlodar)
        .post(`/api/persons/${person.id}/distinct`, { otherPersonId: other.id })
        .expect(200);
      expect(marked.body).toMatchObject({ personId: person.id, otherPersonId: other.id, decidedBy: pavlodar.user.id });
      expect(await duplicatesOf(pavlodar, person.id)).toEqual([]);
      expect(await duplicatesOf(abai, other.id)).toEqual([]);

      // Marking again changes nothing and writes no second audit entry.
      await as(abai).post(`/api/persons/${other.id}/distinct`, { otherPersonId: person.id }).expect(200);
      const audited = await scalar<number>(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'person.mark_distinct' AND entity_id IN ($1, $2)`,
        [String(person.id), String(other.id)],
      );
      expect(audited).toBe(1);
    });

    it('refuses a person of another region (404), itself or a person that does not exist (400)', async () => {
      const person = await register();
      const foreign = await registerInAbai();
      await as(pavlodar).post(`/api/persons/${foreign.id}/distinct`, { otherPersonId: person.id }).expect(404);
      const self = await as(pavlodar)
        .post(`/api/persons/${person.id}/distinct`, { otherPersonId: person.id })
        .expect(400);
      expect(self.body.errors).toHaveProperty('otherPersonId');
      const missing = await as(pavlodar)
        .post(`/api/persons/${person.id}/distinct`, { otherPersonId: 99_999_999 })
        .expect(400);
      expect(missing.body.errors).toHaveProperty('otherPersonId');
    });
  });

  describe('POST /api/persons/:id/merge', () => {
    it('merges a person into another: both records kept, cases moved, audited, the merged one frozen', async () => {
      const birthDate = nextBirthDate();
      const target = await register({ surname: 'Ділдәбеков', givenName: 'Мұрат', birthDate });
      const source = await register({ surname: 'Dildabekov', givenName: 'Murat', birthDate });
      const spouse = await register({
        surname: 'Ділдәбекова',
        givenName: 'Сәуле',
        sex: 'F',
        birthDate: addDays(birthDate, 700),
      });
      const closed = await openCase(pavlodarId, [source.id], false);
      const active = await openCase(pavlodarId, [spouse.id, source.id], true);

      const response = await as(pavlodar)
        .post(`/api/persons/${source.id}/merge`, { intoPersonId: target.id, version: source.version })
        .expect(200);
      expect(response.body).toMatchObject({
        id: source.id,
        mergedIntoId: target.id,
        version: source.version + 1,
        surname: 'Dildabekov',
      });

      // Both records stay; the merged one still reads.
      const kept = await as(pavlodar).get(`/api/persons/${target.id}`).expect(200);
      expect(kept.body).toMatchObject({ surname: 'Ділдәбеков', mergedIntoId: null, version: 1 });
      await as(pavlodar).get(`/api/persons/${source.id}`).expect(200);

      const links = await withDb(api.databaseUrl, async (db) => ({
        members: (
          await db.query(
            'SELECT application_id, active FROM application_member WHERE person_id = $1 ORDER BY application_id',
            [target.id],
          )
        ).rows,
        left: (await db.query('SELECT count(*)::int AS n FROM application_member WHERE person_id = $1', [source.id]))
          .rows[0].n,
        applicant: (await db.query('SELECT applicant_id FROM application WHERE id = $1', [closed.id])).rows[0]
          .applicant_id,
        events: (
          await db.query(
            `SELECT application_id FROM application_event WHERE type = 'member' AND application_id IN ($1, $2)`,
            [closed.id, active.id],
          )
        ).rows.length,
        audit: (
          await db.query(
            `SELECT action, entity_id, changes FROM audit_event WHERE action LIKE 'person.merge%' AND entity_id IN ($1, $2) ORDER BY id`,
            [String(source.id), String(target.id)],
          )
        ).rows,
      }));
      expect(links.members).toEqual([
        { application_id: closed.id, active: false },
        { application_id: active.id, active: true },
      ]);
      expect(links.left).toBe(0);
      expect(links.applicant).toBe(target.id);
      expect(links.events).toBe(2);
      expect(links.audit).toEqual([
        {
          action: 'person.merge',
          entity_id: String(source.id),
          changes: {
            mergedIntoId: { before: null, after: target.id },
            applicationIds: { before: [closed.id, active.id], after: [] },
          },
        },
        {
          action: 'person.merge_into',
          entity_id: String(target.id),
          changes: expect.objectContaining({ mergedFrom: { before: null, after: source.id } }),
        },
      ]);

      // The merged record is no longer a candidate, cannot be edited, nor merged again.
      expect((await duplicatesOf(pavlodar, target.id)).map((c) => c.person.id)).not.toContain(source.id);
      const merged = response.body as Person;
      const edit = await as(pavlodar)
        .put(`/api/persons/${source.id}`, editable(merged, { givenName: 'Мұрат' }))
        .expect(409);
      expect(edit.body.message).toContain(`merged into person ${target.id}`);
      const again = await as(pavlodar)
        .post(`/api/persons/${source.id}/merge`, { intoPersonId: spouse.id, version: merged.version })
        .expect(409);
      expect(again.body.message).toContain('already merged');
      const into = await as(pavlodar)
        .post(`/api/persons/${spouse.id}/merge`, { intoPersonId: source.id, version: spouse.version })
        .expect(409);
      expect(into.body.message).toContain(`merge into that record instead`);
    });

    it('refuses a merge that would give the kept person a second active case: 409, nothing changed', async () => {
      const birthDate = nextBirthDate();
      const target = await register({ surname: 'Нұрғалиев', givenName: 'Ержан', birthDate });
      const source = await register({ surname: 'Nurgaliyev', givenName: 'Yerzhan', birthDate });
      const first = await openCase(pavlodarId, [target.id]);
      const second = await openCase(pavlodarId, [source.id]);

      const response = await as(pavlodar)
        .post(`/api/persons/${source.id}/merge`, { intoPersonId: target.id, version: source.version })
        .expect(409);
      expect(response.body.message).toContain('two active cases');
      expect(response.body.message).toContain(first.number);
      expect(response.body.message).toContain(second.number);
      const after = await withDb(api.databaseUrl, async (db) => ({
        merged: (await db.query('SELECT merged_into_id, version FROM person WHERE id = $1', [source.id])).rows[0],
        member: (await db.query('SELECT person_id FROM application_member WHERE application_id = $1', [second.id]))
          .rows[0].person_id,
      }));
      expect(after).toEqual({ merged: { merged_into_id: null, version: 1 }, member: source.id });
    });

    it('refuses to merge two members of the same case: 409', async () => {
      const birthDate = nextBirthDate();
      const target = await register({ surname: 'Байжанов', givenName: 'Арман', birthDate });
      const source = await register({ surname: 'Baizhanov', givenName: 'Arman', birthDate });
      const { number } = await openCase(pavlodarId, [target.id, source.id], false);
      const response = await as(pavlodar)
        .post(`/api/persons/${source.id}/merge`, { intoPersonId: target.id, version: source.version })
        .expect(409);
      expect(response.body).toMatchObject({ code: 'person.merge_shared_case', params: { case: number } });
    });

    it('refuses a stale version (409), itself (400) and a person of another region (404)', async () => {
      const person = await register();
      const other = await register();
      const foreign = await registerInAbai();
      await as(pavlodar)
        .post(`/api/persons/${person.id}/merge`, { intoPersonId: other.id, version: person.version + 1 })
        .expect(409);
      const self = await as(pavlodar)
        .post(`/api/persons/${person.id}/merge`, { intoPersonId: person.id, version: person.version })
        .expect(400);
      expect(self.body.errors).toHaveProperty('intoPersonId');
      await as(pavlodar)
        .post(`/api/persons/${person.id}/merge`, { intoPersonId: foreign.id, version: person.version })
        .expect(404);
      await as(pavlodar)
        .post(`/api/persons/${foreign.id}/merge`, { intoPersonId: person.id, version: foreign.version })
        .expect(404);
      // An admin may merge across regions.
      await as(admin)
        .post(`/api/persons/${foreign.id}/merge`, { intoPersonId: person.id, version: foreign.version })
        .expect(200);
    });

    it('is refused to roles that may only read persons: 403', async () => {
      const person = await register();
      const other = await register();
      await as(officialPavlodar)
        .post(`/api/persons/${person.id}/merge`, { intoPersonId: other.id, version: 1 })
        .expect(403);
      await as(auditor).post(`/api/persons/${person.id}/distinct`, { otherPersonId: other.id }).expect(403);
    });
  });
});
