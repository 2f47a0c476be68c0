import request from 'supertest';
import { bearer } from '../support/api-helpers';
import { createDatabase, type RunningApi, startApi, TEST_SERVER_URL } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

/**
 * Issue 8 §5: while the database is unreachable every endpoint answers 503 with
 * Retry-After — never 401 "session ended" (clients throw their tokens away), never 500 —
 * and the same tokens work again once it is back.
 */
describe('database unreachable', () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let proxy: TcpProxy;
  let api: RunningApi;
  let session: Session;

  beforeAll(async () => {
    database = await createDatabase();
    const server = new URL(TEST_SERVER_URL);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    const viaProxy = new URL(database.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    api = await startApi({}, viaProxy.toString());
    session = await login(api.url, 'caseworker.pavlodar');
    await proxy.cut();
  });
  afterAll(async () => {
    await api?.stop();
    await proxy?.close();
    await database?.drop();
  });

  const expectUnavailable = (response: request.Response) => {
    expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'server.unavailable' });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  };

  it('answers an authenticated request 503 with Retry-After, not 401', async () => {
    for (const path of ['/api/auth/me', '/api/persons', '/api/applications', '/api/dashboard']) {
      const response = await request(api.url).get(path).set(bearer(session.accessToken));
      expectUnavailable(response);
    }
    const write = await request(api.url)
      .post('/api/persons')
      .set(bearer(session.accessToken))
      .send({ lastName: 'Test', firstName: 'Test', birthDate: '1990-01-01', sex: 'male', citizenship: 'CN' });
    expectUnavailable(write);
  });

  it('answers login, token refresh and readiness 503 with Retry-After', async () => {
    expectUnavailable(await request(api.url).post('/api/auth/login').send({ username: 'caseworker.pavlodar', password: 'Qonys-demo-2026' }));
    expectUnavailable(await request(api.url).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }));
    expectUnavailable(await request(api.url).get('/api/health/ready'));
    // The process itself is alive.
    await request(api.url).get('/api/health').expect(200);
  });

  it('serves the same tokens again once the database is back', async () => {
    await proxy.restore();
    await request(api.url).get('/api/persons').set(bearer(session.accessToken)).expect(200);
    await request(api.url).get('/api/health/ready').expect(200);
  });
});
