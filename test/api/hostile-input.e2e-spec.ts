import request from 'supertest';
import { bearer, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { DEMO_PASSWORD, login } from '../support/auth';

/** Issue 8 §1: no request can break the process; each hostile input is a 400 keyed by field. */
describe('hostile input', () => {
  let api: RunningApi;
  let token: string;
  let adminToken: string;
  beforeAll(async () => {
    api = await startApi();
    token = (await login(api.url, 'caseworker.pavlodar')).accessToken;
    adminToken = (await login(api.url, 'admin')).accessToken;
  });
  afterAll(() => api?.stop());

  const list = (path: string, query: Record<string, unknown>, as = token) =>
    request(api.url)
      .get(path)
      .query(Object.fromEntries(Object.entries(query).map(([k, v]) => [k, JSON.stringify(v)])))
      .set(bearer(as));

  const expectStillHealthy = async () => {
    const again = await login(api.url, 'caseworker.pavlodar');
    expect(again.accessToken).toEqual(expect.any(String));
    await request(api.url).get('/api/persons').set(bearer(again.accessToken)).expect(200);
    await request(api.url).get('/api/health/ready').expect(200);
  };

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'refuses sort by %s on every kind of list, and login and readiness keep working after it',
    async (field) => {
      for (const path of ['/api/persons', '/api/applications', '/api/users', '/api/quotas', '/api/audit-events']) {
        const response = await list(path, { sort: [field, 'ASC'] }, adminToken);
        expect({ path, status: response.status }).toEqual({ path, status: 400 });
        expect(response.body.errors).toHaveProperty('sort');
      }
      await expectStillHealthy();
    },
  );

  it.each(['__proto__', 'constructor', 'toString', 'prototype'])(
    'refuses a filter named %s with a 400 on the filter',
    async (key) => {
      const response = await request(api.url)
        .get('/api/persons')
        .query({ filter: `{"${key}":"x"}` })
        .set(bearer(token))
        .expect(400);
      expect(Object.keys(response.body.errors)).toEqual([`filter.${key}`]);
      await expectStillHealthy();
    },
  );

  it('refuses a built-in name as a body key or query parameter', async () => {
    const body = await request(api.url)
      .post('/api/persons')
      .set(bearer(token))
      .send({ toString: 'x', lastName: 'A' })
      .expect(400);
    expect(body.body).toMatchObject({ code: 'request.invalid_key', errors: { toString: expect.any(String) } });
    const query = await request(api.url).get('/api/persons?constructor=1').set(bearer(token)).expect(400);
    expect(query.body.errors).toHaveProperty('constructor');
  });

  it.each([
    ['not JSON', '{"surname":'],
    ['a __proto__ key', '{"__proto__":{"isAdmin":true}}'],
    ['a constructor.prototype key', '{"constructor":{"prototype":{"isAdmin":true}}}'],
  ])('answers a JSON body that is %s with a 400 on the body', async (_label, body) => {
    const response = await request(api.url)
      .post('/api/persons')
      .set(bearer(token))
      .set('content-type', 'application/json')
      .send(body)
      .expect(400);
    expect(response.body.errors).toHaveProperty('body');
  });

  it('refuses JSON nested thousands of levels deep in a body, and hundreds in a list filter', async () => {
    const deep = '{"lastName":'.repeat(5000) + '"x"' + '}'.repeat(5000);
    const body = await request(api.url)
      .post('/api/persons')
      .set(bearer(token))
      .set('content-type', 'application/json')
      .send(deep)
      .expect(400);
    expect(body.body).toMatchObject({ code: 'request.too_deep', errors: { lastName: expect.any(String) } });
    const filter = await request(api.url)
      .get('/api/persons')
      .query({ filter: '{"q":' + '['.repeat(200) + ']'.repeat(200) + '}' })
      .set(bearer(token))
      .expect(400);
    expect(filter.body).toMatchObject({ code: 'request.too_deep', errors: { filter: expect.any(String) } });
  });

  it.each([
    ['a NUL', 'Ab\u0000c'],
    ['a lone high surrogate', 'Ab\ud800c'],
    ['a lone low surrogate', '\udc00Abc'],
  ])('refuses %s in a body field, a list filter and the login, and stores nothing', async (_label, text) => {
    const before = await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM person');
    const create = await request(api.url)
      .post('/api/persons')
      .set(bearer(token))
      .send({ surname: text, givenName: 'Test', birthDate: '1990-01-01', sex: 'M', citizenship: 'CN' })
      .expect(400);
    expect(create.body).toMatchObject({ code: 'request.invalid_text', errors: { surname: expect.any(String) } });
    expect(await scalar<number>(api.databaseUrl, 'SELECT count(*)::int FROM person')).toBe(before);

    const search = await list('/api/persons', { filter: { q: text } }).expect(400);
    expect(search.body.errors).toHaveProperty(['filter.q']);

    const loginResponse = await request(api.url)
      .post('/api/auth/login')
      .send({ username: text, password: DEMO_PASSWORD })
      .expect(400);
    expect(loginResponse.body.errors).toHaveProperty('username');
  });

  it('keeps a well-formed emoji (a surrogate pair) as ordinary text', async () => {
    await list('/api/persons', { filter: { q: 'Ab😀' } }).expect(200);
  });

  it.each([
    ['a number', 5],
    ['a list', ['caseworker.pavlodar']],
    ['an object', { $ne: '' }],
    ['true', true],
  ])('answers a login whose username is %s with a 400 on the username', async (_label, username) => {
    const response = await request(api.url)
      .post('/api/auth/login')
      .send({ username, password: DEMO_PASSWORD })
      .expect(400);
    expect(response.body.errors).toHaveProperty('username');
  });

  it('answers a login whose password is a number with a 400 on the password', async () => {
    const response = await request(api.url)
      .post('/api/auth/login')
      .send({ username: 'caseworker.pavlodar', password: 12345678 })
      .expect(400);
    expect(response.body.errors).toHaveProperty('password');
  });

  it.each([
    ['cut short', '--xyz\r\nContent-Disposition: form-data; name="applicationId"\r\n\r\n1'],
    ['without a boundary line', 'not multipart at all'],
    ['with a broken part header', '--xyz\r\nContent-Disposition\r\n\r\n1\r\n--xyz--\r\n'],
  ])('answers a multipart upload %s with a 400 on the file', async (_label, payload) => {
    const response = await request(api.url)
      .post('/api/documents')
      .set(bearer(token))
      .set('content-type', 'multipart/form-data; boundary=xyz')
      .send(payload);
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveProperty('file');
  });

  it('answers a multipart field named __proto__ or holding a NUL with a 400 on that field', async () => {
    const named = await request(api.url)
      .post('/api/documents')
      .set(bearer(token))
      .field('__proto__', '1')
      .attach('file', Buffer.from('%PDF-1.4\n'), 'a.pdf');
    expect(named.status).toBe(400);
    expect(named.body.errors).toHaveProperty('__proto__');
    const nul = await request(api.url)
      .post('/api/documents')
      .set(bearer(token))
      .field('applicationId', '1\u0000')
      .attach('file', Buffer.from('%PDF-1.4\n'), 'a.pdf');
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toHaveProperty('applicationId');
  });

  it.each([
    ['a list', []],
    ['a list of lists', [[]]],
    ['null', null],
    ['a number', 1],
  ])('answers a list field holding %s where an object belongs with a 400 on that field', async (_label, element) => {
    const weights = await request(api.url)
      .put('/api/placement/weights')
      .set(bearer(adminToken))
      .send({ weights: [element] })
      .expect(400);
    expect(Object.keys(weights.body.errors)).toEqual([expect.stringMatching(/^weights/)]);
    const members = await request(api.url)
      .post('/api/applications')
      .set(bearer(token))
      .send({ applicantId: 1, members: [element] })
      .expect(400);
    expect(Object.keys(members.body.errors)).toContainEqual(expect.stringMatching(/^members/));
  });

  it.each([
    ['a string', 'x'],
    ['a list of lists', [[1], [2]]],
    ['a list with null and an object', [null, {}]],
    ['an object', { 0: 1 }],
  ])('answers a list sort or range given as %s with a 400 on that parameter', async (_label, value) => {
    for (const parameter of ['sort', 'range']) {
      const response = await list('/api/persons', { [parameter]: value });
      expect({ parameter, status: response.status }).toEqual({ parameter, status: 400 });
      expect(response.body.errors).toHaveProperty(parameter);
    }
  });

  it('answers a list parameter given twice with a 400 on it', async () => {
    const response = await request(api.url).get('/api/persons?range=[0&range=1]').set(bearer(token)).expect(400);
    expect(response.body.errors).toHaveProperty('range');
  });
});
