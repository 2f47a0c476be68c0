import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { bearer } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';

const RUNS = 12;
const READERS = 40;
const WRITERS = 10;

/**
 * The job runner of the embedded database (docs/jobs.md): PGlite serialises every
 * connection into one session, where pg-boss beside the requests lost some of them
 * (401, 500, no answer). Under load every run must finish and every request be answered.
 */
describe('job queue on the embedded database, under load', () => {
  let dataDir: string;
  let api: RunningApi;
  let admin: Session;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'qonys-jobs-embedded-'));
    api = await startApi({ JWT_SECRET: '', DEMO_DATA: '' }, { embeddedDataDir: dataDir });
    admin = await login(api.url, 'admin');
  });
  afterAll(async () => {
    await api?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every queued job to completed while requests and writes go on', async () => {
    const started = performance.now();
    const runNow = (year: number) =>
      request(api.url).post('/api/jobs/placement-batch/runs').set(bearer(admin.accessToken)).send({ params: { year } });
    const read = () => request(api.url).get('/api/users').set(bearer(admin.accessToken));
    const write = (n: number) =>
      request(api.url)
        .post('/api/users')
        .set(bearer(admin.accessToken))
        .send({ username: `load.${n}`, fullName: 'Жүктеме Тексеру', role: 'auditor', password: 'load-test-password' });

    const responses = await Promise.all([
      ...Array.from({ length: RUNS }, (_, i) => runNow(2040 + i)),
      ...Array.from({ length: READERS }, () => read()),
      ...Array.from({ length: WRITERS }, (_, n) => write(n)),
    ]);
    expect(responses.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const runIds = responses.slice(0, RUNS).map((r) => (r.body as { id: string }).id);

    const states = new Map<string, string>();
    for (let i = 0; i < 600 && [...states.values()].filter((s) => s === 'completed').length < RUNS; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Reads keep coming while the worker drains the queue.
      const [page, ...runs] = await Promise.all([
        read(),
        ...runIds.map((id) => request(api.url).get(`/api/jobs/runs/${id}`).set(bearer(admin.accessToken))),
      ]);
      expect(page.status).toBe(200);
      for (const [n, run] of runs.entries()) states.set(runIds[n], (run.body as { state: string }).state);
    }
    expect([...states.values()]).toEqual(Array(RUNS).fill('completed'));
    expect(api.output()).not.toMatch(/job queue error|job run failed/);
    console.log(
      `embedded: ${RUNS} runs with ${READERS} reads and ${WRITERS} writes in ${Math.round(performance.now() - started)} ms`,
    );
  });
});
