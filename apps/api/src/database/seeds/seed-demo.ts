import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../config/app.config';
import { createFileStore } from '../../common/storage/file-store.provider';
import { startEmbeddedPostgres } from '../embedded-postgres';
import { seedDemoDatabase } from './demo/seed-database';

/**
 * `npm run seed:demo -- --families N --seed S [--today YYYY-MM-DD] [--national | --no-national]`: the demo users
 * and N generated families into DATABASE_URL (or the embedded database under
 * DATA_DIR), migrated first. Once per database, like at start-up.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      families: { type: 'string' },
      seed: { type: 'string' },
      today: { type: 'string' },
      // The national dataset's bulk path (docs/demo-data.md); by default from 100,000 families.
      national: { type: 'boolean' },
      'no-national': { type: 'boolean' },
    },
  });
  const config = loadConfig({
    ...process.env,
    ...(values.families === undefined ? {} : { DEMO_FAMILIES: values.families }),
    ...(values.seed === undefined ? {} : { DEMO_SEED: values.seed }),
    ...(values.today === undefined ? {} : { DEMO_TODAY: values.today }),
  });
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, 4);
  try {
    const result = await seedDemoDatabase(config.databaseUrl ?? embedded!.url, createFileStore(config), config, {
      families: config.demoFamilies,
      seed: config.demoSeed,
      today: config.demoToday,
      national: values.national ? true : values['no-national'] ? false : undefined,
      progress: (families) => process.stdout.write(`\r${families} families`),
    });
    process.stdout.write('\n');
    if (result === null) {
      console.log('Demo families are already loaded in this database; nothing done.');
    } else {
      console.log(
        `Loaded ${result.families} families (${result.persons} persons, ${result.auditEvents} audit events) ` +
          `in ${result.seconds.toFixed(1)} s: ${Math.round(result.families / result.seconds)} families/s ` +
          `(seed ${config.demoSeed}, demo today ${config.demoToday})` +
          (result.phases
            ? `; rows ${result.phases.load.toFixed(1)} s, indexes and keys ${result.phases.indexes.toFixed(1)} s, ` +
              `VACUUM ANALYZE ${result.phases.vacuum.toFixed(1)} s`
            : ''),
      );
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
