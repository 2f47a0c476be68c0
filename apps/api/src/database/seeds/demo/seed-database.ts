import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../config/app.config';
import { AuditService } from '../../../modules/audit/audit.service';
import { DataKeysRepository } from '../../../modules/data-keys/data-keys.repository';
import { DataKeysService } from '../../../modules/data-keys/data-keys.service';
import { MasterKeyCipher } from '../../../modules/data-keys/master-key-cipher';
import type { FileStore } from '../../../common/storage/file-store';
import { runMigrations } from '../../migrate';
import { typeormOptions } from '../../typeorm-options';
import { seedDemoData } from '../demo-data';
import { type DemoOptions, type DemoResult, loadDemoFamilies } from './demo-writer';
import { loadNationalDemo } from './national-writer';

/** From this size `seed:demo` writes the national dataset (national-writer.ts) unless told otherwise. */
export const NATIONAL_FROM_FAMILIES = 100_000;

/**
 * Outside a running API (`npm run seed:demo`, the benchmark): migrates the database,
 * adds the demo users and loads the families once. Null when they were there already.
 * `national`: the bulk path (persons and cases only, docs/demo-data.md); the default
 * takes it from NATIONAL_FROM_FAMILIES families.
 */
export async function seedDemoDatabase(
  databaseUrl: string,
  files: FileStore,
  keys: Pick<AppConfig, 'auditChainKeys' | 'dataMasterKeys'>,
  options: DemoOptions & { national?: boolean; progress?: (families: number) => void },
): Promise<DemoResult | null> {
  const dataSource = new DataSource(typeormOptions(databaseUrl, 2));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const cipher = new MasterKeyCipher(keys.dataMasterKeys);
    const dataKeys = new DataKeysService(dataSource, new DataKeysRepository(), cipher);
    const audit = new AuditService(dataSource, keys, dataKeys);
    await seedDemoData(dataSource, audit, cipher);
    const national = options.national ?? options.families >= NATIONAL_FROM_FAMILIES;
    return national
      ? await loadNationalDemo(dataSource, audit, options, options.progress)
      : await loadDemoFamilies(dataSource, audit, files, options);
  } finally {
    await dataSource.destroy();
  }
}
