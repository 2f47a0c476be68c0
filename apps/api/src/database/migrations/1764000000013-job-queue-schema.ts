import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The schema pg-boss keeps its tables in, created by the owner: the application's role
 * may not create schemas, only (granted at start, database/migrate.ts) its own tables
 * inside this one (docs/jobs.md, docs/audit-chain.md).
 */
export class JobQueueSchema1764000000013 implements MigrationInterface {
  name = 'JobQueueSchema1764000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE SCHEMA IF NOT EXISTS pgboss');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
  }
}
