/**
 * `npm run bench:monitoring`: the monitoring dashboard on a large database
 * (docs/monitoring.md). Starts the built API on BENCH_DATABASE_URL — a copy you own,
 * e.g. `createdb -T bench_1m bench_dash`, since it migrates it — times the
 * monitoring-aggregates refresh (run by the job, as on its schedule) and then
 * GET /api/monitoring/dashboard for a national and a regional user. Prints lines; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { bearer, scalar } from '../support/api-helpers';
import { startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { finished, pollRun } from '../support/job-runs';

const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 50);
const REFRESHES = Number(process.env.BENCH_REFRESHES ?? 3);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function timeDashboard(url: string, label: string, session: Session, query: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await request(url).get('/api/monitoring/dashboard').query(query).set(bearer(session.accessToken)).expect(200);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} n=${SAMPLES}  p50 ${percentile(times, 0.5).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 0.95).toFixed(1).padStart(6)} ms`,
  );
}

async function main(): Promise<void> {
  if (!DATABASE_URL) throw new Error('Set BENCH_DATABASE_URL to a database copy the bench may migrate');
  const applications = await scalar(DATABASE_URL, 'SELECT count(*)::int FROM application');
  const persons = await scalar(DATABASE_URL, 'SELECT count(*)::int FROM person');
  console.log(`database: ${applications} applications, ${persons} persons`);

  const started = performance.now();
  const api = await startApi({}, DATABASE_URL);
  console.log(`start-up incl. migration and first refresh: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  try {
    const admin = await login(api.url, 'admin');
    const caseworker = await login(api.url, 'caseworker.pavlodar');
    for (let i = 0; i < REFRESHES; i++) {
      const created = await request(api.url)
        .post('/api/jobs/monitoring-aggregates/runs')
        .send({})
        .set(bearer(admin.accessToken))
        .expect(201);
      const run = await pollRun(api.url, admin, created.body.id, finished);
      if (run.state !== 'completed') throw new Error(JSON.stringify(run));
      console.log(`monitoring-aggregates refresh #${i + 1}: ${run.result!.durationMs} ms  rows ${JSON.stringify(run.result!.rows)}`);
    }
    const pavlodar = String(await scalar(DATABASE_URL, `SELECT id FROM region WHERE code = '55'`));
    const year = String(new Date().getUTCFullYear());
    await timeDashboard(api.url, 'dashboard, national, all regions', admin, { year });
    await timeDashboard(api.url, 'dashboard, national, one region + origin CN', admin, {
      year,
      regionId: pavlodar,
      origin: 'CN',
    });
    await timeDashboard(api.url, 'dashboard, caseworker (own region)', caseworker, { year });
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
