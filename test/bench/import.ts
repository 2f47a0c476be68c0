/**
 * `npm run bench:import`: a persons import of a deterministic 100,000-row CSV (the
 * contract's columns, every row valid) through POST /api/imports as a caseworker, on a
 * fresh database, then the same file again (all unchanged). Prints rows per second of the
 * run (from the worker's start to its end) and the phases the job reports. BENCH_ROWS
 * changes the size. Prints lines; asserts nothing (docs/imports.md, the ≥ 20,000 rows/s goal).
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { bearer, scalar } from '../support/api-helpers';
import { startApi } from '../support/api-process';
import { login, type Session } from '../support/auth';
import { personsCsv } from '../factories/person-import-file';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

interface Run {
  id: string;
  state: string;
  startedAt: string | null;
  finishedAt: string | null;
  report: { inserted: number | null; updated: number | null; unchanged: number | null };
  errorCount: number;
  error: { code: string; params: unknown } | null;
}

async function importOnce(url: string, session: Session, csv: Buffer, label: string): Promise<void> {
  const sent = performance.now();
  const started = await request(url)
    .post('/api/imports')
    .set(bearer(session.accessToken))
    .field('kind', 'persons')
    .field('mode', 'upsert')
    .attach('file', csv, 'persons.csv')
    .expect(202);
  const accepted = performance.now() - sent;
  let run = started.body as Run;
  while (run.state !== 'completed' && run.state !== 'failed') {
    await new Promise((r) => setTimeout(r, 100));
    run = (await request(url).get(`/api/imports/${run.id}`).set(bearer(session.accessToken)).expect(200)).body as Run;
  }
  const wall = performance.now() - sent;
  const worker = new Date(run.finishedAt!).getTime() - new Date(run.startedAt!).getTime();
  const timings = await scalar<Record<string, number>>(
    process.env.BENCH_DB_URL!,
    "SELECT result -> 'timingsMs' FROM job_run WHERE params ->> 'importRunId' = $1 ORDER BY queued_at DESC LIMIT 1",
    [run.id],
  );
  console.log(
    `${label.padEnd(22)} ${run.state}  ${JSON.stringify(run.report)} errors=${run.errorCount} ${run.error ? JSON.stringify(run.error) : ''}\n` +
      `${''.padEnd(22)} upload ${accepted.toFixed(0)} ms, worker ${worker} ms = ${Math.round((ROWS / worker) * 1000)} rows/s` +
      ` (wall incl. queue and polling ${wall.toFixed(0)} ms = ${Math.round((ROWS / wall) * 1000)} rows/s)\n` +
      `${''.padEnd(22)} phases ${JSON.stringify(timings)}`,
  );
}

async function main(): Promise<void> {
  const csv = Buffer.from(personsCsv(ROWS));
  console.log(`persons CSV: ${ROWS} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);
  const api = await startApi({ LOG_LEVEL: 'error' });
  process.env.BENCH_DB_URL = api.databaseUrl;
  try {
    const caseworker = await login(api.url, 'caseworker.pavlodar');
    await importOnce(api.url, caseworker, csv, 'first import');
    await importOnce(api.url, caseworker, csv, 'same file again');
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
