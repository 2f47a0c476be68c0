import { DataSource } from 'typeorm';
import { typeormOptions } from './typeorm-options';

// Replicas starting together must not run the same migration twice.
const MIGRATION_LOCK = 7_262_000;

/**
 * Runs pending migrations under a session advisory lock, then `whileLocked` (the grants)
 * still under it; returns the migrations' names.
 */
export async function runMigrations(
  dataSource: DataSource,
  whileLocked: () => Promise<void> = async () => undefined,
): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const done = await dataSource.runMigrations({ transaction: 'each' });
    await whileLocked();
    return done.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Runs pending migrations on the embedded database: one process owns it, so there is no
 * replica to lock out, and its single connection could not hold a lock while migrating.
 */
export async function runEmbeddedMigrations(dataSource: DataSource): Promise<string[]> {
  const done = await dataSource.runMigrations({ transaction: 'each' });
  return done.map((m) => m.name);
}

/** Tables the application may read and append to but never change (docs/audit-chain.md). */
const APPEND_ONLY_TABLES = ['audit_event', 'audit_checkpoint', 'statistics_release', 'statistics_release_file'];

/**
 * Migrates as the owner (DATABASE_OWNER_URL), then grants the application's role exactly
 * what it needs: all DML on the tables, but only SELECT and INSERT on the append-only
 * ones, nothing on the migration history, no DDL. Re-run at every start, so tables of
 * later migrations are covered too.
 */
export async function migrateAsOwner(ownerUrl: string, appRole: string): Promise<string[]> {
  // Two: one holds the migration lock while the other migrates.
  const owner = new DataSource(typeormOptions(ownerUrl, 2));
  await owner.initialize();
  try {
    const role = `"${appRole.replace(/"/g, '""')}"`;
    // Under the lock: two replicas granting at once can fail with "tuple concurrently updated".
    return await runMigrations(owner, () =>
      owner.transaction(async (manager) => {
        await manager.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
        await manager.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
        await manager.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
        await manager.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${role}`);
        await manager.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON migration FROM ${role}`);
        // pg-boss creates and manages its own tables (a partition per queue) in its schema.
        await manager.query(`GRANT USAGE, CREATE ON SCHEMA pgboss TO ${role}`);
      }),
    );
  } finally {
    await owner.destroy();
  }
}
