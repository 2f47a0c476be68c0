import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The status clocks (docs/status-clocks.md) read approved cases by the end of their
 * validity: the daily expiry job (valid_to before today) and the "status expiring"
 * queue (valid_to within the extension window). Approved cases only, so the index
 * stays as small as the set of living statuses.
 */
export class StatusValidityIndex1764000000024 implements MigrationInterface {
  name = 'StatusValidityIndex1764000000024';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX application_approved_valid_to_idx ON application (status_valid_to) WHERE status = 'approved'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_approved_valid_to_idx`);
  }
}
