/**
 * `npm run bench:demo`: how fast `seed:demo` loads generated families into a fresh
 * PostgreSQL database, at each size in BENCH_DEMO_FAMILIES (default 10000,100000),
 * and how long re-walking the audit chain then takes. Prints a line per size.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { parseKeyRing } from '../../apps/api/src/config/app.config';
import { seedDemoDatabase } from '../../apps/api/src/database/seeds/demo/seed-database';
import { typeormOptions } from '../../apps/api/src/database/typeorm-options';
import { AuditLogService } from '../../apps/api/src/modules/audit/audit-log.service';
import { DataKeysRepository } from '../../apps/api/src/modules/data-keys/data-keys.repository';
import { DataKeysService } from '../../apps/api/src/modules/data-keys/data-keys.service';
import { MasterKeyCipher } from '../../apps/api/src/modules/data-keys/master-key-cipher';
import { LocalFileStore } from '../../apps/api/src/modules/documents/storage/local-file-store';
import { createDatabase } from '../support/api-process';

const MASTER_KEYS = parseKeyRing('DATA_MASTER_KEYS', `bench:${randomBytes(32).toString('base64')}`);
const SIZES = (process.env.BENCH_DEMO_FAMILIES ?? '10000,100000').split(',').map(Number);

async function main(): Promise<void> {
  for (const families of SIZES) {
    const db = await createDatabase();
    const files = mkdtempSync(join(tmpdir(), 'qonys-bench-demo-'));
    try {
      const result = await seedDemoDatabase(db.url, new LocalFileStore(files), MASTER_KEYS, {
        families,
        seed: 1,
        today: '2026-12-01',
      });
      if (!result) throw new Error('a fresh database already had demo families');
      const dataSource = new DataSource(typeormOptions(db.url, 2));
      await dataSource.initialize();
      const started = performance.now();
      const chain = await new AuditLogService(
        dataSource,
        new DataKeysService(dataSource, new DataKeysRepository(), new MasterKeyCipher(MASTER_KEYS)),
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
