import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for lists at national size (docs/lists.md): every sort the case list offers,
 * within a region and nationwide, as (column, id) so a page is read in order and a keyset
 * cursor continues it; the caseworker queues; the person list's sorts; and a name search
 * that looks only at one region's part of the trigram index (btree_gin).
 */
export class ListIndexes1764000000037 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE EXTENSION IF NOT EXISTS btree_gin;

      CREATE INDEX application_region_id_idx ON application (region_id, id);
      CREATE INDEX application_region_number_idx ON application (region_id, number, id);
      CREATE INDEX application_region_created_at_idx ON application (region_id, created_at, id);
      CREATE INDEX application_region_submitted_at_idx ON application (region_id, submitted_at, id);
      -- Replaces (region_id, deadline_due) WHERE deadline_due IS NOT NULL: the sort needs the nulls too.
      DROP INDEX application_deadline_due_idx;
      CREATE INDEX application_region_deadline_due_idx ON application (region_id, deadline_due, id);

      CREATE INDEX application_number_id_idx ON application (number, id);
      CREATE INDEX application_status_id_idx ON application (status, id);
      DROP INDEX application_created_at_idx;
      CREATE INDEX application_created_at_idx ON application (created_at, id);
      CREATE INDEX application_submitted_at_idx ON application (submitted_at, id);
      CREATE INDEX application_deadline_due_id_idx ON application (deadline_due, id);

      -- "Mine": one caseworker's cases newest first, the status read from the index.
      DROP INDEX application_assigned_status_idx;
      CREATE INDEX application_assigned_idx ON application (assigned_to_id, id) INCLUDE (status);
      -- "Unassigned in my region".
      CREATE INDEX application_unassigned_idx ON application (region_id, id) INCLUDE (status) WHERE assigned_to_id IS NULL;
      -- "Status expiring" within a region.
      CREATE INDEX application_region_approved_valid_to_idx ON application (region_id, status_valid_to) WHERE status = 'approved';

      CREATE INDEX person_region_surname_idx ON person (region_id, surname, id);
      CREATE INDEX person_region_birth_date_idx ON person (region_id, birth_date, id);
      CREATE INDEX person_region_created_at_idx ON person (region_id, created_at, id);
      CREATE INDEX person_surname_idx ON person (surname, id);
      CREATE INDEX person_region_search_key_trgm_idx ON person USING gin (region_id, search_key gin_trgm_ops);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX person_region_search_key_trgm_idx, person_surname_idx, person_region_created_at_idx,
        person_region_birth_date_idx, person_region_surname_idx;
      DROP INDEX application_region_approved_valid_to_idx, application_unassigned_idx, application_assigned_idx;
      CREATE INDEX application_assigned_status_idx ON application (assigned_to_id, status);
      DROP INDEX application_deadline_due_id_idx, application_submitted_at_idx, application_created_at_idx,
        application_status_id_idx, application_number_id_idx;
      CREATE INDEX application_created_at_idx ON application (created_at);
      DROP INDEX application_region_deadline_due_idx, application_region_submitted_at_idx,
        application_region_created_at_idx, application_region_number_idx, application_region_id_idx;
      CREATE INDEX application_deadline_due_idx ON application (region_id, deadline_due) WHERE deadline_due IS NOT NULL;
      DROP EXTENSION IF EXISTS btree_gin;
    `);
  }
}
