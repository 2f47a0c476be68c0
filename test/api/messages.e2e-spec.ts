import request from 'supertest';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login, type Session } from '../support/auth';

/**
 * Every class of message the API sends carries a stable catalogue code and its
 * parameters (docs/messages.md), beside the English text for API clients.
 */
describe('messages as codes', () => {
  let api: RunningApi;
  let admin: Session;
  let caseworker: Session;
  let pavlodarId: number;

  beforeAll(async () => {
    api = await startApi();
    admin = await login(api.url, 'admin');
    caseworker = await login(api.url, 'caseworker.pavlodar');
    pavlodarId = await regionIdByCode(api.databaseUrl, '55');
  });
  afterAll(() => api?.stop());

  const person = (fields: Record<string, unknown> = {}) => ({
    surname: 'Сейітов',
    givenName: 'Нұрлан',
    birthDate: '1990-05-17',
    sex: 'M',
    ...fields,
  });

  it('validation: 400 validation.failed, each field with its constraint code and arguments', async () => {
    const response = await request(api.url)
      .post('/api/quotas')
      .set(bearer(admin.accessToken))
      .send({ year: 1900, regionId: pavlodarId, category: 'nobody', capacity: 10, legalAct: 'Order', unexpected: 1 })
      .expect(400);
    expect(response.body).toMatchObject({
      statusCode: 400,
      code: 'validation.failed',
      params: {},
      message: 'Validation failed',
      requestId: expect.any(String),
    });
    expect(response.body.errorCodes).toEqual({
      year: { code: 'validation.min', params: { min: 1990 } },
      category: { code: 'validation.is_in', params: { values: 'kandas, resettler' } },
      unexpected: { code: 'validation.not_allowed', params: {} },
    });
    expect(response.body.errors).toEqual({
      year: 'must be at least 1990',
      category: 'must be one of kandas, resettler',
      unexpected: 'is not a field of this request',
    });
  });

  it('validation: a decorator’s own message is its code; a rule across fields has its own', async () => {
    const dated = await request(api.url)
      .post('/api/persons')
      .set(bearer(caseworker.accessToken))
      .send(person({ birthDate: '2990-01-01' }))
      .expect(400);
    expect(dated.body.errorCodes).toEqual({ birthDate: { code: 'person.birth_date_future', params: {} } });
    const lettered = await request(api.url)
      .post('/api/persons')
      .set(bearer(caseworker.accessToken))
      .send(person({ surname: '123' }))
      .expect(400);
    expect(lettered.body.errorCodes).toEqual({ surname: { code: 'validation.has_letters', params: {} } });
  });

  it('domain refusal: 409 quota.exists with the category and year', async () => {
    const quota = { year: 2033, regionId: pavlodarId, category: 'kandas', capacity: 5, legalAct: 'Order 2033' };
    await request(api.url).post('/api/quotas').set(bearer(admin.accessToken)).send(quota).expect(201);
    const again = await request(api.url).post('/api/quotas').set(bearer(admin.accessToken)).send(quota).expect(409);
    expect(again.body).toMatchObject({
      code: 'quota.exists',
      params: { category: 'kandas', year: 2033 },
      message: 'A kandas quota for 2033 already exists in this region',
    });
  });

  it('domain refusal: 404 record.not_found names the record kind as a key', async () => {
    const response = await request(api.url).get('/api/persons/999999').set(bearer(caseworker.accessToken)).expect(404);
    expect(response.body).toMatchObject({
      code: 'record.not_found',
      params: { entity: 'person' },
      message: 'Person not found',
    });
  });

  it('login: 401 auth.invalid_credentials, the same for an unknown user', async () => {
    for (const username of ['caseworker.pavlodar', 'nobody.here']) {
      const response = await request(api.url)
        .post('/api/auth/login')
        .send({ username, password: `${DEMO_PASSWORD}-wrong` })
        .expect(401);
      expect(response.body).toMatchObject({
        code: 'auth.invalid_credentials',
        params: {},
        message: 'Wrong username or password',
      });
    }
  });

  it('import: 400 import.refused with a code and parameters for every bad cell', async () => {
    const csv = 'year,region_code,occupation,vacancies\n2031,55,Teacher,12\n2031,55,Driver,many\n2031,99,Nurse,4\n';
    const response = await request(api.url)
      .post('/api/labour-demand/import')
      .set(bearer(admin.accessToken))
      .attach('file', Buffer.from(csv), 'demand.csv')
      .expect(400);
    expect(response.body).toMatchObject({ code: 'import.refused', params: { count: 2 } });
    expect(response.body.rows).toEqual([
      {
        row: 3,
        field: 'vacancies',
        code: 'import.not_count',
        params: { value: 'many' },
        message: '"many" is not a whole number (0 or more)',
      },
      {
        row: 4,
        field: 'region_code',
        code: 'import.unknown_region',
        params: { value: '99' },
        message: 'No region has the KATO code 99',
      },
    ]);
    expect(response.body.errorCodes['rows.3.vacancies']).toEqual({
      code: 'import.not_count',
      params: { value: 'many' },
    });
  });

  it('database refusal and fault: 400 db.check for a broken rule, 500 server.internal otherwise', async () => {
    await withDb(api.databaseUrl, (db) =>
      db.query(`
        CREATE FUNCTION test_refuse_person() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.surname = 'Тексеріс' THEN RAISE EXCEPTION 'check for the test' USING ERRCODE = 'check_violation'; END IF;
          IF NEW.surname = 'Ақау' THEN RAISE EXCEPTION 'fault for the test'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER test_refuse_person BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION test_refuse_person();`),
    );
    try {
      const check = await request(api.url)
        .post('/api/persons')
        .set(bearer(caseworker.accessToken))
        .send(person({ surname: 'Тексеріс' }))
        .expect(400);
      expect(check.body).toMatchObject({
        code: 'db.check',
        params: {},
        message: 'A value breaks a rule of the record',
      });
      const fault = await request(api.url)
        .post('/api/persons')
        .set(bearer(caseworker.accessToken))
        .send(person({ surname: 'Ақау' }))
        .expect(500);
      expect(fault.body).toEqual({
        statusCode: 500,
        error: 'Internal Server Error',
        code: 'server.internal',
        params: {},
        message: 'Internal server error; quote the request id when reporting it',
        requestId: expect.any(String),
      });
      expect(JSON.stringify(fault.body)).not.toContain('fault for the test');
    } finally {
      await withDb(api.databaseUrl, (db) =>
        db.query('DROP TRIGGER test_refuse_person ON person; DROP FUNCTION test_refuse_person();'),
      );
    }
  });

  it('a framework refusal (unknown path) has a code too', async () => {
    const response = await request(api.url).get('/api/no-such-thing').expect(404);
    expect(response.body).toMatchObject({ code: 'http.not_found', params: {} });
  });
});
