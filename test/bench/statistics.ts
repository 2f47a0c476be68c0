/**
 * `npm run bench:statistics`: the open statistics release job and the public endpoints'
 * latency. Starts the built API (`npm run build:api` first) on BENCH_STATISTICS_DB (an
 * existing database, e.g. a copy of a seeded one) or on a fresh database with
 * BENCH_STATISTICS_FAMILIES demo families (default 3000); publishes a release through
 * the admin's endpoint, then asks each public endpoint BENCH_STATISTICS_REQUESTS times
 * (default 200) one after another. Prints the job's time, the files' size and p50/p95.
 */
import request from 'supertest';
import { bearer } from '../support/api-helpers';
import { startApi } from '../support/api-process';
import { login } from '../support/auth';
import { finished, pollRun } from '../support/job-runs';

const REQUESTS = Number(process.env.BENCH_STATISTICS_REQUESTS ?? 200);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main(): Promise<void> {
  const database = process.env.BENCH_STATISTICS_DB;
  const env = {
    PUBLIC_RATE_LIMIT_PER_MINUTE: '100000',
    ...(database
      ? { DEMO_DATA: 'true', DEMO_FAMILIES: '0' }
      : { DEMO_FAMILIES: process.env.BENCH_STATISTICS_FAMILIES ?? '3000' }),
  };
  const api = await startApi(env, database);
  try {
    const admin = await login(api.url, 'admin');
    const queued = await request(api.url)
      .post('/api/statistics-releases')
      .set(bearer(admin.accessToken))
      .send({ note: 'Benchmark' })
      .expect(202);
    const run = await pollRun(api.url, admin, queued.body.id, finished);
    if (run.state !== 'completed') throw new Error(`the release failed: ${JSON.stringify(run.error)}`);
    const result = run.result as {
      number: number;
      seconds: number;
      bytes: number;
      files: number;
      suppressedCells: number;
    };
    console.log(
      `release ${result.number}: ${result.seconds.toFixed(2)} s in the job, ${result.files} files, ` +
        `${(result.bytes / 1024).toFixed(1)} KiB, ${result.suppressedCells} suppressed cells`,
    );
    for (const path of [
      '/api/public/statistics',
      '/api/public/statistics/status-granted.csv',
      '/api/public/statistics/arrivals.json',
      '/statistics',
    ]) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const started = performance.now();
        await request(api.url).get(path).expect(200);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(
        `${path}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${REQUESTS} requests)`,
      );
    }
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
