import request from 'supertest';
import { bearer, scalar } from '../support/api-helpers';
import { type RunningApi, startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { finished, pollRun, type RunBody, sleep } from '../support/job-runs';
import { insertWaitingFamilies } from '../support/placement-records';

/** Short, so a killed run is found lost within seconds (the default is 60 s). */
const HEARTBEAT_TIMEOUT_SECONDS = 5;

describe('jobs', () => {
  let api: RunningApi;
  let admin: Session;
  let auditor: Session;
  let caseworker: Session;
  const YEAR = 2033;

  beforeAll(async () => {
    api = await startApi({ JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS) });
    [admin, auditor, caseworker] = await Promise.all([
      login(api.url, 'admin'),
      login(api.url, 'auditor'),
      login(api.url, 'caseworker.pavlodar'),
    ]);
    await insertWaitingFamilies(api.databaseUrl, YEAR, 40, 10);
  });
  afterAll(() => api?.stop());

  const get = (path: string, session: Session) => request(api.url).get(path).set(bearer(session.accessToken));
  const post = (path: string, session: Session, body: object) =>
    request(api.url).post(path).set(bearer(session.accessToken)).send(body);

  describe('GET /api/jobs', () => {
    it('names each job with its schedule and last run, for an admin and an auditor', async () => {
      for (const session of [admin, auditor]) {
        const response = await get('/api/jobs', session).expect(200);
        expect(response.headers['content-range']).toMatch(/^jobs 0-\d+\/\d+$/);
        expect(response.body).toContainEqual(
          expect.objectContaining({ id: 'placement-batch', name: 'placement-batch', schedule: null }),
        );
      }
    });

    it('is refused to a caseworker (403)', async () => {
      await get('/api/jobs', caseworker).expect(403);
      await get('/api/jobs/runs', caseworker).expect(403);
    });
  });

  describe('audit-checkpoint', () => {
    it('is scheduled hourly, and a run writes a signed checkpoint of the chain head', async () => {
      const jobs = (await get('/api/jobs', admin).expect(200)).body as { name: string; schedule: string | null }[];
      expect(jobs).toContainEqual(expect.objectContaining({ name: 'audit-checkpoint', schedule: '0 * * * *' }));
      const created = await post('/api/jobs/audit-checkpoint/runs', admin, {}).expect(201);
      const run = await pollRun(api.url, admin, created.body.id, finished);
      expect(run).toMatchObject({ state: 'completed', error: null });
      const checkpoints = (await get('/api/audit-events/checkpoints', auditor).expect(200)).body as { id: string }[];
      expect(String(run.result?.checkpointId)).toBe(String(checkpoints[0].id));
      await request(api.url).get('/api/public/audit-checkpoint').expect(200);
    });
  });

  describe('POST /api/jobs/:name/runs', () => {
    it('queues a run (201 with its id), which the worker takes to completed with its progress and result', async () => {
      const created = await post('/api/jobs/placement-batch/runs', admin, { params: { year: YEAR } }).expect(201);
      expect(created.body).toMatchObject({
        jobName: 'placement-batch',
        state: 'queued',
        params: { year: YEAR, category: 'kandas' },
      });
      const run = await pollRun(api.url, admin, created.body.id, finished);
      expect(run).toMatchObject({
        state: 'completed',
        error: null,
        progress: { phase: 'placement.phase_saving', total: 40, processed: 40, failed: 0 },
        result: { families: 40, placed: 40 },
      });
      const batch = await get(`/api/placement/batches/${run.result!.batchId as number}`, admin).expect(200);
      expect(batch.body).toMatchObject({
        status: 'proposed',
        families: 40,
        runId: run.id,
        run: { state: 'completed' },
      });

      const jobs = await get('/api/jobs', auditor).expect(200);
      expect(jobs.body.find((job: { id: string }) => job.id === 'placement-batch').lastRun).toMatchObject({
        id: run.id,
        state: 'completed',
      });
      const audited = await scalar(
        api.databaseUrl,
        `SELECT count(*)::int FROM audit_event WHERE action = 'job_run.create' AND entity_type = 'job_run' AND entity_id = $1`,
        [run.id],
      );
      expect(audited).toBe(1);
    });

    it('shows a failed run with its error as a code and parameters', async () => {
      // A batch still running for the year (from another path): the run refuses to open a second.
      const blocking = await scalar(
        api.databaseUrl,
        `INSERT INTO placement_batch (year, category, status) VALUES (2034, 'kandas', 'running') RETURNING id`,
      );
      const created = await post('/api/jobs/placement-batch/runs', admin, { params: { year: 2034 } }).expect(201);
      const run = await pollRun(api.url, auditor, created.body.id, finished);
      expect(run).toMatchObject({
        state: 'failed',
        result: null,
        error: { code: 'placement.batch_running', params: { batch: blocking } },
      });
      expect(run.error!.message).toContain(`Batch ${blocking}`);
      await scalar(api.databaseUrl, `UPDATE placement_batch SET status = 'failed' WHERE id = $1`, [blocking]);
    });

    it('answers 404 with a code for a job that does not exist, and for an unknown run', async () => {
      const response = await post('/api/jobs/no-such-job/runs', admin, {}).expect(404);
      expect(response.body).toMatchObject({ code: 'jobs.unknown', params: { name: 'no-such-job' } });
      await get('/api/jobs/runs/00000000-0000-4000-8000-000000000000', admin).expect(404);
      const notUuid = await get('/api/jobs/runs/not-a-uuid', admin).expect(404);
      expect(notUuid.body).toMatchObject({ code: 'record.not_found', params: { entity: 'job_run' } });
    });

    it('refuses bad parameters field by field (400) and queues nothing', async () => {
      const before = await scalar(api.databaseUrl, 'SELECT count(*)::int FROM job_run');
      const bad = await post('/api/jobs/placement-batch/runs', admin, {
        params: { year: 'soon', category: 'tourists', extra: 1 },
      }).expect(400);
      expect(bad.body.errorCodes).toMatchObject({
        'params.year': { code: 'validation.is_int' },
        'params.category': { code: 'validation.is_in' },
        'params.extra': { code: 'validation.not_allowed' },
      });
      const early = await post('/api/jobs/placement-batch/runs', admin, { params: { year: 1800 } }).expect(400);
      expect(early.body.errorCodes['params.year']).toMatchObject({ code: 'validation.min', params: { min: 1990 } });
      const notObject = await post('/api/jobs/placement-batch/runs', admin, { params: 'all' }).expect(400);
      expect(notObject.body.errorCodes.params).toMatchObject({ code: 'validation.nested' });
      expect(await scalar(api.databaseUrl, 'SELECT count(*)::int FROM job_run')).toBe(before);
    });

    it('lets an auditor read runs but not start one (403)', async () => {
      await post('/api/jobs/placement-batch/runs', auditor, {}).expect(403);
      await post('/api/jobs/placement-batch/runs', caseworker, {}).expect(403);
    });
  });

  describe('GET /api/jobs/runs', () => {
    it('pages the runs, newest first, filtered by state', async () => {
      const all = await get('/api/jobs/runs', auditor).expect(200);
      expect(all.headers['content-range']).toMatch(/^jobs\/runs 0-\d+\/\d+$/);
      expect(all.body.length).toBeGreaterThanOrEqual(2);
      const failed = await request(api.url)
        .get('/api/jobs/runs')
        .query({ filter: JSON.stringify({ state: 'failed' }) })
        .set(bearer(auditor.accessToken))
        .expect(200);
      expect(failed.body.length).toBeGreaterThanOrEqual(1);
      expect(failed.body.every((run: RunBody) => run.state === 'failed')).toBe(true);
      await request(api.url)
        .get('/api/jobs/runs')
        .query({ filter: JSON.stringify({ state: 'stuck' }) })
        .set(bearer(auditor.accessToken))
        .expect(400);
    });
  });
});

