import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request rate limits' counters (login, public routes), shared by every replica
 * (common/security/shared-throttler-storage.ts, docs/deployment.md). UNLOGGED: no WAL
 * for a counter written on every limited request; a crash empties it, which only
 * forgives the current minute.
 */
export class SharedRateLimits1764000000040 implements MigrationInterface {
  name = 'SharedRateLimits1764000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_hit (
        key varchar(200) NOT NULL,
        throttler varchar(50) NOT NULL,
        hits int NOT NULL,
        window_ends_at timestamptz NOT NULL,
        blocked_until timestamptz,
        PRIMARY KEY (key, throttler)
      )
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limit_hit`);
  }
}
