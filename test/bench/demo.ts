/**
 * `npm run bench:demo`: how fast `seed:demo` loads generated families into a fresh
 * PostgreSQL database, at each size in BENCH_DEMO_FAMILIES (default 10000,100000),
 * and how long re-walking the audit chain then takes. Prints a line per size.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { seedDemoDatabase } from '../../apps/api/src/database/seeds/demo/seed-database';
import { typeormOptions } from '../../apps/api/src/database/typeorm-options';
import { AuditLogService } from '../../apps/api/src/modules/audit/audit-log.service';
import { DataKeysRepository } from '../../apps/api/src/modules/data-keys/data-keys.repository';
import { DataKeysService } from '../../apps/api/src/modules/data-keys/data-keys.service';
import { MasterKeyCipher } from '../../apps/api/src/modules/data-keys/master-key-cipher';
import { createFileStore } from '../../apps/api/src/common/storage/file-store.provider';
import { loadConfig } from '../../apps/api/src/config/app.config';
import { AuditCheckpointService } from '../../apps/api/src/modules/audit/audit-checkpoint.service';
import {
  createDatabase,
  E2E_AUDIT_CHAIN_KEYS,
  E2E_AUDIT_CHECKPOINT_KEYS,
  E2E_DATA_MASTER_KEYS,
  E2E_JWT_SECRET,
} from '../support/api-process';

const SIZES = (process.env.BENCH_DEMO_FAMILIES ?? '10000,100000').split(',').map(Number);

async function main(): Promise<void> {
  for (const families of SIZES) {
    const db = await createDatabase();
    const files = mkdtempSync(join(tmpdir(), 'qonys-bench-demo-'));
    const config = loadConfig({
      DATABASE_URL: db.url,
      DATA_DIR: files,
      JWT_SECRET: E2E_JWT_SECRET,
      AUDIT_CHAIN_KEYS: E2E_AUDIT_CHAIN_KEYS,
      AUDIT_CHECKPOINT_KEYS: E2E_AUDIT_CHECKPOINT_KEYS,
      DATA_MASTER_KEYS: E2E_DATA_MASTER_KEYS,
    });
    try {
      const result = await seedDemoDatabase(db.url, createFileStore(config), config, {
        families,
        seed: 1,
        today: '2026-12-01',
        // The full history, as `npm start` writes it (the national bulk path is measured by the scale bench).
        national: false,
      });
      if (!result) throw new Error('a fresh database already had demo families');
      const dataSource = new DataSource(typeormOptions(db.url, 2));
      await dataSource.initialize();
      const started = performance.now();
      const checkpoints = new AuditCheckpointService(dataSource, createFileStore(config, 'audit-checkpoints'), config);
      const chain = await new AuditLogService(
        dataSource,
        config,
        checkpoints,
        new DataKeysService(dataSource, new DataKeysRepository(), new MasterKeyCipher(config.dataMasterKeys)),
      ).verify();
      const verifySeconds = (performance.now() - started) / 1000;
      await dataSource.destroy();
      console.log(
        `seed:demo ${String(families).padStart(8)} families  ${result.persons} persons  ${result.auditEvents} audit events  ` +
          `${result.seconds.toFixed(1)} s  ${Math.round(families / result.seconds)} families/s  ` +
          `chain ${chain.valid ? 'valid' : 'BROKEN'} (verified in ${verifySeconds.toFixed(1)} s)`,
      );
    } finally {
      await db.drop();
      rmSync(files, { recursive: true, force: true });
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
