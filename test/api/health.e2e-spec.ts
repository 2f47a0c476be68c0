import { join } from 'node:path';
import request from 'supertest';
import { type RunningApi, startApi } from '../support/api-process';

describe('health', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.stop());

  it('answers liveness without a login', async () => {
    const response = await request(api.url).get('/api/health').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('reports the database reachable', async () => {
    const response = await request(api.url).get('/api/health/ready').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers an unknown API path with a JSON 404 carrying the request id', async () => {
    const response = await request(api.url).get('/api/no-such-thing').set('x-request-id', 'trace-123').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, requestId: 'trace-123' });
    expect(response.headers['x-request-id']).toBe('trace-123');
  });
});

describe('health of a process whose Object.prototype was polluted', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await startApi({ NODE_OPTIONS: `--require ${join(__dirname, '..', 'fixtures', 'pollute-prototype.js')}` });
  });
  afterAll(() => api?.stop());

  it('stops reporting ready, with a retry hint, and names the pollution in the log', async () => {
    const response = await request(api.url).get('/api/health/ready').expect(503);
    expect(response.body).toMatchObject({ statusCode: 503, code: 'server.prototype_polluted' });
    expect(response.headers['retry-after']).toBeDefined();
    expect(api.output()).toContain('Object.prototype.p.id');
  });
});
