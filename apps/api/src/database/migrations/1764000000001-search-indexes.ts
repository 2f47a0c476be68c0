import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * pg_trgm, and trigram indexes for the substring searches (`q`) of the user list,
 * so `ILIKE '%…%'` is an index scan rather than a sequential one.
 */
export class SearchIndexes1764000000001 implements MigrationInterface {
  name = 'SearchIndexes1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE INDEX app_user_search_trgm_idx ON app_user
        USING gin (username gin_trgm_ops, full_name gin_trgm_ops, email gin_trgm_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX app_user_search_trgm_idx;`);
  }
}
