/**
 * `npm run bench:forecast` (after `npm run build:api`): starts the API on a fresh database
 * with BENCH_FORECAST_FAMILIES generated families (default 3000), imports nothing, runs the
 * `forecast` job and prints its time and, per series, the chosen model's backtest against
 * the seasonal-naive baseline (docs/monitoring-history.md).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayInKazakhstan } from '@qonys/domain';
import request from 'supertest';
import { createFileStore } from '../../apps/api/src/common/storage/file-store.provider';
import { loadConfig } from '../../apps/api/src/config/app.config';
import { seedDemoDatabase } from '../../apps/api/src/database/seeds/demo/seed-database';
import { bearer, withDb } from '../support/api-helpers';
import {
  createDatabase,
  E2E_AUDIT_CHAIN_KEYS,
  E2E_AUDIT_CHECKPOINT_KEYS,
  E2E_DATA_MASTER_KEYS,
  E2E_JWT_SECRET,
  startApi,
} from '../support/api-process';
import { login } from '../support/auth';
import { finished, pollRun } from '../support/job-runs';

interface Score {
  mase: number | null;
  smape: number;
  coverage80: number;
  coverage95: number;
  windows: number;
}

const families = process.env.BENCH_FORECAST_FAMILIES ?? '3000';
const fixed = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

async function main(): Promise<void> {
  // Seeded first, as bench:demo does: the API's own start would seed them within its start-up timeout.
  const db = await createDatabase();
  const files = mkdtempSync(join(tmpdir(), 'qonys-bench-forecast-'));
  const config = loadConfig({
    DATABASE_URL: db.url,
    DATA_DIR: files,
    JWT_SECRET: E2E_JWT_SECRET,
    AUDIT_CHAIN_KEYS: E2E_AUDIT_CHAIN_KEYS,
    AUDIT_CHECKPOINT_KEYS: E2E_AUDIT_CHECKPOINT_KEYS,
    DATA_MASTER_KEYS: E2E_DATA_MASTER_KEYS,
  });
  await seedDemoDatabase(db.url, createFileStore(config), config, {
    families: Number(families),
    seed: 1,
    today: todayInKazakhstan(),
  });
  const api = await startApi({ DEMO_FAMILIES: families, DATA_DIR: files }, db.url);
  try {
    const admin = await login(api.url, 'admin');
    const started = performance.now();
    const queued = await request(api.url)
      .post('/api/jobs/forecast/runs')
      .set(bearer(admin.accessToken))
      .send({})
      .expect(201);
    const run = await pollRun(api.url, admin, queued.body.id as string, finished);
    const wall = (performance.now() - started) / 1000;
    if (run.state !== 'completed') throw new Error(JSON.stringify(run.error));
    console.log(
      `families ${families}: forecast job ${wall.toFixed(1)} s (queue to completed), ${run.result!.durationMs as number} ms of work, ${run.result!.series as number} series`,
    );
    const rows = await withDb(
      api.databaseUrl,
      async (db) =>
        (
          await db.query<{
            code: string | null;
            model: string;
            inputs_from: string;
            inputs_to: string;
            backtest: Record<string, Score | null>;
          }>(
            `SELECT r.code, s.model, to_char(s.inputs_from, 'YYYY-MM') AS inputs_from, to_char(s.inputs_to, 'YYYY-MM') AS inputs_to, s.backtest
           FROM forecast_series s LEFT JOIN region r ON r.id = s.region_id
           WHERE s.run_id = $1 ORDER BY r.code NULLS FIRST`,
            [run.result!.forecastRunId],
          )
        ).rows,
    );
    console.log(
      'series   | months          | model          | MASE  sMAPE cov80 cov95 | baseline MASE sMAPE cov80 cov95',
    );
    for (const row of rows) {
      const chosen = row.backtest[row.model];
      const base = row.backtest['seasonal-naive'];
      console.log(
        [
          (row.code ?? 'national').padEnd(8),
          `${row.inputs_from}–${row.inputs_to}`.padEnd(15),
          row.model.padEnd(14),
          `${fixed(chosen?.mase)} ${fixed(chosen?.smape, 1)} ${fixed(chosen?.coverage80)} ${fixed(chosen?.coverage95)}`.padEnd(
            23,
          ),
          `${fixed(base?.mase)} ${fixed(base?.smape, 1)} ${fixed(base?.coverage80)} ${fixed(base?.coverage95)}`,
        ].join(' | '),
      );
    }
  } finally {
    await api.stop();
    await db.drop();
    rmSync(files, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
