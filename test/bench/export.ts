/**
 * `npm run bench:export`: a list export of BENCH_EXPORT_ROWS persons (default 1,000,000)
 * of one region (docs/exports.md). Makes its own database, fills it with SQL, then
 * exports the persons list twice with the built API: streamed in the response (the job
 * threshold raised to the row count) and as the `list-export` job (default threshold),
 * sampling the API's resident memory (/proc) every 100 ms. Prints lines; asserts nothing.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { bearer, regionIdByCode, withDb } from '../support/api-helpers';
import { createDatabase, type RunningApi, startApi } from '../support/api-process';
import { login } from '../support/auth';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
/**
 * The API's V8 old-space cap (MB): an export that held its rows (the 1M-row CSV is ~94 MB,
 * its entities far more) would die of it; a streaming one finishes. RSS alone grows
 * lazily up to what V8 allows before collecting, so it says little by itself.
 */
const HEAP_MB = Number(process.env.BENCH_EXPORT_HEAP_MB ?? 256);
const API_ENV = { NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` };
const MB = 2 ** 20;

const rss = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;

/** Runs `work` while sampling the API's RSS; returns the work's result with the baseline and peak. */
async function sampled<T>(api: RunningApi, work: () => Promise<T>) {
  const baseline = rss(api.pid);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rss(api.pid))), 100);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, baseline, peak };
  } finally {
    clearInterval(timer);
  }
}

const line = (label: string, rows: number, bytes: number, m: { seconds: number; baseline: number; peak: number }) =>
  console.log(
    `${label.padEnd(22)} ${rows} rows, ${(bytes / MB).toFixed(0)} MB in ${m.seconds.toFixed(1)} s ` +
      `(${Math.round(rows / m.seconds)} rows/s); API RSS ${(m.baseline / MB).toFixed(0)} → peak ${(m.peak / MB).toFixed(0)} MB ` +
      `(+${((m.peak - m.baseline) / MB).toFixed(0)} MB)`,
  );

/** Reads a response to its end, counting bytes and lines without keeping them. */
async function drain(url: string, path: string, token: string): Promise<{ bytes: number; lines: number }> {
  const response = await fetch(`${url}${path}`, { headers: bearer(token) });
  if (!response.ok || !response.body) throw new Error(`${path}: ${response.status}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  return { bytes, lines };
}

async function main(): Promise<void> {
  const db = await createDatabase();
  let api = await startApi({ ...API_ENV, EXPORT_JOB_THRESHOLD: String(ROWS) }, db.url);
  try {
    const region = await regionIdByCode(db.url, '55');
    const filled = performance.now();
    await withDb(db.url, (client) =>
      client.query(
        `INSERT INTO person (surname, given_name, surname_latin, given_name_latin, birth_date, sex, region_id, search_key)
         SELECT 'Сейітов', 'Ерлан' || g, 'Seiitov', 'Erlan' || g, DATE '1950-01-01' + (g % 20000), 'M', $1,
                'seiitov erlan' || g
           FROM generate_series(1, $2::int) g`,
        [region, ROWS],
      ),
    );
    // As autovacuum would soon: without statistics the planner bitmap-scans the region for every batch.
    await withDb(db.url, (client) => client.query('ANALYZE person'));
    console.log(`API heap cap: --max-old-space-size=${HEAP_MB}`);
    console.log(`filled ${ROWS} persons in ${((performance.now() - filled) / 1000).toFixed(1)} s`);
    const session = await login(api.url, 'caseworker.pavlodar');

    const streamed = await sampled(api, () => drain(api.url, '/api/persons/export?format=csv', session.accessToken));
    line('CSV streamed', streamed.result.lines - 1, streamed.result.bytes, streamed);

    await api.stop();
    api = await startApi(API_ENV, db.url);
    const again = await login(api.url, 'caseworker.pavlodar');
    for (const format of ['csv', 'xlsx'] as const) {
      const job = await sampled(api, async () => {
        const started = await request(api.url)
          .get(`/api/persons/export?format=${format}`)
          .set(bearer(again.accessToken))
          .expect(202);
        for (;;) {
          const { body } = await request(api.url).get(`/api/exports/${started.body.id}`).set(bearer(again.accessToken));
          if (body.state === 'failed') throw new Error(JSON.stringify(body));
          if (body.state === 'completed') return { id: started.body.id as string, rows: body.rows as number };
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      });
      const file = await drain(api.url, `/api/exports/${job.result.id}/file`, again.accessToken);
      line(`${format.toUpperCase()} as a job`, job.result.rows, file.bytes, job);
    }
  } finally {
    await api.stop();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