describe('a placement batch whose server is killed mid-run', () => {
  const YEAR = 2035;
  let first: RunningApi;
  let second: RunningApi | undefined;

  beforeAll(async () => {
    first = await startApi({ JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS) });
    // Thousands of families over every region: seconds of solving, a window to kill the server in.
    await insertWaitingFamilies(first.databaseUrl, YEAR, 4000, 300);
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
  });

  it('fails (SIGKILL, restart on the same database) and a new batch for the year runs', async () => {
    let official = await login(first.url, 'official.pavlodar');
    const started = await request(first.url)
      .post('/api/placement/batches')
      .set(bearer(official.accessToken))
      .send({ year: YEAR, category: 'kandas' })
      .expect(202);
    const batchId = started.body.id as number;
    let batch = started.body as { status: string; progress: number };
    for (let i = 0; i < 300 && batch.progress < 50; i++) {
      await sleep(20);
      batch = (await request(first.url).get(`/api/placement/batches/${batchId}`).set(bearer(official.accessToken)))
        .body;
    }
    expect(batch).toMatchObject({ status: 'running' });
    await first.kill();

    second = await startApi({ JOB_HEARTBEAT_TIMEOUT_SECONDS: String(HEARTBEAT_TIMEOUT_SECONDS) }, first.databaseUrl);
    official = await login(second.url, 'official.pavlodar');
    const post = () =>
      request(second!.url)
        .post('/api/placement/batches')
        .set(bearer(official.accessToken))
        .send({ year: YEAR, category: 'kandas' });
    // Until the heartbeat timeout passes the old run may still be alive elsewhere; then it is lost.
    let retried = await post();
    for (let i = 0; i < 40 && retried.status === 409; i++) {
      await sleep(500);
      retried = await post();
    }
    expect(retried.status).toBe(202);
    const old = await request(second.url).get(`/api/placement/batches/${batchId}`).set(bearer(official.accessToken));
    expect(old.body).toMatchObject({ status: 'failed', run: { state: 'failed', error: { code: 'jobs.worker_lost' } } });

    let next = retried.body as { id: number; status: string };
    for (let i = 0; i < 600 && next.status === 'running'; i++) {
      await sleep(100);
      next = (await request(second.url).get(`/api/placement/batches/${next.id}`).set(bearer(official.accessToken)))
        .body;
    }
    expect(next).toMatchObject({ status: 'proposed', families: 4000 });
  });
});
